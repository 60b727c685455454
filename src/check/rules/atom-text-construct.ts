import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

const TEXT_TYPES = new Set(['text', 'html', 'xhtml']);
const TEXT_CONSTRUCTS = ['atom:title', 'atom:subtitle', 'atom:summary', 'atom:rights'];
/** Atom elements whose content is text alone. */
const TEXT_ONLY = ['atom:id', 'atom:updated', 'atom:published', 'atom:icon', 'atom:logo', 'atom:generator', 'atom:name', 'atom:uri', 'atom:email'];

/** Content that may hold elements: XHTML in its div, or an XML media type (RFC 4287, 4.1.3.3). */
const holdsElements = (type: string): boolean => type === 'xhtml' || /[/+]xml(\s*;.*)?$/i.test(type);

export const rule: Rule = {
  meta: {
    id: 'atom/text-construct',
    severity: 'error',
    description:
      'A title, subtitle, summary or rights is of type "text", "html" or "xhtml"; text and html hold no elements, nor does content that is not XML, content with a src, or an id, date, name, uri, email, icon, logo or generator.',
    spec: 'RFC 4287, sections 3.1.1 and 4.1.3',
    w3c: 'InvalidTextType',
    formats: ['atom'],
  },
  create: (context) => {
    const noElements = (el: XmlElement, why: string) => {
      const child = el.children[0];
      if (child !== undefined) context.report(child, `<${el.local}> holds the element <${child.name}>, but ${why}; escape the markup, or remove it`);
    };
    const construct = (el: XmlElement) => {
      const type = el.attr('type') ?? 'text';
      if (!TEXT_TYPES.has(type)) return context.report(el.attribute('type') ?? el, `the type of <${el.local}> is ${JSON.stringify(type)}; RFC 4287 allows "text", "html" or "xhtml"`);
      if (type !== 'xhtml') noElements(el, `a type="${type}" construct holds only text`);
    };
    const content = (el: XmlElement) => {
      const type = el.attr('type') ?? 'text';
      if (el.attribute('src') !== undefined) {
        if (el.children.length > 0 || /\S/.test(el.text)) context.report(el, '<content> has a src and content of its own; RFC 4287 says content with a src is empty: remove one or the other');
        return;
      }
      if (!holdsElements(type)) noElements(el, `content of type="${type}" holds only text`);
    };
    const textOnly = (el: XmlElement) => noElements(el, 'RFC 4287 gives it text alone');
    return {
      elements: {
        ...Object.fromEntries(TEXT_CONSTRUCTS.map((key) => [key, construct])),
        ...Object.fromEntries(TEXT_ONLY.map((key) => [key, textOnly])),
        'atom:content': content,
      },
    };
  },
};

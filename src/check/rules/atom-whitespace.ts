import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** Atom elements whose text is an IRI, a date or an address: no white space around it (RFC 4287, 3.3, 4.2.6; atomUri). */
const TEXT = ['atom:id', 'atom:updated', 'atom:published', 'atom:icon', 'atom:logo', 'atom:uri', 'atom:email'];
/** Attributes that hold an IRI, by element. */
const ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'atom:link': ['href'],
  'atom:content': ['src'],
  'atom:category': ['scheme'],
  'atom:generator': ['uri'],
};

const padded = (value: string): boolean => /^\s|\s$/.test(value);

export const rule: Rule = {
  meta: {
    id: 'atom/whitespace',
    severity: 'error',
    description: 'An Atom id, date, icon, logo, uri or email, and an href, src, scheme or generator uri, has no white space before or after it.',
    spec: 'RFC 4287, sections 3.3, 3.2.2 and 4.2.6; RFC 3987, section 2.2',
    w3c: 'UnexpectedWhitespace',
    formats: ['atom'],
  },
  create: (context) => {
    const text = (el: XmlElement) => {
      if (el.children.length === 0 && padded(el.text)) context.report(el, `<${el.local}> has white space around ${JSON.stringify(el.text.trim())}, which an Atom ${el.local} may not hold; write the value alone`);
    };
    const attributes = (names: readonly string[]) => (el: XmlElement) => {
      for (const name of names) {
        const attr = el.attribute(name);
        if (attr !== undefined && padded(attr.value)) context.report(attr, `the ${name} of <${el.local}> has white space around ${JSON.stringify(attr.value.trim())}; write the IRI alone`);
      }
    };
    return {
      elements: {
        ...Object.fromEntries(TEXT.map((key) => [key, text])),
        ...Object.fromEntries(Object.entries(ATTRIBUTES).map(([key, names]) => [key, attributes(names)])),
      },
    };
  },
};

import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** The elements RSS 2.0 defines (in no namespace), by the element they belong in. */
const DEFINED: Readonly<Record<string, ReadonlySet<string>>> = {
  channel: new Set(['title', 'link', 'description', 'language', 'copyright', 'managingEditor', 'webMaster', 'pubDate', 'lastBuildDate', 'category', 'generator', 'docs', 'cloud', 'ttl', 'image', 'rating', 'textInput', 'skipHours', 'skipDays', 'item']),
  item: new Set(['title', 'link', 'description', 'author', 'category', 'comments', 'enclosure', 'guid', 'pubDate', 'source']),
  image: new Set(['url', 'title', 'link', 'width', 'height', 'description']),
  textInput: new Set(['title', 'description', 'name', 'link']),
  skipHours: new Set(['hour']),
  skipDays: new Set(['day']),
};

export const rule: Rule = {
  meta: {
    id: 'rss/unknown-element',
    severity: 'error',
    description: 'A channel, item, image or text input must hold only the elements RSS 2.0 defines, or elements of a declared namespace.',
    spec: 'RSS 2.0, "Extending RSS": an element not defined by RSS 2.0 must be in a namespace',
    w3c: 'UndefinedElement',
    formats: ['rss'],
  },
  create: (context) => {
    const check = (parent: XmlElement) => {
      const defined = DEFINED[parent.key];
      if (defined === undefined || parent.namespace !== undefined) return;
      for (const child of parent.children) {
        // An element of a namespace is an extension, as RSS 2.0 allows; an undeclared prefix is feed/undeclared-prefix's.
        if (child.prefix !== undefined || child.namespace !== undefined) continue;
        if (!defined.has(child.name)) {
          const near = [...defined].find((name) => name.toLowerCase() === child.name.toLowerCase());
          context.report(child, `<${parent.name}> holds <${child.name}>, which RSS 2.0 does not define${near ? ` (the element is <${near}>, in that case)` : ''}; remove it, or put it in a namespace of its own`);
        }
      }
    };
    return { elements: { channel: check, item: check, image: check, textInput: check, skipHours: check, skipDays: check } };
  },
};

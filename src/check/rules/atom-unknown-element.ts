import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** The elements RFC 4287 defines in a feed, an entry, an author or contributor, and a source. */
const PERSON = new Set(['name', 'uri', 'email']);
const DEFINED: Readonly<Record<string, ReadonlySet<string>>> = {
  'atom:feed': new Set(['author', 'category', 'contributor', 'generator', 'icon', 'id', 'link', 'logo', 'rights', 'subtitle', 'title', 'updated', 'entry']),
  'atom:entry': new Set(['author', 'category', 'content', 'contributor', 'id', 'link', 'published', 'rights', 'source', 'summary', 'title', 'updated']),
  'atom:source': new Set(['author', 'category', 'contributor', 'generator', 'icon', 'id', 'link', 'logo', 'rights', 'subtitle', 'title', 'updated']),
  'atom:author': PERSON,
  'atom:contributor': PERSON,
};

export const rule: Rule = {
  meta: {
    id: 'atom/unknown-element',
    severity: 'error',
    description: 'An element in the Atom namespace must be one RFC 4287 defines where it stands.',
    spec: 'RFC 4287, sections 4.1 and 3.2; section 6.4: extensions are in other namespaces',
    w3c: 'UndefinedElement',
    formats: ['atom'],
  },
  create: (context) => {
    const check = (parent: XmlElement) => {
      const defined = DEFINED[parent.key]!;
      for (const child of parent.children) {
        if (child.key.startsWith('atom:') && !defined.has(child.local)) {
          context.report(child, `<${parent.local}> holds <${child.local}> in the Atom namespace, which RFC 4287 does not define there; remove it, or put an extension in a namespace of its own`);
        }
      }
    };
    return { elements: Object.fromEntries(Object.keys(DEFINED).map((key) => [key, check])) };
  },
};

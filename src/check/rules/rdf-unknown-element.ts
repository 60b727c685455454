import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** The elements RSS 1.0 defines in its own namespace, by the element they belong in. */
const DEFINED: Readonly<Record<string, ReadonlySet<string>>> = {
  'rdf:RDF': new Set(['channel', 'image', 'item', 'textinput']),
  'rss1:channel': new Set(['title', 'link', 'description', 'image', 'items', 'textinput']),
  'rss1:item': new Set(['title', 'link', 'description']),
  'rss1:image': new Set(['title', 'link', 'url']),
  'rss1:textinput': new Set(['title', 'description', 'name', 'link']),
};

export const rule: Rule = {
  meta: {
    id: 'rdf/unknown-element',
    severity: 'error',
    description: 'An element in the RSS 1.0 namespace must be one RSS 1.0 defines where it stands; other elements belong in a module\'s namespace.',
    spec: 'RSS 1.0, sections 5 ("Core Syntax") and 6 ("Modules")',
    w3c: 'UndefinedElement',
    formats: ['rdf'],
  },
  create: (context) => {
    const check = (parent: XmlElement) => {
      const defined = DEFINED[parent.key]!;
      for (const child of parent.children) {
        if (child.key.startsWith('rss1:') && !defined.has(child.local)) {
          context.report(child, `<${parent.local}> holds <${child.local}>, which RSS 1.0 does not define there; remove it, or use a module's element (dc:date, dc:creator, content:encoded) in its namespace`);
        }
      }
    };
    return { elements: Object.fromEntries(Object.keys(DEFINED).map((key) => [key, check])) };
  },
};

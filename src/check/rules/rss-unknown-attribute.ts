import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** The attributes RSS 2.0 gives its elements that have any. */
const DEFINED: Readonly<Record<string, readonly string[]>> = {
  rss: ['version'],
  guid: ['isPermaLink'],
  enclosure: ['url', 'length', 'type'],
  source: ['url'],
  category: ['domain'],
  cloud: ['domain', 'port', 'path', 'registerProcedure', 'protocol'],
};

export const rule: Rule = {
  meta: {
    id: 'rss/unknown-attribute',
    severity: 'error',
    description: 'An RSS element that has attributes has only those RSS 2.0 gives it, spelt as it spells them (isPermaLink, not isPermalink); an extension\'s attribute is in a namespace of its own.',
    spec: 'RSS 2.0, "Elements of <item>" and "<cloud> sub-element of <channel>"',
    w3c: 'UnexpectedAttribute',
    formats: ['rss'],
  },
  create: (context) => {
    const check = (el: XmlElement) => {
      const defined = DEFINED[el.key]!;
      for (const attr of el.attributes) {
        // Namespace declarations, xml:lang and xml:base, and attributes in a namespace are not RSS 2.0's to define.
        if (attr.prefix !== undefined || attr.name === 'xmlns' || defined.includes(attr.name)) continue;
        const meant = defined.find((name) => name.toLowerCase() === attr.name.toLowerCase());
        context.report(attr, `<${el.name}> has the attribute ${attr.name}, which RSS 2.0 does not give it${meant ? `; write it as ${meant}` : `; it takes ${defined.join(', ')}`}`);
      }
    };
    return { elements: Object.fromEntries(Object.keys(DEFINED).map((key) => [key, (el: XmlElement) => (el.attributes.length === 0 ? undefined : check(el))])) };
  },
};

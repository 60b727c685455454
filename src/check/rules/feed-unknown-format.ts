import type { Rule } from './rule.js';

/** Reported by the engine itself, when a document's root is none of the formats the rules know. */
export const rule: Rule = {
  meta: {
    id: 'feed/unknown-format',
    severity: 'error',
    description: 'A document must be RSS 2.0 (rss root), Atom 1.0 (feed in the Atom namespace), RSS 1.0 (rdf:RDF root) or JSON Feed (a JSON object).',
    spec: 'RSS 2.0, "Required channel elements"; RFC 4287, section 4.1.1; JSON Feed 1.1, "Top-level"',
    w3c: 'UndefinedElement',
    formats: ['rss', 'atom', 'json', 'rdf'],
  },
  create: () => ({}),
};

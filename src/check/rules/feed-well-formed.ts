import type { Rule } from './rule.js';

/**
 * Reported by the engine itself, which parses each document before any rule
 * runs: a document that does not parse has no tree to visit.
 */
export const rule: Rule = {
  meta: {
    id: 'feed/well-formed',
    severity: 'error',
    description: 'An XML feed must be well-formed XML 1.0 and a JSON Feed valid JSON.',
    spec: 'XML 1.0, section 2.1; RFC 8259',
    w3c: 'SAXError',
    formats: ['rss', 'atom', 'json', 'rdf'],
  },
  create: () => ({}),
};

import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'feed/cdata-end',
    severity: 'error',
    description: 'A "]]>" must not appear in text outside a CDATA section: it is a "]]>" of the content that ended its CDATA section early.',
    spec: 'XML 1.0, section 2.4 (CharData) and 2.7',
    w3c: 'SAXError',
    formats: ['rss', 'atom', 'rdf'],
  },
  create: (context) => ({
    document(tree) {
      for (const offset of tree.strayCdataEnds) {
        context.report(
          offset,
          'has "]]>" in text outside a CDATA section: content holding "]]>" was wrapped in CDATA without splitting it, so the section ended early and what follows was lost to it; ' +
            'write "]]>" inside CDATA as "]]]]><![CDATA[>", or escape the content instead of wrapping it',
        );
      }
    },
  }),
};

import { ATOM_NS, CONTENT_NS, DC_NS } from '../../vocabulary/formats.js';
import type { Rule } from './rule.js';

/** The namespaces feeds most often forget to declare, to name in the fix. */
const USUAL: Readonly<Record<string, string>> = {
  atom: ATOM_NS,
  content: CONTENT_NS,
  dc: DC_NS,
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
};

export const rule: Rule = {
  meta: {
    id: 'feed/undeclared-prefix',
    severity: 'error',
    description: 'Every namespace prefix used on an element or attribute must be declared with xmlns:prefix.',
    spec: 'Namespaces in XML 1.0, section 5; RSS 2.0, "Extending RSS"',
    w3c: 'UndeclaredPrefix',
    formats: ['rss', 'atom', 'rdf'],
  },
  create: (context) => ({
    document(tree) {
      for (const { offset, name } of tree.undeclaredPrefixes) {
        const prefix = name.slice(0, name.indexOf(':'));
        const uri = USUAL[prefix];
        const fix = uri === undefined ? `add xmlns:${prefix}="..." with its namespace URI` : `add xmlns:${prefix}="${uri}"`;
        context.report(offset, `uses the prefix "${prefix}" in "${name}" without declaring it, so namespace-aware readers reject the feed; ${fix} to the root element`);
      }
    },
  }),
};

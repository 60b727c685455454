import { checkIri } from '../values.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'atom/id-absolute',
    severity: 'error',
    description: 'An id must be an absolute IRI: http(s) URL, tag URI (RFC 4151) or URN.',
    spec: 'RFC 4287, section 4.2.6',
    w3c: 'InvalidFullLink',
    formats: ['atom'],
  },
  create: (context) => ({
    elements: {
      'atom:id'(id) {
        const iri = checkIri(id.text);
        if (!iri.ok) {
          context.report(id, `<id> ${iri.reason}; an Atom id must be a permanent absolute IRI, such as "tag:example.com,2024-05-16:name" or the entry's URL`, { expected: 'an absolute IRI', actual: id.text.trim() });
        }
      },
    },
  }),
};

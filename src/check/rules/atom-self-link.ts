import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'atom/self-link',
    severity: 'warning',
    description: 'A feed should give its own URL in a link rel="self".',
    spec: 'RFC 4287, section 4.2.7.2',
    w3c: 'MissingSelf',
    formats: ['atom'],
  },
  create: (context) => ({
    elements: {
      'atom:feed'(feed) {
        if (feed.childrenOf('atom:link').some((l) => l.attr('rel') === 'self')) return;
        context.report(feed, '<feed> has no <link rel="self">; add <link rel="self" type="application/atom+xml" href="https://example.com/atom.xml"/> with the feed\'s own URL');
      },
    },
  }),
};

import { ATOM_NS } from '../../vocabulary/formats.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'rss/self-link',
    severity: 'warning',
    description: 'A channel should give its own URL in an atom:link rel="self", so readers can follow the feed when it moves.',
    spec: 'RSS Best Practices Profile, "atom:link"; RFC 4287, section 4.2.7.2',
    w3c: 'MissingAtomSelfLink',
    formats: ['rss'],
  },
  create: (context) => ({
    elements: {
      channel(channel) {
        if (channel.childrenOf('atom:link').some((l) => l.attr('rel') === 'self')) return;
        context.report(
          channel,
          `<channel> has no <atom:link rel="self">; add <atom:link href="https://example.com/feed.xml" rel="self" type="application/rss+xml"/> with the feed's own URL (and xmlns:atom="${ATOM_NS}" on <rss>)`,
        );
      },
    },
  }),
};

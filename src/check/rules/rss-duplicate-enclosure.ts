import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'rss/duplicate-enclosure',
    severity: 'warning',
    description: 'An item should have at most one enclosure: most readers show only the first.',
    spec: 'RSS Best Practices Profile, "enclosure"',
    w3c: 'DuplicateEnclosure',
    formats: ['rss'],
  },
  create: (context) => ({
    elements: {
      item(item) {
        const [, ...extra] = item.childrenOf('enclosure');
        for (const el of extra) {
          context.report(el, '<item> has more than one <enclosure>; most readers take only the first; keep one per item and link the others from the description');
        }
      },
    },
  }),
};

import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'rss/item-title-or-description',
    severity: 'error',
    description: 'An RSS item must have a title or a description.',
    spec: 'RSS 2.0, "Elements of <item>"',
    w3c: 'ItemMustContainTitleOrDescription',
    formats: ['rss'],
  },
  create: (context) => ({
    elements: {
      item(item) {
        if (item.child('title') === undefined && item.child('description') === undefined) {
          context.report(item, '<item> has neither <title> nor <description>; RSS 2.0 requires at least one, so readers have nothing to show; add a <title>');
        }
      },
    },
  }),
};

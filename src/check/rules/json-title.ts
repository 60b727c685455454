import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'json/title',
    severity: 'error',
    description: 'A JSON Feed must have a title, a string.',
    spec: 'JSON Feed 1.1, "Top-level" (title)',
    w3c: 'MissingTitle',
    formats: ['json'],
  },
  create: (context) => ({
    feed(feed) {
      if (typeof feed.title === 'string') return;
      const found = feed.title === undefined ? 'has no "title"' : `has a "title" that is not a string (${JSON.stringify(feed.title)})`;
      context.report(['title'], `the feed ${found}; add "title": "the name of the feed"`);
    },
  }),
};

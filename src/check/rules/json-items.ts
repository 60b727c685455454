import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'json/items',
    severity: 'error',
    description: 'A JSON Feed must have items, an array of objects (empty when there is nothing to show).',
    spec: 'JSON Feed 1.1, "Top-level" (items) and "Items"',
    w3c: 'MissingElement',
    formats: ['json'],
  },
  create: (context) => ({
    feed(feed) {
      const { items } = feed;
      if (items === undefined) return void context.report([], 'the feed has no "items"; JSON Feed requires an "items" array, even an empty one');
      if (!Array.isArray(items)) return void context.report(['items'], `"items" is ${typeof items === 'object' ? 'an object' : `a ${typeof items}`}, not an array; write "items": [ ... ]`);
      items.forEach((item, index) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
          context.report(['items', index], `item ${index} is ${JSON.stringify(item)}, not an object; each item is an object with at least "id" and "content_html" or "content_text"`);
        }
      });
    },
  }),
};

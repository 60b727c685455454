import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'json/content',
    severity: 'error',
    description: 'Each item must have content_html or content_text, a string.',
    spec: 'JSON Feed 1.1, "Items" (content_html, content_text)',
    w3c: 'MissingElement',
    formats: ['json'],
  },
  create: (context) => ({
    item(item, index) {
      for (const key of ['content_html', 'content_text']) {
        const value = item[key];
        if (value !== undefined && typeof value !== 'string') {
          context.report(['items', index, key], `the "${key}" of item ${index} is ${JSON.stringify(value)}, not a string`);
        }
      }
      if (item.content_html === undefined && item.content_text === undefined) {
        context.report(['items', index], `item ${index} has neither "content_html" nor "content_text"; JSON Feed requires one; add the article's body`);
      }
    },
  }),
};

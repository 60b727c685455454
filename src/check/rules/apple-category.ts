import { APPLE_CATEGORIES } from '../../vocabulary/apple-categories.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'apple/category',
    severity: 'error',
    description: "Each itunes:category must name one of Apple Podcasts' categories, and a nested one a subcategory of it.",
    spec: 'Apple Podcasts, "Apple Podcasts categories"',
    w3c: 'InvalidItunesCategory',
    formats: ['rss'],
    profile: 'apple',
  },
  create: (context) => ({
    elements: {
      'itunes:category'(el) {
        const text = el.attribute('text');
        const parent = el.parent?.key === 'itunes:category' ? el.parent.attr('text') : undefined;
        const known =
          parent === undefined ? text !== undefined && Object.hasOwn(APPLE_CATEGORIES, text.value) : Object.hasOwn(APPLE_CATEGORIES, parent) && APPLE_CATEGORIES[parent]!.includes(text?.value ?? '');
        if (!known) {
          const what = parent === undefined ? 'a category' : `a subcategory of "${parent}"`;
          context.report(text ?? el, `<itunes:category text=${JSON.stringify(text?.value ?? '')}> is not ${what} on Apple Podcasts' list; use one of its names, written as Apple writes them (such as "News" and "Daily News")`);
        }
      },
    },
  }),
};

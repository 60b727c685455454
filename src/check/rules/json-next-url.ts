import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'json/next-url',
    severity: 'error',
    description: '"next_url", the next page of a paged feed, is not the feed\'s own "feed_url": a reader following it would loop.',
    spec: 'JSON Feed 1.1, "Top-level" (next_url)',
    w3c: 'InvalidValue',
    formats: ['json'],
  },
  create: (context) => ({
    feed(feed) {
      if (typeof feed.next_url === 'string' && feed.next_url.trim() !== '' && feed.next_url.trim() === (typeof feed.feed_url === 'string' ? feed.feed_url.trim() : undefined)) {
        context.report(['next_url'], `"next_url" is the feed's own "feed_url" (${JSON.stringify(feed.feed_url)}); JSON Feed 1.1 says it must name another page, so that a reader does not loop`);
      }
    },
  }),
};

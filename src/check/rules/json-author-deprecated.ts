import { JSON_FEED_VERSION } from '../../vocabulary/formats.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'json/author-deprecated',
    severity: 'warning',
    description: 'In JSON Feed 1.1, "author" is deprecated: give "authors", an array (keeping "author" beside it for 1.0 readers is allowed).',
    spec: 'JSON Feed 1.1, "Top-level" (authors) and "Changes since 1.0"',
    w3c: 'Deprecated',
    formats: ['json'],
  },
  create: (context) => {
    let current = false;
    // The 1.1 text lets publishers keep "author" beside "authors" for 1.0 readers.
    const fix = 'add "authors": [{...}] with the same person (1.1 readers may ignore "author")';
    return {
      feed(feed) {
        current = feed.version === JSON_FEED_VERSION;
        if (current && feed.author !== undefined && feed.authors === undefined) context.report(['author'], `the feed has "author", deprecated in JSON Feed 1.1, and no "authors"; ${fix}`);
      },
      item(item, index) {
        if (current && item.author !== undefined && item.authors === undefined) context.report(['items', index, 'author'], `item ${index} has "author", deprecated in JSON Feed 1.1, and no "authors"; ${fix}`);
      },
    };
  },
};

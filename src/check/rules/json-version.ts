import { JSON_FEED_VERSION, JSON_FEED_VERSION_1_0 } from '../../vocabulary/formats.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'json/version',
    severity: 'error',
    description: `version must be the URL of a JSON Feed version: ${JSON_FEED_VERSION} or ${JSON_FEED_VERSION_1_0}.`,
    spec: 'JSON Feed 1.1, "Top-level" (version)',
    w3c: 'InvalidRSSVersion',
    formats: ['json'],
  },
  create: (context) => ({
    feed(feed) {
      const { version } = feed;
      if (version === JSON_FEED_VERSION || version === JSON_FEED_VERSION_1_0) return;
      const found = version === undefined ? 'has no "version"' : `has "version" ${JSON.stringify(version)}`;
      context.report(['version'], `the feed ${found}; readers use it to know the document is a JSON Feed; write "version": "${JSON_FEED_VERSION}"`);
    },
  }),
};

import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'rss/language',
    severity: 'info',
    description: 'A channel should name its language, so readers can hyphenate, translate and speak it.',
    spec: 'RSS 2.0, "Optional channel elements" (language)',
    w3c: 'MissingRecommendedElement',
    formats: ['rss'],
  },
  create: (context) => ({
    elements: {
      channel(channel) {
        if (channel.child('language') !== undefined || channel.child('dc:language') !== undefined) return;
        context.report(channel, '<channel> has no <language>; add one such as <language>en</language> or <language>zh-CN</language>');
      },
    },
  }),
};

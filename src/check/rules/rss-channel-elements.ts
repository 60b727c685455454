import type { Rule } from './rule.js';

const REQUIRED = [
  ['title', 'the name of the feed'],
  ['link', 'the URL of the website the feed belongs to'],
  ['description', 'a sentence describing the feed'],
] as const;

export const rule: Rule = {
  meta: {
    id: 'rss/channel-elements',
    severity: 'error',
    description: 'An RSS document must have a channel, and the channel a title, a link and a description.',
    spec: 'RSS 2.0, "Required channel elements"',
    w3c: 'MissingElement',
    formats: ['rss'],
  },
  create: (context) => ({
    elements: {
      rss(rss) {
        if (rss.child('channel') === undefined) context.report(rss, '<rss> has no <channel>; put the feed\'s elements and items inside <channel>...</channel>');
      },
      channel(channel) {
        for (const [name, what] of REQUIRED) {
          if (channel.child(name) === undefined) context.report(channel, `<channel> has no <${name}>, which RSS 2.0 requires; add <${name}> with ${what}`);
        }
      },
    },
  }),
};

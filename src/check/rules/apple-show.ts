import type { Rule } from './rule.js';

/** Apple asks for artwork as a JPEG or PNG file. */
const ARTWORK = /^https?:\/\/[^\s]+\.(?:jpe?g|png)(?:\?[^\s]*)?$/i;

export const rule: Rule = {
  meta: {
    id: 'apple/show',
    severity: 'error',
    description: 'A podcast channel must have itunes:image (the URL of a JPEG or PNG file), at least one itunes:category, and itunes:explicit true or false.',
    spec: 'Apple Podcasts, "Podcast RSS feed requirements", required tags',
    w3c: 'MissingElement',
    formats: ['rss'],
    profile: 'apple',
  },
  create: (context) => ({
    elements: {
      channel(channel) {
        const image = channel.child('itunes:image');
        const href = image?.attribute('href');
        if (image === undefined) context.report(channel, 'the channel has no <itunes:image href="…"/>; Apple Podcasts requires the show\'s artwork, a JPEG or PNG of 1400 to 3000 pixels square');
        else if (href === undefined || !ARTWORK.test(href.value.trim())) context.report(href ?? image, `<itunes:image> must give, as href, the http(s) URL of a JPEG or PNG file; found ${JSON.stringify(href?.value ?? '')}`);
        if (channel.childrenOf('itunes:category').length === 0) context.report(channel, 'the channel has no <itunes:category text="…"/>; Apple Podcasts requires at least one of its categories');
        const explicit = channel.child('itunes:explicit');
        if (explicit === undefined) context.report(channel, 'the channel has no <itunes:explicit>; Apple Podcasts requires it, "true" or "false"');
        else if (explicit.text.trim() !== 'true' && explicit.text.trim() !== 'false') context.report(explicit, `<itunes:explicit> must be "true" or "false"; found ${JSON.stringify(explicit.text)}`);
      },
    },
  }),
};

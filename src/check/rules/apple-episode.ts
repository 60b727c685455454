import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'apple/episode',
    severity: 'error',
    description: 'Each podcast episode must have an audio or video enclosure with its length and type, and a guid; itunes:explicit true or false; and in a serial show an itunes:episode number.',
    spec: 'Apple Podcasts, "Podcast RSS feed requirements", episode tags',
    w3c: 'MissingElement',
    formats: ['rss'],
    profile: 'apple',
  },
  create: (context) => {
    let serial = false;
    return {
      elements: {
        'itunes:type'(el) {
          if (el.parent?.key === 'channel') serial = el.text.trim() === 'serial';
        },
        item(item) {
          const enclosure = item.child('enclosure');
          const type = enclosure?.attr('type') ?? '';
          const length = enclosure?.attr('length') ?? '';
          if (enclosure === undefined || !/^(audio|video)\//.test(type) || !/^[1-9]\d*$/.test(length.trim())) {
            context.report(enclosure ?? item, 'an episode needs <enclosure url="…" length="…" type="audio/…"/>: its audio or video, its size in bytes (more than 0) and its media type');
          }
          if (item.child('guid') === undefined) context.report(item, 'an episode needs a <guid>, which never changes: Apple Podcasts tells episodes apart by it');
          const explicit = item.child('itunes:explicit');
          if (explicit !== undefined && explicit.text.trim() !== 'true' && explicit.text.trim() !== 'false') context.report(explicit, `<itunes:explicit> must be "true" or "false"; found ${JSON.stringify(explicit.text)}`);
          const episode = item.child('itunes:episode');
          if (serial && (episode === undefined || !/^[1-9]\d*$/.test(episode.text.trim()))) context.report(episode ?? item, 'a serial show numbers its episodes: give each an <itunes:episode> of 1 or more');
        },
      },
    };
  },
};

import type { XmlElement } from '../tree.js';
import type { EpisodeView, ShowView } from '../view.js';

const isPodcastTag = (el: XmlElement): boolean => el.key.startsWith('itunes:') || el.key.startsWith('podcast:');

/** The show's tags of an RSS channel; undefined when it has none. */
export function readShow(channel: XmlElement): ShowView | undefined {
  if (!channel.children.some(isPodcastTag)) return undefined;
  const text = (key: string) => channel.child(key)?.text;
  const owner = channel.child('itunes:owner');
  const locked = channel.child('podcast:locked');
  const funding = channel.child('podcast:funding');
  return {
    image: channel.child('itunes:image')?.attr('href'),
    categories: channel
      .childrenOf('itunes:category')
      .flatMap((c) => {
        const subs = c.childrenOf('itunes:category');
        return subs.length === 0 ? [c.attr('text') ?? ''] : subs.map((sub) => `${c.attr('text') ?? ''}/${sub.attr('text') ?? ''}`);
      })
      .sort(),
    explicit: text('itunes:explicit'),
    author: text('itunes:author'),
    ownerName: owner?.child('itunes:name')?.text,
    ownerEmail: owner?.child('itunes:email')?.text,
    type: text('itunes:type'),
    guid: text('podcast:guid'),
    locked: locked?.text,
    lockedOwner: locked?.attr('owner'),
    fundingUrl: funding?.attr('url'),
    fundingText: funding?.text,
  };
}

/** An episode's tags of an RSS item; undefined when it has none. */
export function readEpisode(item: XmlElement): EpisodeView | undefined {
  if (!item.children.some(isPodcastTag)) return undefined;
  const text = (key: string) => item.child(key)?.text;
  const transcript = item.child('podcast:transcript');
  return {
    episode: text('itunes:episode'),
    season: text('itunes:season'),
    episodeType: text('itunes:episodeType'),
    duration: text('itunes:duration'),
    explicit: text('itunes:explicit'),
    image: item.child('itunes:image')?.attr('href'),
    transcriptUrl: transcript?.attr('url'),
    transcriptType: transcript?.attr('type'),
    chapters: item.child('podcast:chapters')?.attr('url'),
    podcastSeason: text('podcast:season'),
    podcastEpisode: text('podcast:episode'),
  };
}

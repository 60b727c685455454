import type { EpisodeDetails, Entry, Show } from '../vocabulary/types.js';
import { attributes, escapeRssText, escapeText } from './xml.js';

/**
 * A podcast show's channel tags (docs/podcasts.md): Apple's `itunes:` ones,
 * required and recommended, then the Podcasting 2.0 namespace's. Each line
 * is indented by `pad`.
 */
export function showTags(show: Show, pad: string): string {
  const lines = [`<itunes:image${attributes({ href: show.image })}/>`];
  const categories = new Map<string, string[]>();
  for (const { category, subcategory } of show.categories) {
    if (!categories.has(category)) categories.set(category, []);
    if (subcategory !== undefined) categories.get(category)!.push(subcategory);
  }
  for (const [category, subs] of categories) {
    if (subs.length === 0) lines.push(`<itunes:category${attributes({ text: category })}/>`);
    else lines.push(`<itunes:category${attributes({ text: category })}>${subs.map((sub) => `<itunes:category${attributes({ text: sub })}/>`).join('')}</itunes:category>`);
  }
  lines.push(`<itunes:explicit>${show.explicit}</itunes:explicit>`);
  if (show.author !== undefined) lines.push(`<itunes:author>${escapeRssText(show.author)}</itunes:author>`);
  if (show.owner !== undefined) lines.push(`<itunes:owner><itunes:name>${escapeRssText(show.owner.name)}</itunes:name><itunes:email>${escapeText(show.owner.email)}</itunes:email></itunes:owner>`);
  lines.push(`<itunes:type>${show.type}</itunes:type>`);
  lines.push(`<podcast:guid>${show.guid}</podcast:guid>`);
  if (show.locked !== undefined) lines.push(`<podcast:locked${attributes({ owner: show.owner?.email })}>${show.locked ? 'yes' : 'no'}</podcast:locked>`);
  if (show.funding !== undefined) lines.push(`<podcast:funding${attributes({ url: show.funding.url })}>${escapeRssText(show.funding.text)}</podcast:funding>`);
  return lines.map((line) => `${pad}${line}\n`).join('');
}

/** An episode's item tags: Apple's, then the Podcasting 2.0 namespace's; its duration from the episode or its audio. */
export function episodeTags(entry: Entry, pad: string): string {
  const e: EpisodeDetails = entry.episode ?? {};
  const duration = e.duration ?? entry.attachments.find((a) => /^(audio|video)\//.test(a.type))?.durationInSeconds;
  const lines: string[] = [];
  if (e.number !== undefined) lines.push(`<itunes:episode>${e.number}</itunes:episode>`);
  if (e.season !== undefined) lines.push(`<itunes:season>${e.season}</itunes:season>`);
  if (e.type !== undefined) lines.push(`<itunes:episodeType>${e.type}</itunes:episodeType>`);
  if (duration !== undefined) lines.push(`<itunes:duration>${Math.round(duration)}</itunes:duration>`);
  if (e.explicit !== undefined) lines.push(`<itunes:explicit>${e.explicit}</itunes:explicit>`);
  if (entry.image !== undefined) lines.push(`<itunes:image${attributes({ href: entry.image.url })}/>`);
  if (e.transcript !== undefined) lines.push(`<podcast:transcript${attributes({ url: e.transcript.url, type: e.transcript.type })}/>`);
  if (e.chapters !== undefined) lines.push(`<podcast:chapters${attributes({ url: e.chapters, type: 'application/json+chapters' })}/>`);
  if (e.season !== undefined) lines.push(`<podcast:season>${e.season}</podcast:season>`);
  if (e.number !== undefined) lines.push(`<podcast:episode>${e.number}</podcast:episode>`);
  return lines.map((line) => `${pad}${line}\n`).join('');
}

import type { DateTime } from 'luxon';
import type { Config, PodcastConfig } from '../config/config.js';
import { own } from '../vocabulary/memory.js';
import { podcastGuid } from '../vocabulary/uuid.js';
import type { ArticleRecord } from '../vocabulary/record.js';
import { absoluteUrls } from './absolute-urls.js';
import type { Placed } from './place.js';
import { sanitize } from './sanitize.js';
import { excerpt } from './summary.js';
import type { ArchiveLinks, Attachment, Entry, Feed, FeedFormat, Person, Photo, Show } from '../vocabulary/types.js';

/**
 * A record the feed shows, as the entry the renderers read: defaults filled
 * in, dates in the output zone, content finished. Its content is made only
 * here (a Markdown body renders when asked), so that records the feed does
 * not show cost nothing more.
 */
export function toEntry(record: ArticleRecord, placed: Placed, config: Config, utc: boolean): Entry {
  const published = record.published!;
  const inOutputZone = (d: DateTime) => (utc ? d.toUTC() : d);
  // Every item has a summary: the record's, else one made from its body (docs/formats.md, "Summaries").
  const body = excerpt(record.contentHtml ?? '', record.summary === undefined);
  const summary = record.summary ?? body.summary;
  // Summaries only: an item's content is empty, and the renderers leave it out (docs/config.md, "content").
  // After absoluteUrls: the sanitizer judges each URL by its scheme, which a relative one does not have yet.
  const made = config.content === 'summary' ? '' : absoluteUrls(body.contentHtml, placed.link);
  const html = config.sanitize && made !== '' ? sanitize(made) : made;
  const { media, episode } = placed;
  // An episode's duration is its audio's too (JSON Feed's duration_in_seconds), unless the attachment gives one.
  const plays = (a: Attachment): Attachment =>
    episode?.duration !== undefined && a.durationInSeconds === undefined && /^(audio|video)\//.test(a.type) ? { ...a, durationInSeconds: episode.duration } : a;
  // Every string the model keeps is its own: the records, and their files' texts, are let go after this step.
  return {
    source: record.source,
    slug: own(placed.slug),
    id: own(placed.id),
    title: own(record.title!),
    link: own(placed.link),
    published: inOutputZone(published),
    updated: inOutputZone(record.updated ?? published),
    ...(summary === undefined ? {} : { summary: own(summary) }),
    contentHtml: html,
    authors: record.authors?.map(ownPerson) ?? [config.author!],
    tags: record.tags?.map(own) ?? [],
    ...(media?.image === undefined ? {} : { image: ownPhoto(media.image) }),
    attachments: media?.attachments.map((a) => ownAttachment(plays(a))) ?? [],
    ...(record.language === undefined ? {} : { language: own(record.language) }),
    ...(record.rights === undefined ? {} : { rights: own(record.rights) }),
    captions: record.captions?.map((c) => ({ text: own(c.text), credit: own(c.credit) })) ?? [],
    ...(episode === undefined ? {} : { episode }),
  };
}

/** What makes one feed of the set another (docs/feed-set.md): its title, its documents' URLs, its archive links. */
export interface FeedPlace {
  readonly title: string;
  readonly feedUrls: Readonly<Record<FeedFormat, string>>;
  readonly archive?: ArchiveLinks;
}

/** The feed of the entries shown, newest first: the feed's own dates come from its items, never from the clock. */
export function feedOf(entries: readonly Entry[], config: Config, place: FeedPlace): Feed {
  const latest = (pick: (e: Entry) => DateTime) => entries.reduce((best, e) => (pick(e).toMillis() > pick(best).toMillis() ? e : best), entries[0]!);
  const { title, feedUrls, archive } = place;
  return {
    title,
    description: config.description,
    homePageUrl: config.siteUrl,
    feedUrls,
    language: config.language,
    authors: config.author ? [config.author] : [],
    ...(config.copyright === undefined ? {} : { rights: config.copyright }),
    ...(config.icon === undefined ? {} : { icon: config.icon }),
    ...(config.logo === undefined ? {} : { logo: config.logo }),
    ...(config.hub === undefined ? {} : { hub: config.hub }),
    ...(config.stylesheet === undefined ? {} : { stylesheet: config.stylesheet }),
    updated: latest((e) => e.updated).updated,
    published: latest((e) => e.published).published,
    entries,
    ...(archive === undefined ? {} : { archive }),
    ...(config.podcast === undefined ? {} : { podcast: showOf(config.podcast, config, archive?.current?.rss ?? feedUrls.rss) }),
  };
}

/**
 * The show a podcast feed carries: the config's, with its GUID, the one
 * given for the main feed, else the UUID v5 of the feed's own URL (of its
 * head's, for an archive page), so that a facet's feed is a show of its own.
 */
function showOf(podcast: PodcastConfig, config: Config, headUrl: string): Show {
  const main = headUrl === config.feedUrl + config.files.rss;
  return { ...podcast, guid: (main ? podcast.guid : undefined) ?? podcastGuid(headUrl) };
}

const ownPerson = (p: Person): Person => ({ name: own(p.name), ...(p.email === undefined ? {} : { email: own(p.email) }), ...(p.url === undefined ? {} : { url: own(p.url) }) });

const ownAttachment = (a: Attachment): Attachment => ({ ...a, url: own(a.url), ...(a.title === undefined ? {} : { title: own(a.title) }) });

const ownPhoto = (p: Photo): Photo => {
  const text = (key: 'alt' | 'caption' | 'credit' | 'creditRole' | 'thumbnail') => (p[key] === undefined ? {} : { [key]: own(p[key]) });
  return { ...p, ...ownAttachment(p), ...text('alt'), ...text('caption'), ...text('credit'), ...text('creditRole'), ...text('thumbnail') };
};

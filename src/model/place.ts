import type { Config, FacetKind } from '../config/config.js';
import { calendarDate } from '../dates/format.js';
import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import type { DateTime } from 'luxon';
import type { ArticleRecord, RecordAttachment } from '../vocabulary/record.js';
import { articlePath, resolveUrl } from './links.js';
import { settleMedia } from './media.js';
import type { Attachment, EpisodeDetails, Photo } from '../vocabulary/types.js';

/**
 * What places a record among the others: when it was published, and the
 * slug, id and link that must be its own. Plain data: the build keeps it
 * between builds (see docs/caching.md), and the model never asks where it
 * came from.
 */
export interface Placement {
  /** The file it came from, as messages name it, and the line its record starts on. */
  readonly file: string;
  readonly line?: number;
  /** The slug as the record gives it (before it is made URL-safe). */
  readonly slug: string;
  readonly id: string;
  readonly link: string;
  /** When it was published (epoch ms), and the offset it was written in (minutes): what orders it, and what a message shows. */
  readonly published: number;
  readonly offset: number;
  /** The record's keys feedwright does not use, for the build's one warning (model/select.ts). */
  readonly unknownFields?: readonly string[];
  /** When it expires (epoch ms): left out of builds after it. */
  readonly expires?: number;
  /** What the config's facets group it by (docs/feed-set.md): only those it asks for. */
  readonly facets?: FacetValues;
}

/** A record's values for each facet: its tags, its authors' names, its language. */
export type FacetValues = Readonly<Partial<Record<FacetKind, readonly string[]>>>;

export interface PlaceOptions {
  /** Sizes of local media files, by URL (see docs/config.md, publicDir). */
  readonly mediaSizes?: ReadonlyMap<string, number>;
}

/** A record that passed its checks: its placement, and its media with their types settled. */
export interface Placed extends Placement {
  readonly media?: { readonly image?: Photo; readonly attachments: readonly Attachment[] };
  /** A podcast episode's details, its URLs made absolute. */
  readonly episode?: EpisodeDetails;
}

const NO_SIZES: ReadonlyMap<string, number> = new Map();

/**
 * Checks one record against the fields' rules (docs/records.md) and fills in
 * its slug, id and link. Every problem goes to `diagnostics`; a record with
 * one, or a draft, is not placed.
 */
export function placer(config: Config, options: PlaceOptions = {}): (record: ArticleRecord, diagnostics: Diagnostic[]) => Placed | undefined {
  const host = new URL(config.siteUrl).hostname;
  const base = config.siteUrl.replace(/\/+$/, '');
  const sizes = options.mediaSizes ?? NO_SIZES;
  const linkOf = linker(config);
  return (record, diagnostics) => {
    if (record.draft) return undefined;
    // The reporter is made only for a record with something to report: most have nothing.
    const report = () => diagnosticsFor(record.source.file, diagnostics);
    const at = (field: keyof ArticleRecord['lines']) => record.lines[field] ?? record.source.line;
    const { published } = record;
    let ok = true;
    if (record.title === undefined || record.title === '') {
      report().error('input/missing-title', 'has no title; give it a "title"', record.source.line);
      ok = false;
    }
    // A date written but unreadable has been reported where it was read.
    if (published === undefined && !('published' in record.lines)) {
      report().error('input/missing-date', 'has no publication date; give it a "published" date such as "2024-05-16T11:55:00+08:00"', record.source.line);
      ok = false;
    }
    if (record.authors === undefined ? config.author === undefined : record.authors.length === 0) {
      report().error('input/no-author', 'has no author, and the config gives none; give it an "author", or set "author" in feedwright.config.json', record.source.line);
      ok = false;
    }
    if (!ok || published === undefined) return undefined;

    const millis = published.toMillis();
    if (record.updated !== undefined && record.updated.toMillis() < millis) {
      report().error(
        'input/updated-before-published',
        `was updated (${record.updated.toISO({ suppressMilliseconds: true })}) before it was published (${published.toISO({ suppressMilliseconds: true })}); correct one of the two dates`,
        at('updated'),
      );
      return undefined;
    }
    const slug = encodeURIComponent(record.slug);
    const link = linkOf(record, slug, published);
    if (link === undefined) {
      report().error('input/field-type', `has the link ${JSON.stringify(record.link)}, which makes no URL under "siteUrl"; give a path such as "/news/a/" or an absolute URL`, at('link'));
      return undefined;
    }
    // RFC 4151: the date is the publication day as its author wrote it, so the
    // id stays the same under --utc and when links move. With "id": "link" it
    // is the link, as jekyll-feed and Hugo write it (docs/config.md).
    const id = record.id ?? (config.id === 'link' ? link : `tag:${host},${calendarDate(published)}:${slug}`);
    let media: Placed['media'];
    if (record.image !== undefined || (record.attachments?.length ?? 0) > 0) {
      // Paths resolve before their sizes are looked up: the sizes are by absolute URL.
      const against = mediaBase(record, base, link);
      const settle = (given: RecordAttachment, what: string, line: number | undefined): Attachment | undefined => {
        const url = resolveUrl(given.url, base, against);
        if (url !== undefined) return settleMedia({ ...given, url }, sizes, report(), line, what);
        report().error('input/field-type', `${what} ${JSON.stringify(given.url)} makes no URL against ${against}; give a path such as "/img/a.jpg" or an absolute URL`, line);
        return undefined;
      };
      const { photo } = record;
      const image = record.image === undefined ? undefined : settle({ url: record.image, ...(photo?.type === undefined ? {} : { type: photo.type }) }, 'the image', at('image'));
      const thumbnail = photo?.thumbnail === undefined ? undefined : resolveUrl(photo.thumbnail, base, against);
      if (photo?.thumbnail !== undefined && thumbnail === undefined) report().error('input/field-type', `the image's thumbnail ${JSON.stringify(photo.thumbnail)} makes no URL against ${against}; give a path such as "/img/a-small.jpg" or an absolute URL`, at('image'));
      const attachments = (record.attachments ?? []).map((a, i) => settle(a, `attachment ${i + 1}`, at('attachments')));
      if ((record.image !== undefined && image === undefined) || attachments.some((a) => a === undefined) || (photo?.thumbnail !== undefined && thumbnail === undefined)) return undefined;
      const { type: _, thumbnail: __, ...details } = photo ?? {};
      media = { ...(image === undefined ? {} : { image: { ...image, ...details, ...(thumbnail === undefined ? {} : { thumbnail }) } }), attachments: attachments as Attachment[] };
    }
    // A podcast's episode plays its audio or video: an item without any is not an episode (docs/podcasts.md).
    // Its first attachment is the RSS enclosure: the audio or video, with its size, as Apple Podcasts requires.
    const [enclosure] = media?.attachments ?? [];
    if (config.podcast !== undefined && (enclosure === undefined || !/^(audio|video)\//.test(enclosure.type) || !enclosure.length)) {
      const why = enclosure === undefined ? 'has no attachment' : !/^(audio|video)\//.test(enclosure.type) ? `has "${enclosure.type}" as its first attachment` : 'does not give its audio\'s size';
      report().error(
        'input/no-episode-media',
        `${why}, and the feed is a podcast ("podcast" in feedwright.config.json): give it its audio or video first in "attachments", with its size, such as [{ "url": "/episodes/1.mp3", "size_in_bytes": 9437184 }]`,
        at('attachments'),
      );
      return undefined;
    }
    let episode: EpisodeDetails | undefined;
    if (record.episode !== undefined) {
      const resolve = (url: string, what: string) => {
        const made = resolveUrl(url, base, mediaBase(record, base, link));
        if (made === undefined) report().error('input/field-type', `the ${what} ${JSON.stringify(url)} makes no URL; give a path such as "/episodes/1.vtt" or an absolute URL`, record.source.line);
        return made;
      };
      const { transcript, chapters } = record.episode;
      const transcriptUrl = transcript === undefined ? undefined : resolve(transcript.url, 'transcript');
      const chaptersUrl = chapters === undefined ? undefined : resolve(chapters, 'chapters');
      if ((transcript !== undefined && transcriptUrl === undefined) || (chapters !== undefined && chaptersUrl === undefined)) return undefined;
      episode = { ...record.episode, ...(transcript && transcriptUrl ? { transcript: { ...transcript, url: transcriptUrl } } : {}), ...(chaptersUrl === undefined ? {} : { chapters: chaptersUrl }) };
    }
    const { file, line } = record.source;
    const facets = config.facets === undefined ? undefined : facetValues(record, config);
    return {
      file,
      ...(line === undefined ? {} : { line }),
      slug: record.slug,
      id,
      link,
      published: millis,
      offset: published.offset,
      ...(record.unknownFields === undefined ? {} : { unknownFields: record.unknownFields }),
      ...(record.expires === undefined ? {} : { expires: record.expires }),
      ...(facets === undefined ? {} : { facets }),
      ...(media === undefined ? {} : { media }),
      ...(episode === undefined ? {} : { episode }),
    };
  };
}

/** The values of the facets the config asks for, as the item will carry them (the config's author and language when the record gives none). */
function facetValues(record: ArticleRecord, config: Config): FacetValues {
  const all: Record<FacetKind, () => readonly string[]> = {
    tags: () => record.tags ?? [],
    authors: () => (record.authors ?? (config.author ? [config.author] : [])).map((a) => a.name),
    // Language tags are one whatever their case: "en-us" is "en-US".
    language: () => [canonicalLanguage(record.language ?? config.language)],
  };
  return Object.fromEntries(Object.keys(config.facets ?? {}).map((kind) => [kind, all[kind as FacetKind]()]));
}

/** A language tag in its canonical case (BCP 47): "en-US", "zh-Hant"; as written when Intl cannot read it. */
function canonicalLanguage(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

/**
 * A record's link: the one it gives, a path made absolute under `siteUrl`
 * (Jekyll's `permalink`, Hugo's `url`), else `articlePath` filled in with
 * its slug (URL-safe) and date (docs/config.md).
 */
function linker(config: Config): (record: ArticleRecord, slug: string, published: DateTime) => string | undefined {
  const base = config.siteUrl.replace(/\/+$/, '');
  return (record, slug, published) =>
    record.link === undefined ? base + articlePath(config.articlePath, slug, published, config.timezone) : resolveUrl(record.link, base, `${base}/`);
}

/**
 * The absolute URLs of a record's media whose length it leaves unsaid, as
 * the feeds will carry them: what the build measures under `publicDir`
 * (docs/config.md). A record with no date or an unresolvable path has none.
 */
export function mediaUrls(config: Config): (record: ArticleRecord) => string[] {
  const base = config.siteUrl.replace(/\/+$/, '');
  const linkOf = linker(config);
  return (record) => {
    if (record.published === undefined) return [];
    const link = linkOf(record, encodeURIComponent(record.slug), record.published);
    if (link === undefined) return [];
    const given = [...(record.image === undefined ? [] : [record.image]), ...(record.attachments ?? []).filter((a) => a.length === undefined).map((a) => a.url)];
    const against = mediaBase(record, base, link);
    return given.map((url) => resolveUrl(url, base, against)).filter((url): url is string => url !== undefined);
  };
}

/**
 * What a relative image or attachment path is relative to: a page bundle's
 * own folder, its link (Hugo's page resources: `my-trip/index.md` beside
 * `cover.jpg`); for any other record the site, as jekyll-seo-tag's
 * `absolute_url` and Hugo's `absURL` make `images/a.png` (docs/config.md).
 */
const mediaBase = (record: ArticleRecord, base: string, link: string): string => (BUNDLE.test(record.source.file) ? link : `${base}/`);

/** A page bundle's file: `index.md` (or `.markdown`) in a folder of its own (docs/records.md). */
const BUNDLE = /(?:^|[/\\])index\.(?:md|markdown)$/i;

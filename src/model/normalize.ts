import type { DateTime } from 'luxon';
import type { Config } from '../config/config.js';
import { calendarDate } from '../dates/format.js';
import { diagnosticsFor, type Diagnostic } from '../diagnostic.js';
import { instantOf, keptContent, placementOf, readAgain, StalePlacements, type ArticleRecord, type Placement } from '../records/index.js';
import { own } from '../own.js';
import { absoluteUrls } from './absolute-urls.js';
import { sanitize } from './sanitize.js';
import { settleMedia } from './media.js';
import type { Attachment, Entry, Feed, FeedFormat, Person } from './types.js';

export interface NormalizeOptions {
  /** Write every date in UTC instead of the offset its author wrote. */
  readonly utc: boolean;
  /** How the articles folder is named in messages. */
  readonly articlesDir: string;
  /** The build's clock: a record published after it is left out, unless `future`. Without it, nothing is. */
  readonly now?: DateTime;
  readonly future?: boolean;
  /** Sizes of local media files, by URL (see localMediaSizes). */
  readonly mediaSizes?: ReadonlyMap<string, number>;
  /** Told the finished content of each record the feed shows (the placements keep it for the next build). */
  readonly onContent?: (record: ArticleRecord, html: string) => void;
  /** Told where each record that passed its checks is placed (the placements keep it for the next build). */
  readonly onPlaced?: (record: ArticleRecord, placement: Placement) => void;
}

/**
 * Records → the feed model: defaults filled in (SPEC 2.4), each record
 * checked against the others, newest first, at most `limit`. Drafts are left
 * out. Every problem found is returned; the feed only when there is none.
 */
export function normalize(records: readonly ArticleRecord[], config: Config, options: NormalizeOptions): { feed?: Feed; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const candidates: Candidate[] = [];
  const make = candidateMaker(config, options, diagnostics);
  for (const record of records) {
    if (record.draft) continue;
    if (options.now && !options.future && (instantOf(record, 'published') ?? -Infinity) > options.now.toMillis()) {
      diagnosticsFor(record.source.file, diagnostics).info(
        'input/future',
        `is dated ${record.published!.toISO({ suppressMilliseconds: true })}, after this build; it is left out until then (build with --future to include it)`,
        record.lines.published ?? record.source.line,
      );
      continue;
    }
    // A record the last build placed, from a file unchanged since, is placed as it was; it is checked again only if shown.
    const placement = placementOf(record);
    const candidate = placement ? { record, ...placement } : make(record);
    if (candidate === undefined) continue;
    candidates.push(candidate);
    options.onPlaced?.(record, candidate);
  }
  findDuplicates(candidates, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  if (candidates.length === 0) {
    diagnosticsFor(options.articlesDir, diagnostics).error(
      'input/no-articles',
      'holds no publishable article (drafts are left out); add a record such as a .txt file that starts with a dateline, or pass --articles DIR',
    );
    return { diagnostics };
  }

  // Newest first; equal instants by id, so that the order never depends on the file system.
  candidates.sort((a, b) => b.millis - a.millis || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Every record is checked; only the items the feed shows become entries, their content finished.
  const shown = candidates.slice(0, config.limit).map((c) => toEntry(placementOf(c.record) ? madeAgain(c, make) : c, config, options));
  const latest = (pick: (e: Entry) => DateTime) => shown.reduce((best, e) => (pick(e).toMillis() > pick(best).toMillis() ? e : best), shown[0]!);
  const feedUrls = Object.fromEntries(
    (Object.entries(config.files) as [FeedFormat, string][]).map(([format, name]) => [format, config.feedUrl + name]),
  ) as Record<FeedFormat, string>;

  const feed: Feed = {
    title: config.title,
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
    entries: shown,
  };
  return { feed, diagnostics };
}

/**
 * A record that passed its checks, with what places it among the others:
 * its instant, and the slug, id and link that must be its own. Only the
 * records the feed shows go on to become entries.
 */
interface Candidate {
  readonly record: ArticleRecord;
  /** When it was published (epoch ms): what orders it. Its dates are made only if it is shown. */
  readonly millis: number;
  readonly slug: string;
  readonly id: string;
  readonly link: string;
  /** The image and attachments, their media types settled; absent when the record has none. */
  readonly media?: { readonly image?: Attachment; readonly attachments: readonly Attachment[] };
}

const NO_SIZES: ReadonlyMap<string, number> = new Map();

/** Checks a record against SPEC 2.4 and fills in its slug, id and link; every problem is reported, and a record with one gives no candidate. */
function candidateMaker(config: Config, options: NormalizeOptions, diagnostics: Diagnostic[]): (record: ArticleRecord) => Candidate | undefined {
  const host = new URL(config.siteUrl).hostname;
  const base = config.siteUrl.replace(/\/+$/, '');
  const sizes = options.mediaSizes ?? NO_SIZES;
  return (record) => {
    // The reporter is made only for a record with something to report: most have nothing.
    const report = () => diagnosticsFor(record.source.file, diagnostics);
    const at = (field: keyof ArticleRecord['lines']) => record.lines[field] ?? record.source.line;
    // Instants rather than dates: a cached record makes its dates only if it is shown.
    const millis = instantOf(record, 'published');
    let ok = true;
    if (record.title === undefined || record.title === '') {
      report().error('input/missing-title', 'has no title; give it a "title"', record.source.line);
      ok = false;
    }
    // A date written but unreadable has been reported where it was read.
    if (millis === undefined && record.lines.published === undefined) {
      report().error('input/missing-date', 'has no publication date; give it a "published" date such as "2024-05-16T11:55:00+08:00"', record.source.line);
      ok = false;
    }
    if (record.authors === undefined ? config.author === undefined : record.authors.length === 0) {
      report().error('input/no-author', 'has no author, and the config gives none; give it an "author", or set "author" in feedwright.config.json', record.source.line);
      ok = false;
    }
    if (!ok || millis === undefined) return undefined;

    if ((instantOf(record, 'updated') ?? millis) < millis) {
      report().error(
        'input/updated-before-published',
        `was updated (${record.updated!.toISO({ suppressMilliseconds: true })}) before it was published (${record.published!.toISO({ suppressMilliseconds: true })}); correct one of the two dates`,
        at('updated'),
      );
      return undefined;
    }
    let media: Candidate['media'];
    if (record.image !== undefined || (record.attachments?.length ?? 0) > 0) {
      const image = record.image === undefined ? undefined : settleMedia({ url: record.image }, sizes, report(), at('image'), 'the image');
      const attachments = (record.attachments ?? []).map((a, i) => settleMedia(a, sizes, report(), at('attachments'), `attachment ${i + 1}`));
      if ((record.image !== undefined && image === undefined) || attachments.some((a) => a === undefined)) return undefined;
      media = { ...(image === undefined ? {} : { image }), attachments: attachments as Attachment[] };
    }
    const slug = encodeURIComponent(record.slug);
    // RFC 4151: the date is the publication day as its author wrote it, so the
    // id stays the same under --utc and when links move.
    const id = record.id ?? `tag:${host},${calendarDate(record.published!)}:${slug}`;
    const link = record.link ?? base + config.articlePath.replace('{slug}', slug);
    return { record, millis, slug: record.slug, id, link, ...(media === undefined ? {} : { media }) };
  };
}

/** A placed candidate the feed shows, made again from its record as kept or as its file now gives it: it must be placed as it was. */
function madeAgain(placed: Candidate, make: (record: ArticleRecord) => Candidate | undefined): Candidate {
  const made = make(readAgain(placed.record));
  const same = made !== undefined && made.millis === placed.millis && made.slug === placed.slug && made.id === placed.id && made.link === placed.link;
  if (!same) throw new StalePlacements(placed.record.source.file);
  return made;
}

/** A candidate the feed shows, as the entry the renderers read: defaults filled in, dates in the output zone, content finished. */
function toEntry(candidate: Candidate, config: Config, options: NormalizeOptions): Entry {
  const { record, media } = candidate;
  const published = record.published!;
  const inOutputZone = (d: DateTime) => (options.utc ? d.toUTC() : d);
  // The record renders or loads its content when asked (a Markdown body, or a placed record's file read again): only here. Content the
  // last build showed and kept is finished already. Under `sanitize`, after absoluteUrls: the sanitizer judges each URL by its
  // scheme, which a relative one does not have yet.
  let html = keptContent(record);
  if (html === undefined) {
    const made = absoluteUrls(record.contentHtml ?? '', candidate.link);
    html = config.sanitize ? sanitize(made) : made;
  }
  options.onContent?.(record, html);
  // Every string the model keeps is its own: the records, and their files' texts, are let go after this step.
  return {
    source: record.source,
    slug: own(candidate.slug),
    id: own(candidate.id),
    title: own(record.title!),
    link: own(candidate.link),
    published: inOutputZone(published),
    updated: inOutputZone(record.updated ?? published),
    ...(record.summary === undefined ? {} : { summary: own(record.summary) }),
    contentHtml: html,
    authors: record.authors?.map(ownPerson) ?? [config.author!],
    tags: record.tags?.map(own) ?? [],
    ...(media?.image === undefined ? {} : { image: ownAttachment(media.image) }),
    attachments: media?.attachments.map(ownAttachment) ?? [],
    ...(record.language === undefined ? {} : { language: own(record.language) }),
    ...(record.rights === undefined ? {} : { rights: own(record.rights) }),
    captions: record.captions?.map((c) => ({ text: own(c.text), credit: own(c.credit) })) ?? [],
  };
}

function findDuplicates(candidates: readonly Candidate[], diagnostics: Diagnostic[]): void {
  // One problem, one message: a duplicate slug also duplicates the id and link it makes.
  const reported = new Set<Candidate>();
  const check = (what: 'slug' | 'id' | 'link', hint: string) => {
    const first = new Map<string, Candidate>();
    for (const candidate of candidates) {
      if (reported.has(candidate)) continue;
      const other = first.get(candidate[what]);
      if (other === undefined) {
        first.set(candidate[what], candidate);
        continue;
      }
      const { source } = other.record;
      diagnosticsFor(candidate.record.source.file, diagnostics).error(
        `input/duplicate-${what}`,
        `has the ${what} "${candidate[what]}", as does ${source.file}${source.line && source.line > 1 ? `:${source.line}` : ''}; ${hint}`,
        candidate.record.source.line,
      );
      reported.add(candidate);
    }
  };
  check('slug', 'rename one of the files or give one a "slug"');
  check('id', 'every article needs its own "id"');
  check('link', 'every article needs its own "link"');
}

const ownPerson = (p: Person): Person => ({ name: own(p.name), ...(p.email === undefined ? {} : { email: own(p.email) }), ...(p.url === undefined ? {} : { url: own(p.url) }) });

const ownAttachment = (a: Attachment): Attachment => ({ ...a, url: own(a.url), ...(a.title === undefined ? {} : { title: own(a.title) }) });

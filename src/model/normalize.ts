import type { DateTime } from 'luxon';
import type { Config } from '../config/config.js';
import { diagnosticsFor, type Diagnostic } from '../diagnostic.js';
import type { ArticleRecord } from '../records/record.js';
import { rfc3339 } from '../dates/format.js';
import { absoluteUrls } from './absolute-urls.js';
import { sanitize } from './sanitize.js';
import { settleMedia } from './media.js';
import type { Attachment, Entry, Feed, FeedFormat } from './types.js';

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
}

/**
 * Records → the feed model: defaults filled in (SPEC 2.4), each record
 * checked against the others, newest first, at most `limit`. Drafts are left
 * out. Every problem found is returned; the feed only when there is none.
 */
export function normalize(records: readonly ArticleRecord[], config: Config, options: NormalizeOptions): { feed?: Feed; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const entries: Unfinished[] = [];
  const host = new URL(config.siteUrl).hostname;
  const base = config.siteUrl.replace(/\/+$/, '');

  for (const record of records) {
    if (record.draft) continue;
    if (options.now && !options.future && record.published && record.published.toMillis() > options.now.toMillis()) {
      diagnosticsFor(record.source.file, diagnostics).info(
        'input/future',
        `is dated ${record.published.toISO({ suppressMilliseconds: true })}, after this build; it is left out until then (build with --future to include it)`,
        record.lines.published ?? record.source.line,
      );
      continue;
    }
    const entry = toEntry(record, config, options, host, base, diagnostics);
    if (entry) entries.push(entry);
  }
  findDuplicates(entries, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  if (entries.length === 0) {
    diagnosticsFor(options.articlesDir, diagnostics).error(
      'input/no-articles',
      'holds no publishable article (drafts are left out); add a record such as a .txt file that starts with a dateline, or pass --articles DIR',
    );
    return { diagnostics };
  }

  // Newest first; equal instants by id, so that the order never depends on the file system.
  entries.sort((a, b) => b.published.toMillis() - a.published.toMillis() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Content is finished only for the items the feed shows: the rest are checked, not rendered.
  // Under `sanitize`, after absoluteUrls: the sanitizer judges each URL by its scheme, which a relative one does not have yet.
  // The record renders or loads its content when asked (a Markdown body, a cached record's file): only here.
  const finish = (html: string, link: string) => (config.sanitize ? sanitize(absoluteUrls(html, link)) : absoluteUrls(html, link));
  const shown: Entry[] = entries.slice(0, config.limit).map(({ record, ...e }) => ({ ...e, contentHtml: finish(record.contentHtml ?? '', e.link) }));
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

/** An entry before its content is finished, with the record that gives the content. */
type Unfinished = Omit<Entry, 'contentHtml'> & { readonly record: ArticleRecord };

function toEntry(record: ArticleRecord, config: Config, options: NormalizeOptions, host: string, base: string, diagnostics: Diagnostic[]): Unfinished | undefined {
  const report = diagnosticsFor(record.source.file, diagnostics);
  const at = (field: keyof ArticleRecord['lines']) => record.lines[field] ?? record.source.line;
  let ok = true;
  if (record.title === undefined || record.title === '') {
    report.error('input/missing-title', 'has no title; give it a "title"', record.source.line);
    ok = false;
  }
  // A date written but unreadable has been reported where it was read.
  if (record.published === undefined && record.lines.published === undefined) {
    report.error('input/missing-date', 'has no publication date; give it a "published" date such as "2024-05-16T11:55:00+08:00"', record.source.line);
    ok = false;
  }
  const authors = record.authors ?? (config.author ? [config.author] : []);
  if (authors.length === 0) {
    report.error('input/no-author', 'has no author, and the config gives none; give it an "author", or set "author" in feedwright.config.json', record.source.line);
    ok = false;
  }
  if (!ok || record.published === undefined) return undefined;

  const published = record.published;
  const updated = record.updated ?? published;
  if (updated.toMillis() < published.toMillis()) {
    report.error(
      'input/updated-before-published',
      `was updated (${updated.toISO({ suppressMilliseconds: true })}) before it was published (${published.toISO({ suppressMilliseconds: true })}); correct one of the two dates`,
      at('updated'),
    );
    return undefined;
  }
  const sizes = options.mediaSizes ?? new Map<string, number>();
  const image = record.image === undefined ? undefined : settleMedia({ url: record.image }, sizes, report, at('image'), 'the image');
  const attachments = (record.attachments ?? []).map((a, i) => settleMedia(a, sizes, report, at('attachments'), `attachment ${i + 1}`));
  if ((record.image !== undefined && image === undefined) || attachments.some((a) => a === undefined)) return undefined;
  const slug = encodeURIComponent(record.slug);
  // RFC 4151: the date is the publication day as its author wrote it, so the
  // id stays the same under --utc and when links move.
  const id = record.id ?? `tag:${host},${rfc3339(published).slice(0, 10)}:${slug}`;
  const inOutputZone = (d: DateTime) => (options.utc ? d.toUTC() : d);
  const link = record.link ?? base + config.articlePath.replace('{slug}', slug);
  return {
    source: record.source,
    slug: record.slug,
    id,
    title: record.title!,
    link,
    published: inOutputZone(published),
    updated: inOutputZone(updated),
    ...(record.summary === undefined ? {} : { summary: record.summary }),
    record,
    authors,
    tags: record.tags ?? [],
    ...(image === undefined ? {} : { image }),
    attachments: attachments as Attachment[],
    ...(record.language === undefined ? {} : { language: record.language }),
    ...(record.rights === undefined ? {} : { rights: record.rights }),
    captions: record.captions ?? [],
  };
}

function findDuplicates(entries: readonly Unfinished[], diagnostics: Diagnostic[]): void {
  // One problem, one message: a duplicate slug also duplicates the id and link it makes.
  const reported = new Set<Unfinished>();
  const check = (what: 'slug' | 'id' | 'link', hint: string) => {
    const first = new Map<string, Unfinished>();
    for (const entry of entries) {
      if (reported.has(entry)) continue;
      const other = first.get(entry[what]);
      if (other === undefined) {
        first.set(entry[what], entry);
        continue;
      }
      diagnosticsFor(entry.source.file, diagnostics).error(
        `input/duplicate-${what}`,
        `has the ${what} "${entry[what]}", as does ${other.source.file}${other.source.line && other.source.line > 1 ? `:${other.source.line}` : ''}; ${hint}`,
        entry.source.line,
      );
      reported.add(entry);
    }
  };
  check('slug', 'rename one of the files or give one a "slug"');
  check('id', 'every article needs its own "id"');
  check('link', 'every article needs its own "link"');
}

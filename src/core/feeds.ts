import { createHash } from 'node:crypto';
import type { Config } from '../config/config.js';
import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import { feedOf, toEntry } from '../model/entry.js';
import { placer, type Placed, type Placement, type PlaceOptions } from '../model/place.js';
import { select } from '../model/select.js';
import { planFeeds, type FeedPlan } from '../model/set.js';
import type { ArchiveLinks, Entry, Feed, FeedFormat } from '../vocabulary/types.js';
import type { ArticleRecord } from '../vocabulary/record.js';

/**
 * Where the records come from: every record placed, and the records of the
 * ones the feeds show. The library's records are all in memory; a build
 * keeps the placements of unchanged files from the last build, reads only
 * the files of the records the feed shows, and keeps a feed set's records
 * out of memory until its feed is made (see docs/caching.md).
 */
export interface RecordSource {
  /** Every record that passed its checks, placed, in one pass as they come; asked again when the items must be chosen again. */
  placements(): Iterable<Placement>;
  /**
   * The records of these placements, to be asked for one at a time as the
   * feeds are made, each with its placement as made now; undefined when a
   * file was not as its placements said (changed during the build), after
   * which `placements()` gives them as they are now.
   */
  shown(placements: readonly Placement[]): ((placement: Placement) => ShownRecord) | undefined;
  /** The hash of the bytes a placement was made from, when the source knows it: what tells a build that a feed's documents are unchanged (see `FeedOptions.unchanged`). */
  versionOf?(placement: Placement): string | undefined;
}

export interface ShownRecord {
  readonly record: ArticleRecord;
  readonly placed: Placed;
}

export interface FeedOptions {
  /** Write every date in UTC instead of the offset its author wrote. */
  readonly utc: boolean;
  /** How the articles are named in messages ("records" for the library's). */
  readonly articlesDir: string;
  /** The build's clock (epoch ms): a record published after it is left out, unless `future`. Without it, nothing is. */
  readonly now?: number;
  readonly future?: boolean;
  /**
   * Whether the documents of the feed in `folder` are as an earlier build
   * wrote them from what `fingerprint` hashes: a build can tell (see
   * docs/caching.md). Such a feed is not made again, and its records are not
   * asked for. The main feed is always made.
   */
  readonly unchanged?: (folder: string, fingerprint: string) => boolean;
}

/** A feed of the set, made or kept as an earlier build wrote it. */
export type SetFeed = MadeFeed | KeptFeed;

/** A feed of the set, and the folder under the output folder its documents go in ("" for the main feed). */
interface FeedOfSet {
  readonly folder: string;
  readonly title: string;
  /** Its documents' URLs. */
  readonly feedUrls: Readonly<Record<FeedFormat, string>>;
  /** An archive page (docs/feed-set.md), which never changes once written; else a head, which readers poll. */
  readonly page: boolean;
  /** What its documents are made of, hashed: its place in the set, and each item's file, slug, id, link and version. Only when the source gives every item's version. */
  readonly fingerprint?: string;
}

/** A feed to make: its model, made when asked for (each time), so that a set's feeds are held one at a time. */
export interface MadeFeed extends FeedOfSet {
  readonly kept?: false;
  make(): Feed;
}

/** A feed whose documents are as an earlier build wrote them (`FeedOptions.unchanged`). */
export interface KeptFeed extends FeedOfSet {
  readonly kept: true;
  readonly fingerprint: string;
}

export interface Modelled {
  /** The main feed, when there is no error. */
  readonly feed?: Feed;
  /** Every feed of the set, the main feed first (docs/feed-set.md). */
  readonly feeds: readonly SetFeed[];
  readonly diagnostics: Diagnostic[];
  readonly nextFuture: number | null;
}

/** How many times the records are read before a build gives up on files that keep changing under it. */
const READINGS = 3;

/**
 * The records → the feed model (docs/records.md): the ones the feeds show
 * chosen among all of them, newest first, and the feed set planned of them
 * (docs/feed-set.md): the main feed made, each other feed made of its
 * records when it is asked for. Every problem found is returned; the feeds
 * only when there is none.
 */
export function feedFrom(source: RecordSource, config: Config, options: FeedOptions): Modelled {
  for (let reading = 1; ; reading++) {
    const { ordered, diagnostics, nextFuture } = select(source.placements(), { ...options, limit: config.limit, unknownFields: config.unknownFields, all: config.archive !== undefined, facets: config.facets !== undefined });
    if (diagnostics.some((d) => d.severity === 'error')) return { feeds: [], diagnostics, nextFuture };
    const plans = planFeeds(ordered, config, options.articlesDir, diagnostics);
    if (diagnostics.some((d) => d.severity === 'error')) return { feeds: [], diagnostics, nextFuture };
    const versionOf = source.versionOf?.bind(source);
    const fingerprints = plans.map((plan) => (versionOf === undefined ? undefined : fingerprintOf(plan, versionOf)));
    const kept = plans.map((plan, i) => plan.folder !== '' && fingerprints[i] !== undefined && options.unchanged?.(plan.folder, fingerprints[i]) === true);
    // Each item once, in the order of the main feed.
    const wanted = new Set(plans.flatMap((plan, i) => (kept[i] ? [] : plan.items)));
    const shownOf = source.shown(ordered.filter((p) => wanted.has(p)));
    if (shownOf === undefined) {
      // A file changed during the build: chosen again, as it is now, unless the files keep changing.
      if (reading < READINGS) continue;
      diagnosticsFor(options.articlesDir, diagnostics).error('input/changing', `had files that changed while the build read them, ${READINGS} times over; build again once nothing is writing to them`);
      return { feeds: [], diagnostics, nextFuture };
    }
    const entryOf = (placement: Placement): Entry => {
      const { record, placed } = shownOf(placement);
      return toEntry(record, placed, config, options.utc);
    };
    const feeds = plans.map((plan, i): SetFeed => {
      const { folder, title, archive } = plan;
      const fingerprint = fingerprints[i];
      const page = archive?.page !== undefined;
      const urls = feedUrls(config, folder);
      const known = { folder, page, title, feedUrls: urls };
      if (kept[i]) return { ...known, kept: true, fingerprint: fingerprint! };
      const links: ArchiveLinks | undefined =
        archive === undefined
          ? undefined
          : {
              page,
              ...(archive.prev === undefined ? {} : { prev: feedUrls(config, archive.prev) }),
              ...(archive.current === undefined ? {} : { current: feedUrls(config, archive.current) }),
            };
      const make = () => feedOf(plan.items.map(entryOf), config, { title, feedUrls: urls, ...(links ? { archive: links } : {}) });
      // The main feed once: the build reports on it.
      const main = folder === '' ? make() : undefined;
      return { ...known, make: main ? () => main : make, ...(fingerprint === undefined ? {} : { fingerprint }) };
    });
    return { feed: (feeds[0] as MadeFeed).make(), feeds, diagnostics, nextFuture };
  }
}

/**
 * What a feed's documents are made of, hashed: its folder, title and
 * archive links, and each item's file, slug, id and link (which a file's
 * name can give) and the version of the bytes it came from, in order. The
 * config and the build's options are not in it: a build compares it only
 * with one of the same (docs/caching.md). None when an item has no version.
 */
function fingerprintOf(plan: FeedPlan, versionOf: (placement: Placement) => string | undefined): string | undefined {
  const hash = createHash('md5').update(JSON.stringify([plan.folder, plan.title, plan.archive ?? null]));
  for (const item of plan.items) {
    const version = versionOf(item);
    if (version === undefined) return undefined;
    hash.update(`\n${item.file}\0${item.slug}\0${item.id}\0${item.link}\0${version}`);
  }
  return hash.digest('hex');
}

/** The self links of a feed's documents in `folder` under the feeds' URL. */
const feedUrls = (config: Config, folder: string): Record<FeedFormat, string> =>
  Object.fromEntries((Object.entries(config.files) as [FeedFormat, string][]).map(([format, name]) => [format, config.feedUrl + folder + name])) as Record<FeedFormat, string>;

/** Records in memory as a source: each placed once, its problems added to `diagnostics`. */
export function memorySource(records: readonly ArticleRecord[], config: Config, options: PlaceOptions, diagnostics: Diagnostic[]): RecordSource {
  const place = placer(config, options);
  const recordOf = new Map<Placement, ArticleRecord>();
  for (const record of records) {
    const placed = place(record, diagnostics);
    if (placed) recordOf.set(placed, record);
  }
  const placements = [...recordOf.keys()];
  return {
    placements: () => placements,
    shown: () => (placed) => ({ record: recordOf.get(placed)!, placed: placed as Placed }),
  };
}

/** Records in memory → the feed set, with every problem found: `feedFrom` over a `memorySource`. */
export function normalize(records: readonly ArticleRecord[], config: Config, options: FeedOptions & PlaceOptions): Modelled {
  const diagnostics: Diagnostic[] = [];
  const result = feedFrom(memorySource(records, config, options, diagnostics), config, options);
  return { ...result, diagnostics: [...diagnostics, ...result.diagnostics] };
}

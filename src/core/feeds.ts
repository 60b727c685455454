import type { Config } from '../config/config.js';
import type { Diagnostic } from '../vocabulary/diagnostic.js';
import { feedOf, toEntry } from '../model/entry.js';
import { placer, type Placed, type Placement, type PlaceOptions } from '../model/place.js';
import { select } from '../model/select.js';
import type { Feed } from '../vocabulary/types.js';
import type { ArticleRecord } from '../vocabulary/record.js';

/**
 * Where the records come from: every record placed, and the records of the
 * ones the feed shows. The library's records are all in memory; a build
 * keeps the placements of unchanged files from the last build and reads
 * only the files of the records the feed shows (see docs/caching.md).
 */
export interface RecordSource {
  /** Every record that passed its checks, placed. */
  placements(): readonly Placement[];
  /**
   * The records of these placements, each with its placement as made now;
   * undefined when a file was not as its placements said (changed during
   * the build), after which `placements()` gives them as they are now.
   */
  shown(placements: readonly Placement[]): readonly ShownRecord[] | undefined;
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
}

/**
 * The records → the feed model (docs/records.md): the ones the feed shows
 * chosen among all of them, newest first, and made entries. Every problem
 * found is returned; the feed only when there is none.
 */
export function feedFrom(source: RecordSource, config: Config, options: FeedOptions): { feed?: Feed; diagnostics: Diagnostic[]; nextFuture: number | null } {
  for (;;) {
    const { shown, diagnostics, nextFuture } = select(source.placements(), { ...options, limit: config.limit, unknownFields: config.unknownFields });
    if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, nextFuture };
    const records = source.shown(shown);
    if (records === undefined) continue; // A file changed during the build: chosen again, as it is now.
    const entries = records.map(({ record, placed }) => toEntry(record, placed, config, options.utc));
    return { feed: feedOf(entries, config), diagnostics, nextFuture };
  }
}

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
    shown: (shown) => shown.map((placed) => ({ record: recordOf.get(placed)!, placed: placed as Placed })),
  };
}

/** Records in memory → the feed model, with every problem found: `feedFrom` over a `memorySource`. */
export function normalize(records: readonly ArticleRecord[], config: Config, options: FeedOptions & PlaceOptions): { feed?: Feed; diagnostics: Diagnostic[]; nextFuture: number | null } {
  const diagnostics: Diagnostic[] = [];
  const result = feedFrom(memorySource(records, config, options, diagnostics), config, options);
  return { ...result, diagnostics: [...diagnostics, ...result.diagnostics] };
}

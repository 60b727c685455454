import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import { FixedOffsetZone } from 'luxon';
import { instantIn } from '../dates/parse.js';
import type { Placement } from './place.js';
import type { UnknownFieldsMode } from '../vocabulary/record.js';

export interface SelectOptions {
  /** How the articles folder is named in messages. */
  readonly articlesDir: string;
  readonly limit: number;
  /** The build's clock (epoch ms): a record published after it is left out, unless `future`. Without it, nothing is. */
  readonly now?: number;
  readonly future?: boolean;
  /** "warn" (the default): one warning counting the records' keys feedwright does not use; "ignore": none. */
  readonly unknownFields?: UnknownFieldsMode;
}

export interface Selection<P extends Placement> {
  /** The items the feed shows, newest first; none when `diagnostics` holds an error. */
  readonly shown: readonly P[];
  /** Every item any feed of the set may show (docs/feed-set.md), newest first: `shown` is its first `limit`. */
  readonly ordered: readonly P[];
  readonly diagnostics: Diagnostic[];
  /** When the output goes stale (epoch ms), or null: the earliest a record left out as future is published, or one shown expires. */
  readonly nextFuture: number | null;
}

/**
 * The placed records → the ones the feed shows: future records left out,
 * every slug, id and link checked to be its own across all of them, newest
 * first (equal instants by id, so that the order never depends on the file
 * system), at most `limit`.
 */
export function select<P extends Placement>(placed: readonly P[], options: SelectOptions): Selection<P> {
  const diagnostics: Diagnostic[] = [];
  const kept: P[] = [];
  let nextFuture: number | null = null;
  const leaveOutFuture = options.now !== undefined && !options.future;
  const soonest = (at: number) => {
    if (nextFuture === null || at < nextFuture) nextFuture = at;
  };
  if (options.unknownFields !== 'ignore' && options.unknownFields !== 'error') countUnknown(placed, options.articlesDir, diagnostics);
  for (const p of placed) {
    const { expires } = p;
    if (options.now !== undefined && expires !== undefined && expires <= options.now) {
      const on = instantIn(expires, FixedOffsetZone.instance(p.offset)).toISO({ suppressMilliseconds: true });
      diagnosticsFor(p.file, diagnostics).info('input/expired', `expired on ${on} (its "expiryDate"), before this build; it is left out, as Hugo leaves it out of the site`, p.line);
      continue;
    }
    if (leaveOutFuture && p.published > options.now!) {
      const dated = instantIn(p.published, FixedOffsetZone.instance(p.offset)).toISO({ suppressMilliseconds: true });
      diagnosticsFor(p.file, diagnostics).info('input/future', `is dated ${dated}, after this build; it is left out until then (build with --future to include it)`, p.line);
      soonest(p.published);
      continue;
    }
    // Shown now, and left out from when it expires: the output goes stale then.
    if (options.now !== undefined && expires !== undefined) soonest(expires);
    kept.push(p as P);
  }
  findDuplicates(kept, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { shown: [], ordered: [], diagnostics, nextFuture };
  if (kept.length === 0) {
    diagnosticsFor(options.articlesDir, diagnostics).error(
      'input/no-articles',
      'holds no publishable article (drafts are left out); add a record such as a .txt file that starts with a dateline, or pass --articles DIR',
    );
    return { shown: [], ordered: [], diagnostics, nextFuture };
  }
  kept.sort((a, b) => b.published - a.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { shown: kept.slice(0, options.limit), ordered: kept, diagnostics, nextFuture };
}

/** Keys named in the warning; the rest are counted as "and N more". */
const NAMED_KEYS = 10;

/**
 * One warning for the whole build: how many records have keys feedwright
 * does not use, and which, most frequent first (docs/config.md,
 * unknownFields). Counted from the placements, so that a build that reads
 * only the changed files counts every record.
 */
function countUnknown(placed: readonly Placement[], articlesDir: string, diagnostics: Diagnostic[]): void {
  const counts = new Map<string, number>();
  let records = 0;
  for (const p of placed) {
    if (p.unknownFields === undefined || p.unknownFields.length === 0) continue;
    records++;
    for (const key of p.unknownFields) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (records === 0) return;
  const keys = [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const named = keys.slice(0, NAMED_KEYS).map(([key, n]) => `${key} (${n})`);
  const more = keys.length > NAMED_KEYS ? `, and ${keys.length - NAMED_KEYS} more` : '';
  diagnosticsFor(articlesDir, diagnostics).warning(
    'input/unknown-fields',
    `${records} ${records === 1 ? 'record has' : 'records have'} fields feedwright does not use: ${named.join(', ')}${more}; they are left out of the feeds (set "unknownFields" in feedwright.config.json to "ignore" to build without this warning, or to "error" to refuse them)`,
  );
}

function findDuplicates(placed: readonly Placement[], diagnostics: Diagnostic[]): void {
  // One problem, one message: a duplicate slug also duplicates the id and link it makes.
  const reported = new Set<Placement>();
  const check = (what: 'slug' | 'id' | 'link', hint: string, sameFileHint = hint) => {
    const first = new Map<string, Placement>();
    for (const p of placed) {
      if (reported.has(p)) continue;
      const other = first.get(p[what]);
      if (other === undefined) {
        first.set(p[what], p);
        continue;
      }
      diagnosticsFor(p.file, diagnostics).error(
        `input/duplicate-${what}`,
        `has the ${what} "${p[what]}", as does ${other.file}${other.line && other.line > 1 ? `:${other.line}` : ''}; ${other.file === p.file ? sameFileHint : hint}`,
        p.line,
      );
      reported.add(p);
    }
  };
  check('slug', 'rename one of the files or give one a "slug"', 'give one of them another "slug"');
  check('id', 'every article needs its own "id"');
  check('link', 'every article needs its own "link"');
}

import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import { FixedOffsetZone } from 'luxon';
import { instantIn } from '../dates/parse.js';
import type { Placement } from './place.js';

export interface SelectOptions {
  /** How the articles folder is named in messages. */
  readonly articlesDir: string;
  readonly limit: number;
  /** The build's clock (epoch ms): a record published after it is left out, unless `future`. Without it, nothing is. */
  readonly now?: number;
  readonly future?: boolean;
}

export interface Selection<P extends Placement> {
  /** The items the feed shows, newest first; none when `diagnostics` holds an error. */
  readonly shown: readonly P[];
  readonly diagnostics: Diagnostic[];
  /** When the earliest record left out as future is published (epoch ms), or null: the output goes stale then. */
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
  for (const p of placed) {
    if (leaveOutFuture && p.published > options.now!) {
      const dated = instantIn(p.published, FixedOffsetZone.instance(p.offset)).toISO({ suppressMilliseconds: true });
      diagnosticsFor(p.file, diagnostics).info('input/future', `is dated ${dated}, after this build; it is left out until then (build with --future to include it)`, p.line);
      if (nextFuture === null || p.published < nextFuture) nextFuture = p.published;
      continue;
    }
    kept.push(p);
  }
  findDuplicates(kept, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { shown: [], diagnostics, nextFuture };
  if (kept.length === 0) {
    diagnosticsFor(options.articlesDir, diagnostics).error(
      'input/no-articles',
      'holds no publishable article (drafts are left out); add a record such as a .txt file that starts with a dateline, or pass --articles DIR',
    );
    return { shown: [], diagnostics, nextFuture };
  }
  kept.sort((a, b) => b.published - a.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { shown: kept.slice(0, options.limit), diagnostics, nextFuture };
}

function findDuplicates(placed: readonly Placement[], diagnostics: Diagnostic[]): void {
  // One problem, one message: a duplicate slug also duplicates the id and link it makes.
  const reported = new Set<Placement>();
  const check = (what: 'slug' | 'id' | 'link', hint: string) => {
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
        `has the ${what} "${p[what]}", as does ${other.file}${other.line && other.line > 1 ? `:${other.line}` : ''}; ${hint}`,
        p.line,
      );
      reported.add(p);
    }
  };
  check('slug', 'rename one of the files or give one a "slug"');
  check('id', 'every article needs its own "id"');
  check('link', 'every article needs its own "link"');
}

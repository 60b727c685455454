import { hash } from 'node:crypto';
import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import { FixedOffsetZone } from 'luxon';
import { instantIn } from '../dates/parse.js';
import type { Placement } from './place.js';
import { PackedStrings } from '../vocabulary/memory.js';
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
  /** Whether `ordered` holds every item (archive pages need them all), or only the first `limit`, kept as the placements stream past. */
  readonly all?: boolean;
  /** Without `all`: `ordered` holds the first `limit` of each facet value too (a facet's feed shows them; docs/feed-set.md). */
  readonly facets?: boolean;
}

export interface Selection<P extends Placement> {
  /** The items the feed shows, newest first; none when `diagnostics` holds an error. */
  readonly shown: readonly P[];
  /** Every item any feed of the set may show (docs/feed-set.md), newest first: all with `all`, else the first `limit`, and each facet value's with `facets`. `shown` is its first `limit`. */
  readonly ordered: readonly P[];
  readonly diagnostics: Diagnostic[];
  /** When the output goes stale (epoch ms), or null: the earliest a record left out as future is published, or one shown expires. */
  readonly nextFuture: number | null;
}

/**
 * The placed records → the ones the feed shows: future records left out,
 * every slug, id and link checked to be its own across all of them, newest
 * first (equal instants by id, so that the order never depends on the file
 * system), at most `limit`. The placements are read once, as they come:
 * without `all`, only the newest `limit` of them are held (and of each facet
 * value, with `facets`), and of the rest only their slugs, ids and links.
 */
export function select<P extends Placement>(placed: Iterable<P>, options: SelectOptions): Selection<P> {
  const diagnostics: Diagnostic[] = [];
  const newest = (): Newest<P> => new Newest(options.all ? Infinity : options.limit);
  const kept = newest();
  // Each facet value's newest, by kind and value.
  const byFacet = options.facets && !options.all ? new Map<string, Newest<P>>() : undefined;
  let nextFuture: number | null = null;
  const leaveOutFuture = options.now !== undefined && !options.future;
  const soonest = (at: number) => {
    if (nextFuture === null || at < nextFuture) nextFuture = at;
  };
  const unknown = options.unknownFields !== 'ignore' && options.unknownFields !== 'error' ? new UnknownCount() : undefined;
  const duplicates = new Duplicates(diagnostics);
  for (const p of placed) {
    unknown?.add(p);
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
    if (!duplicates.add(p)) continue;
    kept.add(p);
    if (byFacet) {
      for (const [kind, values] of Object.entries(p.facets ?? {})) {
        for (const value of new Set(values)) {
          const key = `${kind}\0${value}`;
          let held = byFacet.get(key);
          if (held === undefined) byFacet.set(key, (held = newest()));
          held.add(p);
        }
      }
    }
  }
  unknown?.report(options.articlesDir, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { shown: [], ordered: [], diagnostics, nextFuture };
  if (kept.size === 0) {
    diagnosticsFor(options.articlesDir, diagnostics).error(
      'input/no-articles',
      'holds no publishable article (drafts are left out); add a record such as a .txt file that starts with a dateline, or pass --articles DIR',
    );
    return { shown: [], ordered: [], diagnostics, nextFuture };
  }
  const main = kept.newest();
  const ordered = byFacet === undefined ? main : [...new Set([...main, ...[...byFacet.values()].flatMap((held) => held.newest())])].sort(newestFirst);
  return { shown: main.slice(0, options.limit), ordered, diagnostics, nextFuture };
}

/** The newest `limit` placements of those added, held as they come: sorted and cut back to `limit` whenever twice as many (at least 1,024) are held. */
class Newest<P extends Placement> {
  private held: P[] = [];
  private readonly bound: number;

  constructor(private readonly limit: number) {
    this.bound = Math.max(2 * limit, 1024);
  }

  get size(): number {
    return this.held.length;
  }

  add(p: P): void {
    this.held.push(p);
    if (this.held.length >= this.bound) this.held = this.held.sort(newestFirst).slice(0, this.limit);
  }

  /** The newest `limit`, newest first. */
  newest(): P[] {
    this.held = this.held.sort(newestFirst).slice(0, this.limit);
    return this.held;
  }
}

/** Newest first; equal instants by id. */
const newestFirst = (a: Placement, b: Placement) => b.published - a.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Keys named in the warning; the rest are counted as "and N more". */
const NAMED_KEYS = 10;

/**
 * One warning for the whole build: how many records have keys feedwright
 * does not use, and which, most frequent first (docs/config.md,
 * unknownFields). Counted from the placements, so that a build that reads
 * only the changed files counts every record.
 */
class UnknownCount {
  private readonly counts = new Map<string, number>();
  private records = 0;

  add(p: Placement): void {
    if (p.unknownFields === undefined || p.unknownFields.length === 0) return;
    this.records++;
    for (const key of p.unknownFields) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  report(articlesDir: string, diagnostics: Diagnostic[]): void {
    const { records } = this;
    if (records === 0) return;
    const keys = [...this.counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
    const named = keys.slice(0, NAMED_KEYS).map(([key, n]) => `${key} (${n})`);
    const more = keys.length > NAMED_KEYS ? `, and ${keys.length - NAMED_KEYS} more` : '';
    diagnosticsFor(articlesDir, diagnostics).warning(
      'input/unknown-fields',
      `${records} ${records === 1 ? 'record has' : 'records have'} fields feedwright does not use: ${named.join(', ')}${more}; they are left out of the feeds (set "unknownFields" in feedwright.config.json to "ignore" to build without this warning, or to "error" to refuse them)`,
    );
  }
}

const HINTS = {
  slug: ['rename one of the files or give one a "slug"', 'give one of them another "slug"'],
  id: ['every article needs its own "id"', 'every article needs its own "id"'],
  link: ['every article needs its own "link"', 'every article needs its own "link"'],
} as const;

/** The three a record is checked by, in the order they are checked: each record's are entries 3r, 3r + 1 and 3r + 2 of the table. */
const KINDS = ['slug', 'id', 'link'] as const;

/**
 * The slugs, ids and links seen so far, each with where it was first seen.
 * One problem, one message: a duplicate slug also duplicates the id and
 * link it makes, so a record is checked by its slug, then its id, then its
 * link, and the first duplicate is the one reported.
 *
 * Each is held by the first 12 bytes of the MD5 digest of its kind and
 * value, in one hash table of typed arrays (open addressing), outside the
 * JavaScript heap, and each record's file name packed: as strings in maps,
 * a million records' weighed some 215 MB of the heap (docs/performance.md).
 * Two different values share 12 bytes of digest by chance once in 2^96
 * pairs, far below anything a feed could meet: some 10^-16 for the three
 * million of a million records.
 */
class Duplicates {
  /** Each slot: the number of the entry there, plus 1 (0: empty); at most three quarters of them full. */
  private slots = new Uint32Array(1 << 12);
  private filled = 0;
  /** Each entry's digest, three numbers an entry: record r's slug, id and link are entries 3r to 3r + 2 (a record refused leaves its later ones empty). */
  private digests = new Uint32Array(9 << 10);
  /** Each record's file (its number in `files`) and line (0: none). */
  private fileOf = new Uint32Array(1 << 10);
  private lineOf = new Uint32Array(1 << 10);
  private readonly files = new PackedStrings();
  private lastFile: string | undefined;
  private records = 0;

  constructor(private readonly diagnostics: Diagnostic[]) {}

  /** Whether `p`'s slug, id and link are its own so far; if not, the first that is not is reported, and the rest are not looked at. */
  add(p: Placement): boolean {
    const record = this.note(p);
    for (const [kind, what] of KINDS.entries()) {
      const digest = hash('md5', `${what}\0${p[what]}`, 'buffer');
      const other = this.find(digest);
      if (other === undefined) {
        this.insert(digest, record * 3 + kind);
        continue;
      }
      const [hint, sameFileHint] = HINTS[what];
      const file = this.files.at(this.fileOf[other]!)!;
      const line = this.lineOf[other]!;
      diagnosticsFor(p.file, this.diagnostics).error(`input/duplicate-${what}`, `has the ${what} "${p[what]}", as does ${file}${line > 1 ? `:${line}` : ''}; ${file === p.file ? sameFileHint : hint}`, p.line);
      return false;
    }
    return true;
  }

  /** The record an entry of this digest was seen in, if any. */
  private find(digest: Buffer): number | undefined {
    const { slots, digests } = this;
    const mask = slots.length - 1;
    const [a, b, c] = [digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8)];
    for (let slot = a & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const entry = slots[slot]! - 1;
      if (digests[entry * 3] === a && digests[entry * 3 + 1] === b && digests[entry * 3 + 2] === c) return Math.floor(entry / 3);
    }
    return undefined;
  }

  private insert(digest: Buffer, entry: number): void {
    if (++this.filled > this.slots.length * 0.75) {
      const full = this.slots;
      this.slots = new Uint32Array(full.length * 2);
      for (const slot of full) if (slot !== 0) this.place(slot - 1);
    }
    for (let i = 0; i < 3; i++) this.digests[entry * 3 + i] = digest.readUInt32LE(i * 4);
    this.place(entry);
  }

  /** Puts an entry in the first free slot from where its digest points. */
  private place(entry: number): void {
    const { slots } = this;
    const mask = slots.length - 1;
    let slot = this.digests[entry * 3]! & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = entry + 1;
  }

  /** Notes where a record was seen; the placements come a file at a time, so each file's name is held once. */
  private note(p: Placement): number {
    if (this.records === this.fileOf.length) {
      this.fileOf = grown(this.fileOf, this.fileOf.length * 2);
      this.lineOf = grown(this.lineOf, this.lineOf.length * 2);
      this.digests = grown(this.digests, this.digests.length * 2);
    }
    if (this.lastFile !== p.file) {
      this.files.push(p.file);
      this.lastFile = p.file;
    }
    this.fileOf[this.records] = this.files.length - 1;
    this.lineOf[this.records] = p.line ?? 0;
    return this.records++;
  }
}

/** A copy of `array` with room for `length` numbers. */
function grown(array: Uint32Array<ArrayBuffer>, length: number): Uint32Array<ArrayBuffer> {
  const copy = new Uint32Array(length);
  copy.set(array);
  return copy;
}

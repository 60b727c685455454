import { readFileSync } from 'node:fs';
import type { Placement } from '../model/place.js';
import type { ArticleRecord } from '../vocabulary/record.js';
import { CODE_ID } from '../vocabulary/version.js';
import { keep, revive, type KeptRecord } from './records.js';
import { GRANULARITY_MS, sha1, storeJson } from './store.js';

/**
 * The memo of the build's per-file step (read, parse and place one record
 * file; see docs/caching.md): for each file, its size, times and hash, and
 * the placements of its records, and for a file whose records the feed
 * showed, the records themselves. A rebuild takes a file's placements (and
 * records) from here instead of reading it when its bytes are the same. It holds for one
 * config, one set of build options and one feedwright (its key and code):
 * with any other, it is empty. Anything it cannot vouch for is read again.
 */

const FORMAT = 3;

/** What a file's size and times are compared by. */
export interface FileStats {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

interface FileEntry extends FileStats {
  /** When the build that kept it looked at the file's size and times (epoch ms). */
  readonly statedAt: number;
  readonly hash: string;
  /** Without their file: the entry's. */
  readonly placements: readonly Omit<Placement, 'file'>[];
  /** The file's records, when the feed showed one of them. */
  readonly records?: readonly KeptRecord[];
}

interface Saved {
  readonly format: number;
  readonly code: string;
  readonly key: string;
  readonly files: Readonly<Record<string, FileEntry>>;
}

/** A file the memo vouches for, and one it does not (with its bytes when they were read to tell). */
export type Lookup =
  | { readonly fresh: true; readonly hash: string; readonly placements: readonly Placement[]; readonly records?: readonly ArticleRecord[] }
  | { readonly fresh: false; readonly bytes?: Buffer };

export class FileMemo {
  private readonly next = new Map<string, FileEntry>();
  /** The records of the files the feed showed this time, to be kept. */
  private readonly shown = new Map<string, readonly KeptRecord[]>();
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly key: string,
    private readonly previous: ReadonlyMap<string, FileEntry>,
  ) {}

  /** The memo kept at `path` for `key`; a missing, corrupt or foreign one is empty. */
  static open(path: string, key: string): FileMemo {
    return new FileMemo(path, key, readSaved(path, key));
  }

  /**
   * Whether the file at `path`, as messages name it `file`, is as the memo
   * kept it. Its size and times vouch for its bytes only when it had not
   * changed for the file system's timestamp granularity before it was looked
   * at (git's rule for its index); otherwise its bytes are hashed.
   */
  lookup(file: string, path: string, stats: FileStats, statedAt: number): Lookup {
    const entry = this.previous.get(file);
    if (entry === undefined || entry.size !== stats.size) return { fresh: false };
    const sameTimes = entry.mtimeMs === stats.mtimeMs && entry.ctimeMs === stats.ctimeMs;
    if (sameTimes && entry.mtimeMs < entry.statedAt - GRANULARITY_MS) {
      this.next.set(file, entry);
      return fresh(file, entry);
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return { fresh: false };
    }
    const hash = sha1(bytes);
    if (hash !== entry.hash) return { fresh: false, bytes };
    // The same bytes: kept with the times seen now, which vouch for them once old enough.
    const { size, mtimeMs, ctimeMs } = stats;
    this.next.set(file, { ...entry, size, mtimeMs, ctimeMs, statedAt });
    this.changed = true;
    return fresh(file, entry);
  }

  /** Keeps a file's placements for the next build. */
  keep(file: string, stats: FileStats, statedAt: number, hash: string, placements: readonly Placement[]): void {
    const { size, mtimeMs, ctimeMs } = stats;
    this.next.set(file, { size, mtimeMs, ctimeMs, statedAt, hash, placements: placements.map(({ file: _, ...rest }) => rest) });
    this.changed = true;
  }

  /**
   * Keeps the records of a file that the feed showed (those alone: an export
   * of thousands of records may show a few), so that the next build need not
   * read the file to show them.
   */
  keepShown(file: string, records: readonly ArticleRecord[]): void {
    const entry = this.next.get(file);
    if (entry === undefined) return;
    const same = entry.records?.length === records.length && entry.records.every((kept, i) => kept.slug === records[i]!.slug);
    this.shown.set(file, same ? entry.records! : records.map(keep));
  }

  /** Writes the memo when anything in it changed, or a file left it; a failure only costs the next build time. */
  async save(): Promise<void> {
    const files: Record<string, FileEntry> = {};
    for (const [file, entry] of this.next) {
      const records = this.shown.get(file);
      // Records are kept only while the feed shows one of them.
      if (records !== entry.records) this.changed = true;
      const { records: _, ...rest } = entry;
      files[file] = records === undefined ? rest : { ...rest, records };
    }
    if (!this.changed && this.next.size === this.previous.size) return;
    await storeJson(this.path, { format: FORMAT, code: CODE_ID, key: this.key, files } satisfies Saved);
  }
}

/** A file the memo vouches for: its placements named by it, and its records revived, when kept and of the shape kept. */
function fresh(file: string, entry: FileEntry): Lookup {
  const placements = entry.placements.map((p) => ({ ...p, file }));
  const records = entry.records?.map(revive);
  return { fresh: true, hash: entry.hash, placements, ...(records?.every((r) => r !== undefined) ? { records: records as ArticleRecord[] } : {}) };
}

function readSaved(path: string, key: string): Map<string, FileEntry> {
  const files = new Map<string, FileEntry>();
  let saved: Saved;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as Saved;
  } catch {
    return files; // Missing or corrupt: every file is read.
  }
  if (saved?.format !== FORMAT || saved.code !== CODE_ID || saved.key !== key || typeof saved.files !== 'object' || saved.files === null) return files;
  for (const [file, entry] of Object.entries(saved.files)) if (isEntry(entry)) files.set(file, entry);
  return files;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === 'string';

/** A placement's optional keys (docs/caching.md): the record's keys feedwright does not use, when it expires, and its facets' values. */
function isPlacementExtra(p: object): boolean {
  const { unknownFields, expires, facets } = p as { unknownFields?: unknown; expires?: unknown; facets?: unknown };
  const texts = (v: unknown) => Array.isArray(v) && v.every(isText);
  return (
    (unknownFields === undefined || texts(unknownFields)) &&
    (expires === undefined || isNumber(expires)) &&
    (facets === undefined || (typeof facets === 'object' && facets !== null && Object.values(facets).every(texts)))
  );
}

/** An entry of the shape this version writes; any other is not trusted, and its file is read. */
function isEntry(value: unknown): value is FileEntry {
  const e = value as FileEntry;
  return (
    typeof e === 'object' && e !== null && isNumber(e.size) && isNumber(e.mtimeMs) && isNumber(e.ctimeMs) && isNumber(e.statedAt) && isText(e.hash) && Array.isArray(e.placements) && (e.records === undefined || Array.isArray(e.records)) &&
    e.placements.every((p) => typeof p === 'object' && p !== null && isText(p.slug) && isText(p.id) && isText(p.link) && isNumber(p.published) && isNumber(p.offset) && (p.line === undefined || isNumber(p.line)) && isPlacementExtra(p))
  );
}

import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Placement } from '../model/place.js';
import type { ArticleRecord } from '../vocabulary/record.js';
import { CODE_ID } from '../vocabulary/version.js';
import { keep, revive, type KeptRecord } from './records.js';
import { GRANULARITY_MS, sha1 } from './store.js';

/**
 * The memo of the build's per-file step (read, parse and place one record
 * file; see docs/caching.md): for each file, its size, times and hash, and
 * the placements of its records, and for the files whose records the feed
 * showed, those records. A rebuild takes a file's placements (and records)
 * from here instead of reading it when its bytes are the same. It holds for
 * one config, one set of build options and one feedwright (its key and
 * code): with any other, it is empty. Anything it cannot vouch for is read
 * again.
 *
 * It is a stream, so that its size never weighs on the build's memory: one
 * JSON line a file, in the order the build reads the files, then one line a
 * file for the records shown. A build reads the last memo alongside its
 * files, in the same order, and writes the next one as it goes.
 */

const FORMAT = 4;

/** What a file's size and times are compared by. */
export interface FileStats {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

interface FileEntry extends FileStats {
  readonly file: string;
  /** When the build that kept it looked at the file's size and times (epoch ms). */
  readonly statedAt: number;
  readonly hash: string;
  /** Without their file: the entry's. */
  readonly placements: readonly Omit<Placement, 'file'>[];
}

/** The first line. */
interface Header {
  readonly format: number;
  readonly code: string;
  readonly key: string;
}

/** A line after the files': the records the feed showed of one file, and the hash of the bytes they were read from. */
interface ShownLine {
  readonly shown: string;
  readonly hash: string;
  readonly records: readonly KeptRecord[];
}

/** A file the memo vouches for, and one it does not (with its bytes and their hash when they were read to tell). */
export type Lookup = { readonly fresh: true; readonly hash: string; readonly placements: readonly Placement[] } | { readonly fresh: false; readonly bytes?: Buffer; readonly hash?: string };

export class FileMemo {
  /** The records of the files the feed showed this time, to be kept. */
  private readonly shown = new Map<string, ShownLine>();
  /** The last memo's records shown, once its file lines have all been passed. */
  private lastShown: Map<string, ShownLine> | undefined;
  /** The next file line of the last memo, not yet looked up. */
  private pending: { line: string; entry: FileEntry } | undefined;
  /** The line after the last memo's file lines. */
  private after: string | undefined;

  private constructor(
    private readonly path: string,
    private readonly last: LineReader | undefined,
    private readonly next: LineWriter,
  ) {
    this.pending = this.nextEntry();
  }

  /** The memo kept at `path` for `key`, read as the build goes; a missing, corrupt or foreign one is empty. */
  static open(path: string, key: string): FileMemo {
    removeLeftovers(path);
    const last = LineReader.open(path);
    const header = parse(last?.next()) as Header | undefined;
    const trusted = header?.format === FORMAT && header.code === CODE_ID && header.key === key;
    if (!trusted) last?.close();
    const next = new LineWriter(path);
    next.write(JSON.stringify({ format: FORMAT, code: CODE_ID, key } satisfies Header));
    return new FileMemo(path, trusted ? last : undefined, next);
  }

  /**
   * Whether the file at `path`, as messages name it `file`, is as the memo
   * kept it. Files are looked up in the order the last build read them,
   * and a file out of that order is not found (it is read). Its size and
   * times vouch for its bytes only when it had not changed for the file
   * system's timestamp granularity before it was looked at (git's rule for
   * its index); otherwise its bytes are hashed.
   */
  lookup(file: string, path: string, stats: FileStats, statedAt: number): Lookup {
    while (this.pending !== undefined && this.pending.entry.file < file) this.pending = this.nextEntry();
    if (this.pending?.entry.file !== file) return { fresh: false };
    const { line, entry } = this.pending;
    this.pending = this.nextEntry();
    if (entry.size !== stats.size) return { fresh: false };
    const sameTimes = entry.mtimeMs === stats.mtimeMs && entry.ctimeMs === stats.ctimeMs;
    if (sameTimes && entry.mtimeMs < entry.statedAt - GRANULARITY_MS) {
      this.next.write(line);
      return fresh(entry);
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return { fresh: false };
    }
    const hash = sha1(bytes);
    if (hash !== entry.hash) return { fresh: false, bytes, hash };
    // The same bytes: kept with the times seen now, which vouch for them once old enough.
    const { size, mtimeMs, ctimeMs } = stats;
    this.next.write(JSON.stringify({ ...entry, size, mtimeMs, ctimeMs, statedAt } satisfies FileEntry));
    return fresh(entry);
  }

  /** Keeps a file's placements for the next build; files are kept in the order they are read. */
  keep(file: string, stats: FileStats, statedAt: number, hash: string, placements: readonly Placement[]): void {
    const { size, mtimeMs, ctimeMs } = stats;
    this.next.write(JSON.stringify({ file, size, mtimeMs, ctimeMs, statedAt, hash, placements: placements.map(({ file: _, ...rest }) => rest) } satisfies FileEntry));
  }

  /**
   * The records of `file` that the last build's feed showed, and the hash of
   * the bytes they were read from; asked once every file has been looked up.
   */
  keptRecords(file: string): { records: ArticleRecord[]; hash: string } | undefined {
    if (this.lastShown === undefined) {
      while (this.pending !== undefined) this.pending = this.nextEntry();
      this.lastShown = new Map();
      for (let line = this.after; line !== undefined; line = this.last?.next()) {
        const shown = parse(line) as ShownLine | undefined;
        if (typeof shown?.shown !== 'string' || typeof shown.hash !== 'string' || !Array.isArray(shown.records)) break;
        this.lastShown.set(shown.shown, shown);
      }
      this.last?.close();
    }
    const kept = this.lastShown.get(file);
    const records = kept?.records.map(revive);
    return kept !== undefined && records!.every((r) => r !== undefined) ? { records: records as ArticleRecord[], hash: kept.hash } : undefined;
  }

  /**
   * Keeps the records of a file that the feed showed (those alone: an export
   * of thousands of records may show a few), read from the bytes of `hash`,
   * so that the next build need not read the file to show them.
   */
  keepShown(file: string, records: readonly ArticleRecord[], hash: string): void {
    this.shown.set(file, { shown: file, hash, records: records.map(keep) });
  }

  /** Puts the memo in place of the last; a failure only costs the next build time. */
  save(): void {
    for (const line of this.shown.values()) this.next.write(JSON.stringify(line));
    this.last?.close();
    this.next.finish(this.path);
  }

  /** Leaves the last memo as it was. */
  discard(): void {
    this.last?.close();
    this.next.finish(undefined);
  }

  /** The last memo's next file line, or none once they have all been passed (or one is not of the shape this version writes). */
  private nextEntry(): { line: string; entry: FileEntry } | undefined {
    const line = this.last?.next();
    const entry = parse(line);
    if (line !== undefined && isEntry(entry)) return { line, entry };
    this.after = line;
    return undefined;
  }
}

/** A file the memo vouches for: its placements named by it. */
function fresh(entry: FileEntry): Lookup {
  return { fresh: true, hash: entry.hash, placements: entry.placements.map((p) => ({ ...p, file: entry.file })) };
}

function parse(line: string | undefined): unknown {
  if (line === undefined) return undefined;
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined; // Cut short or edited: nothing after it is trusted.
  }
}

/**
 * Temporary memos that builds stopped before they could save (killed, or the
 * machine down), and a memo of the format before the lines (one JSON text,
 * named .json), which is never read again: a million records' take hundreds
 * of MB. A build of the same folders at this moment loses only its memo.
 */
function removeLeftovers(path: string): void {
  const name = basename(path);
  const old = name.replace(/\.jsonl$/, '.json');
  try {
    for (const entry of readdirSync(dirname(path))) {
      if ((entry.startsWith(`${name}.`) && entry.endsWith('.tmp')) || (entry === old && old !== name)) rmSync(join(dirname(path), entry), { force: true });
    }
  } catch {
    // No cache folder yet, or one that cannot be cleared: nothing to do.
  }
}

/** The longest line read (in characters): a longer one ends what is trusted, as a corrupt one does. */
const MAX_LINE = 1 << 28;

/** A file's lines one at a time, read in chunks: a memo of a million records is some hundreds of MB. */
class LineReader {
  private readonly chunk = Buffer.alloc(1 << 20);
  private readonly decoder = new StringDecoder('utf8');
  private lines: string[] = [];
  private at = 0;
  private rest = '';

  private constructor(private fd: number | undefined) {}

  static open(path: string): LineReader | undefined {
    try {
      return new LineReader(openSync(path, 'r'));
    } catch {
      return undefined; // Missing: every file is read.
    }
  }

  next(): string | undefined {
    while (this.at === this.lines.length) {
      if (this.fd === undefined) return undefined;
      let read: number;
      try {
        read = readSync(this.fd, this.chunk, 0, this.chunk.length, null);
      } catch {
        read = 0;
      }
      if (read === 0) {
        const last = this.rest + this.decoder.end();
        this.close();
        if (last === '') return undefined;
        this.lines = [last];
      } else {
        this.lines = (this.rest + this.decoder.write(this.chunk.subarray(0, read))).split('\n');
        this.rest = this.lines.pop()!;
        if (this.rest.length > MAX_LINE) this.close();
      }
      this.at = 0;
    }
    return this.lines[this.at++];
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.lines = [];
    this.at = 0;
    this.rest = '';
  }
}

/** Lines written to a temporary file of their own, in chunks, and renamed into place at the end (or removed). */
class LineWriter {
  private readonly temp: string;
  private fd: number | undefined;
  private buffered: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.fd = openSync(this.temp, 'w');
    } catch {
      this.fd = undefined; // Not kept: the next build reads every file.
    }
  }

  write(line: string): void {
    if (this.fd === undefined) return;
    this.buffered.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }

  /** Renames the file to `path`, or removes it when there is none. */
  finish(path: string | undefined): void {
    this.flush();
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
      this.fd = undefined;
      if (path !== undefined) renameSync(this.temp, path);
    } catch {
      // Without a memo, the next build reads every file.
    }
    this.drop();
  }

  private flush(): void {
    if (this.fd === undefined || this.buffered.length === 0) return;
    const bytes = Buffer.from(this.buffered.join('\n') + '\n');
    this.buffered = [];
    this.size = 0;
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
    } catch {
      this.drop(); // A disk full, say: no memo this time.
    }
  }

  /** Closes and removes the temporary file, whatever fails. */
  private drop(): void {
    try {
      if (this.fd !== undefined) closeSync(this.fd);
    } catch {
      // Closed already.
    }
    this.fd = undefined;
    try {
      rmSync(this.temp, { force: true });
    } catch {
      // Left for the next build to remove.
    }
  }
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
    typeof e === 'object' && e !== null && isText(e.file) && isNumber(e.size) && isNumber(e.mtimeMs) && isNumber(e.ctimeMs) && isNumber(e.statedAt) && isText(e.hash) && Array.isArray(e.placements) &&
    e.placements.every((p) => typeof p === 'object' && p !== null && isText(p.slug) && isText(p.id) && isText(p.link) && isNumber(p.published) && isNumber(p.offset) && (p.line === undefined || isNumber(p.line)) && isPlacementExtra(p))
  );
}

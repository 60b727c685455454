import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DateTime } from 'luxon';
import type { Diagnostic } from '../diagnostic.js';
import type { Caption, Person, Source } from '../model/types.js';
import { RACY_MS, sha1, storeText } from '../stored.js';
import { CODE_ID } from '../version.js';
import { freezeRecord, reviveRecord, type Json } from './frozen.js';
import type { ArticleRecord, RecordAttachment } from './record.js';

/**
 * What the last build's model made of each record file: for every record,
 * its instant and the slug, id and link that must be its own (SPEC 2.4),
 * which is all that places it among the others. A rebuild takes these for
 * each file that did not change, instead of reading and checking its records
 * again: of a folder of 10,000 records after one changed, it reads one. A
 * record the feed then shows comes kept whole with its finished content (for
 * a feed of at most 1,000 items), or else from its file read again; either
 * way it is checked again and must be placed as it was, or the build starts
 * again from the files.
 *
 * The placements hold for one config and one set of build options (their
 * key): after a change to either, every file is read, as in a first build. A
 * file that gave any message is not kept, and is read every time. They are a
 * folder of SHARDS files, each record file's entry in the shard its name
 * hashes to, and a build rewrites only the shards in which anything changed.
 * The first line of a shard holds the hash of the rest: a shard cut short,
 * edited, or written by another version or for another key is ignored, never
 * trusted. A file is unchanged when its bytes hash the same; the hash is
 * taken again unless its size, mtime and ctime match and it is older than
 * its shard by a clear margin (git's rule for its index), and a file hashed
 * for being too new is saved again once a shard saved then can vouch for it.
 */

const FORMAT = 1;
const SHARDS = 32;

/**
 * A record's place: when it was published (epoch ms), its slug, id and link,
 * the line it starts on (0: none), and for a record the feed showed, the
 * record whole (see freezeRecord) with its content.
 */
type Row = readonly [millis: number, slug: string, id: string, link: string, line: number, whole?: Whole];

/** A record the feed showed, frozen, and its content as the feed showed it: links made absolute, sanitized if the config asks. */
type Whole = readonly [record: Json, content: string];

/** A file's size, mtime, ctime and hash, and the places of its records. */
type Entry = readonly [size: number, mtimeMs: number, ctimeMs: number, hash: string, rows: readonly Row[]];

interface Header {
  readonly format: number;
  readonly version: string;
  readonly key: string;
  readonly savedAt: number;
  /** The hash of the text after the first line. */
  readonly sum: string;
}

interface Shard {
  readonly savedAt: number;
  readonly files: Readonly<Record<string, Entry>>;
}

/** What a file's size and times are compared by. */
export interface FileStats {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

/** What places a record among the others. */
export interface Placement {
  readonly millis: number;
  readonly slug: string;
  readonly id: string;
  readonly link: string;
}

/** Parses a record file's bytes again, for the placed records the feed shows. */
export type Parse = (bytes: Buffer, path: string, file: string) => readonly ArticleRecord[];

/** A placed record read again did not come out as the placements said: the build starts again without them. */
export class StalePlacements extends Error {
  constructor(file: string) {
    super(`${file} is not as the last build placed it`);
  }
}

/** FNV-1a over the name's UTF-16 code units: the same shard for the same file on every machine. */
function shardOf(file: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARDS;
}

export class Placements {
  /** This build's files, by how messages name them: their entries as the next build will find them, and whether they were taken as they were. */
  private readonly next = new Map<string, { readonly stats: FileStats; readonly hash: string; readonly rows: Row[]; readonly taken?: Entry; readonly hashed?: boolean }>();
  /** The records this build showed, whole, by file and slug. */
  private readonly shown = new Map<string, Map<string, Whole>>();

  private constructor(
    private readonly dir: string,
    private readonly key: string,
    private readonly previous: readonly (Shard | undefined)[],
  ) {}

  /** Opens the placements kept in the folder `dir` for `key`; a missing, stale or corrupt shard places nothing. */
  static open(dir: string, key: string): Placements {
    return new Placements(dir, key, Array.from({ length: SHARDS }, (_, shard) => readShard(join(dir, String(shard)), key)));
  }

  /** Placements that place nothing, to be saved in `dir` for `key`. */
  static none(dir: string, key: string): Placements {
    return new Placements(dir, key, []);
  }

  /**
   * The records of the file at `path` if the last build placed them and its
   * bytes hash the same (known from its size and times alone when that is
   * safe, else read): each gives its place at once, and its fields when
   * asked, from the record kept whole if the last build showed it, else from
   * the file read and parsed (`parse`) again.
   */
  take(file: string, path: string, stats: FileStats, parse: Parse): ArticleRecord[] | undefined {
    const shard = this.previous[shardOf(file)];
    const entry = shard?.files[file];
    if (entry === undefined) return undefined;
    const known = entry[0] === stats.size && entry[1] === stats.mtimeMs && entry[2] === stats.ctimeMs && stats.mtimeMs < shard!.savedAt - RACY_MS;
    if (!known && hashOf(path) !== entry[3]) return undefined;
    this.next.set(file, { stats, hash: entry[3], rows: entry[4] as Row[], taken: entry, hashed: !known });
    const placed = new PlacedFile(file, path, entry[3], parse);
    return entry[4].map((row) => new PlacedRecord(placed, row) as unknown as ArticleRecord);
  }

  /** A file this build read: the places of its records follow (see place). */
  saw(file: string, stats: FileStats, hash: string): void {
    this.next.set(file, { stats, hash, rows: [] });
  }

  /** Where the model placed a record of a file this build read (a placed record's place is already known). */
  place(record: ArticleRecord, placement: Placement): void {
    if (record instanceof PlacedRecord) return;
    const { millis, slug, id, link } = placement;
    this.next.get(record.source.file)?.rows.push([millis, slug, id, link, record.source.line ?? 0]);
  }

  /** Keeps a record the feed shows whole (not a placed one: see readAgain), with its finished content, so that the next build need not read its file nor finish the content again. */
  keepShown(record: ArticleRecord, content: string): void {
    const { file } = record.source;
    let shown = this.shown.get(file);
    if (shown === undefined) this.shown.set(file, (shown = new Map()));
    shown.set(record.slug, [freezeRecord(record), content]);
  }

  /** Keeps every file of this build that no message names, for the next build: each shard in which anything changed is written. */
  async save(diagnostics: readonly Diagnostic[], now = Date.now()): Promise<void> {
    const named = new Set(diagnostics.map((d) => d.file));
    const shards = Array.from({ length: SHARDS }, () => ({ files: {} as Record<string, Entry>, changed: false }));
    for (const [file, { stats, hash, rows, taken, hashed }] of this.next) {
      if (named.has(file)) continue;
      const shard = shards[shardOf(file)]!;
      const shown = this.shown.get(file);
      // A file known by its hash alone (too new for its shard to vouch for its size and times) is saved again once a shard saved now can vouch for them: else every build would hash it again.
      const refresh = hashed === true && stats.mtimeMs < now - RACY_MS;
      // Shown or not, as last time: a file taken with the same stats is kept as it was.
      const same = taken !== undefined && !refresh && taken[0] === stats.size && taken[1] === stats.mtimeMs && taken[2] === stats.ctimeMs && rows.every((row) => (row[5] !== undefined) === (shown?.has(row[1]) ?? false));
      if (same) shard.files[file] = taken;
      else {
        shard.files[file] = [stats.size, stats.mtimeMs, stats.ctimeMs, hash, rows.map((row) => withWhole(row, shown?.get(row[1])))];
        shard.changed = true;
      }
    }
    await Promise.all(
      shards.map(async ({ files, changed }, index) => {
        const previous = this.previous[index];
        // A file gone, or now with a message, leaves its shard too.
        const dropped = previous !== undefined && Object.keys(previous.files).some((file) => !(file in files));
        if (!changed && !dropped && previous !== undefined) return;
        const body = JSON.stringify(files);
        const header: Header = { format: FORMAT, version: CODE_ID, key: this.key, savedAt: now, sum: sha1(body) };
        await storeText(join(this.dir, String(index)), `${JSON.stringify(header)}\n${body}`);
      }),
    );
  }
}

function readShard(path: string, key: string): Shard | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const end = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, end)) as Header;
    const body = text.slice(end + 1);
    const fits = header.format === FORMAT && header.version === CODE_ID && header.key === key && typeof header.savedAt === 'number' && header.sum === sha1(body);
    return fits ? { savedAt: header.savedAt, files: JSON.parse(body) as Record<string, Entry> } : undefined;
  } catch {
    return undefined; // Missing or corrupt: its files are read.
  }
}

/** A row with the record kept whole, or with none. */
function withWhole(row: Row, whole: Whole | undefined): Row {
  if (whole === undefined) return row[5] === undefined ? row : [row[0], row[1], row[2], row[3], row[4]];
  return [row[0], row[1], row[2], row[3], row[4], whole];
}

/** The hash of a file's bytes; undefined when it cannot be read (the caller reads it and says so). */
function hashOf(path: string): string | undefined {
  try {
    return sha1(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** A file the last build placed: read again, and checked to be the same, only if a record of it is asked for its fields. */
class PlacedFile {
  #records: readonly ArticleRecord[] | undefined;

  constructor(
    readonly file: string,
    private readonly path: string,
    private readonly hash: string,
    private readonly parse: Parse,
  ) {}

  records(): readonly ArticleRecord[] {
    if (this.#records === undefined) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(this.path);
      } catch {
        throw new StalePlacements(this.file);
      }
      if (sha1(bytes) !== this.hash) throw new StalePlacements(this.file);
      this.#records = this.parse(bytes, this.path, this.file);
    }
    return this.#records;
  }
}

/**
 * A record placed by the last build: its place known at once, its fields
 * when asked, from the record kept whole or from its file read again. It is
 * never a draft: a draft has no place.
 */
export class PlacedRecord {
  readonly draft = false;
  readonly #file: PlacedFile;
  readonly #row: Row;
  #record: ArticleRecord | undefined;

  constructor(file: PlacedFile, row: Row) {
    this.#file = file;
    this.#row = row;
  }

  /** Made when asked: messages about other records name it, and the feed shows few. */
  get source(): Source {
    const { file } = this.#file;
    return this.#row[4] === 0 ? { file } : { file, line: this.#row[4] };
  }

  get placement(): Placement {
    const [millis, slug, id, link] = this.#row;
    return { millis, slug, id, link };
  }

  /** The record kept whole, or as its file gives it now: the one with this slug, which no other record of the feed has. */
  get record(): ArticleRecord {
    const whole = this.#row[5];
    const { file } = this.#file;
    return (this.#record ??= whole ? revived(whole, file) : (this.#file.records().find((r) => r.slug === this.#row[1]) ?? throwStale(file)));
  }

  get slug(): string {
    return this.#row[1];
  }
  get lines(): ArticleRecord['lines'] {
    return this.record.lines;
  }
  get title(): string | undefined {
    return this.record.title;
  }
  get published(): DateTime | undefined {
    return this.record.published;
  }
  get updated(): DateTime | undefined {
    return this.record.updated;
  }
  get id(): string | undefined {
    return this.record.id;
  }
  get link(): string | undefined {
    return this.record.link;
  }
  get summary(): string | undefined {
    return this.record.summary;
  }
  get contentHtml(): string | undefined {
    return this.record.contentHtml;
  }
  get authors(): readonly Person[] | undefined {
    return this.record.authors;
  }
  get tags(): readonly string[] | undefined {
    return this.record.tags;
  }
  get image(): string | undefined {
    return this.record.image;
  }
  get attachments(): readonly RecordAttachment[] | undefined {
    return this.record.attachments;
  }
  get language(): string | undefined {
    return this.record.language;
  }
  get rights(): string | undefined {
    return this.record.rights;
  }
  get captions(): readonly Caption[] | undefined {
    return this.record.captions;
  }

  instant(field: 'published' | 'updated'): number | undefined {
    return field === 'published' ? this.#row[0] : this.record.updated?.toMillis();
  }
}

/** Records revived whole, and their finished content. */
const finished = new WeakMap<ArticleRecord, string>();

function revived([record, content]: Whole, file: string): ArticleRecord {
  let whole;
  try {
    whole = reviveRecord(record, file, content);
  } catch {
    throw new StalePlacements(file);
  }
  finished.set(whole, content);
  return whole;
}

/** The content of a record kept whole, as the last build's feed showed it: finished. */
export const keptContent = (record: ArticleRecord): string | undefined => finished.get(record);

const throwStale = (file: string): never => {
  throw new StalePlacements(file);
};

/** A placed record as kept whole or read again, to be checked again; any other record as it is. */
export const readAgain = (record: ArticleRecord): ArticleRecord => (record instanceof PlacedRecord ? record.record : record);

/** When a record was published or updated (epoch ms): a placed record says when it was published without reading its file. */
export const instantOf = (record: ArticleRecord, field: 'published' | 'updated'): number | undefined =>
  record instanceof PlacedRecord ? record.instant(field) : record[field]?.toMillis();

/** Where the last build placed a record, when it did. */
export const placementOf = (record: ArticleRecord): Placement | undefined => (record instanceof PlacedRecord ? record.placement : undefined);

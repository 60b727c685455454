import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Info, type DateTime, type Zone } from 'luxon';
import { calendarDate, calendarDateAt } from '../dates/format.js';
import { instantIn } from '../dates/parse.js';
import type { Diagnostic } from '../diagnostic.js';
import { RACY_MS, sha1, shardIndex, storeJson } from '../stored.js';
import { CODE_ID } from '../version.js';
import { PlacedRecord } from './placements.js';
import type { ArticleRecord, ReadContext } from './record.js';

/**
 * Parsed records from the last build, so that a rebuild parses only what
 * changed. An entry is reused only when its file's bytes hash the same (the
 * hash is taken again unless size, mtime and ctime match and the file is
 * older than the cache by a clear margin, git's rule for its index). A cache
 * written by another version, for another timezone, or that does not parse
 * is ignored, never trusted.
 *
 * The cache is a folder of SHARDS files, each file's entry in the shard its
 * path hashes to: a rebuild after one article changed rewrites one small
 * file, not the whole cache (for 10,000 records that was 0.1 s of a 0.9 s
 * rebuild). A shard that is missing, stale or corrupt is ignored alone. A
 * shard is read when a file of it is first looked up: a rebuild that places
 * the unchanged files as the last build's model did (see placements.ts)
 * reads only the shards of the files that changed.
 */

const FORMAT = 6;
const SHARDS = 32;

const shardOf = (key: string) => shardIndex(key, SHARDS);

export type Json = Record<string, unknown>;

interface Entry {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly hash: string;
  /** Records without their content (see freezeRecord); diagnostics without the file name. */
  readonly records: readonly Json[];
  readonly diagnostics: readonly Json[];
}

interface CacheFile {
  readonly format: number;
  readonly version: string;
  readonly timezone: string | null;
  readonly savedAt: number;
  readonly entries: Readonly<Record<string, Entry>>;
}

export interface FileStats {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

export const hashBytes = (bytes: Uint8Array): string => sha1(bytes);

export class RecordCache {
  /** Per shard: the entries this build used, and whether they differ from the shard as read. */
  private readonly used: Record<string, Entry>[] = Array.from({ length: SHARDS }, () => ({}));
  private readonly changed: boolean[] = new Array<boolean>(SHARDS).fill(false);
  /** Each shard as the last build left it, once read (`data` undefined: missing, stale or corrupt). */
  private readonly previous: { readonly data: CacheFile | undefined }[] = [];
  /** Files this build has but did not look up: their entries stay as they are. */
  private readonly unread = new Set<string>();

  private constructor(
    private readonly dir: string,
    private readonly timezone: string | null,
  ) {}

  /** Opens the cache in the folder `dir`; a missing, stale or corrupt shard starts empty. */
  static open(dir: string, context: ReadContext): RecordCache {
    return new RecordCache(dir, context.timezone ?? null);
  }

  /** A shard as the last build left it, read on first use: synchronously, as the record files are. */
  private shard(shard: number): CacheFile | undefined {
    return (this.previous[shard] ??= { data: this.read(shard) }).data;
  }

  private read(shard: number): CacheFile | undefined {
    try {
      const data = JSON.parse(readFileSync(shardPath(this.dir, shard), 'utf8')) as CacheFile;
      const fits = data.format === FORMAT && data.version === CODE_ID && data.timezone === this.timezone && typeof data.savedAt === 'number' && isObject(data.entries);
      return fits ? data : undefined;
    } catch {
      return undefined; // Missing or corrupt: this shard starts afresh.
    }
  }

  /** The hash of a file known from its size and mtime alone, when that is safe. */
  knownHash(key: string, stats: FileStats): string | undefined {
    const shard = this.shard(shardOf(key));
    const entry = shard?.entries[key];
    if (!entry || entry.size !== stats.size || entry.mtimeMs !== stats.mtimeMs || entry.ctimeMs !== stats.ctimeMs) return undefined;
    return stats.mtimeMs < shard!.savedAt - RACY_MS ? entry.hash : undefined;
  }

  /**
   * What the file gave last time, if its bytes hash the same; `file` is how
   * messages name it now. The content is not kept: `reparse` reads the file
   * again for a record whose content is asked for.
   */
  lookup(key: string, hash: string, stats: FileStats, file: string, reparse: () => readonly ArticleRecord[]): { records: ArticleRecord[]; diagnostics: Diagnostic[] } | undefined {
    const entry = this.shard(shardOf(key))?.entries[key];
    if (!entry || entry.hash !== hash) return undefined;
    let parsed: readonly ArticleRecord[] | undefined;
    try {
      if (!Array.isArray(entry.records) || !Array.isArray(entry.diagnostics) || !entry.diagnostics.every((d) => isObject(d) && typeof d.message === 'string')) return undefined;
      const revived = { records: entry.records.map((r, i) => reviveRecord(r, file, () => (parsed ??= reparse())[i]?.contentHtml)), diagnostics: entry.diagnostics.map((d) => ({ ...d, file }) as unknown as Diagnostic) };
      const moved = entry.mtimeMs !== stats.mtimeMs || entry.ctimeMs !== stats.ctimeMs;
      this.keep(key, moved ? { ...entry, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs } : entry, moved);
      return revived;
    } catch {
      return undefined;
    }
  }

  store(key: string, hash: string, stats: FileStats, records: readonly ArticleRecord[], diagnostics: readonly Diagnostic[]): void {
    this.keep(key, { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, hash, records: records.map(freezeRecord), diagnostics: diagnostics.map(({ file: _file, ...rest }) => rest) }, true);
  }

  /** A file this build has but did not look up (see placements.ts): its entry is kept as it is. */
  keepUnread(key: string): void {
    this.unread.add(key);
  }

  /** Writes each shard read in which anything changed (temp file and rename, like the feeds); a shard not read is left as it is. */
  async save(now = Date.now()): Promise<void> {
    await Promise.all(
      this.used.map(async (entries, shard) => {
        if (this.previous[shard] === undefined) return;
        const previous = this.shard(shard);
        for (const [key, entry] of Object.entries(previous?.entries ?? {})) if (this.unread.has(key) && !(key in entries)) entries[key] = entry;
        const dropped = previous !== undefined && Object.keys(previous.entries).some((key) => !(key in entries));
        const fresh = previous === undefined && Object.keys(entries).length > 0;
        if (!this.changed[shard] && !dropped && !fresh) return;
        const data: CacheFile = { format: FORMAT, version: CODE_ID, timezone: this.timezone, savedAt: now, entries };
        await storeJson(shardPath(this.dir, shard), data);
      }),
    );
  }

  private keep(key: string, entry: Entry, changed: boolean): void {
    const shard = shardOf(key);
    this.used[shard]![key] = entry;
    if (changed) this.changed[shard] = true;
  }
}

const shardPath = (dir: string, shard: number) => join(dir, `${shard}.json`);

/** A record without its content, its dates as [epoch ms, zone name, offset in minutes], its line as `sourceLine`. */
export function freezeRecord(record: ArticleRecord): Json {
  // Picked field by field: spreading the record would render a lazy Markdown body.
  const frozen: Json = {};
  for (const key of Object.keys(record) as (keyof ArticleRecord)[]) {
    if (key !== 'contentHtml' && key !== 'source' && key !== 'published' && key !== 'updated') frozen[key] = record[key];
  }
  const { source, published, updated } = record;
  if (source.line !== undefined) frozen.sourceLine = source.line;
  if (published) frozen.published = frozenDate(published);
  if (updated) frozen.updated = frozenDate(updated);
  return frozen;
}

// Zones by name, made once: luxon parses a zone name each time it is given one.
const zones = new Map<string, Zone>();
const zoneNamed = (name: string): Zone => {
  let zone = zones.get(name);
  if (zone === undefined) zones.set(name, (zone = Info.normalizeZone(name)));
  return zone;
};

type FrozenDate = readonly [millis: number, zone: string, offset: number];

const frozenDate = (date: DateTime): FrozenDate => [date.toMillis(), date.zone.name, date.offset];

/** A frozen date that revives: an instant a DateTime can hold, in a zone luxon knows, with a whole-minute offset. */
function isFrozenDate(value: unknown): value is FrozenDate {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [millis, zone, offset] = value as unknown[];
  return typeof millis === 'number' && Math.abs(millis) <= 8.64e15 && typeof zone === 'string' && zoneNamed(zone).isValid && Number.isInteger(offset);
}

const isList = (value: unknown, item: (x: unknown) => boolean) => value === undefined || (Array.isArray(value) && value.every(item));
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown) => value === undefined || typeof value === 'string';

const TEXT_FIELDS = ['title', 'id', 'link', 'summary', 'image', 'language', 'rights'] as const;

/** A cached record of the shape this version writes; anything else is a miss, never trusted. */
function wellShaped(data: Json): boolean {
  return (
    typeof data.slug === 'string' &&
    isObject(data.lines) &&
    TEXT_FIELDS.every((key) => isText(data[key])) &&
    (data.draft === undefined || typeof data.draft === 'boolean') &&
    (data.published === undefined || isFrozenDate(data.published)) &&
    (data.updated === undefined || isFrozenDate(data.updated)) &&
    isList(data.tags, (t) => typeof t === 'string') &&
    isList(data.authors, (a) => isObject(a) && typeof a.name === 'string') &&
    isList(data.attachments, (a) => isObject(a) && typeof a.url === 'string') &&
    isList(data.captions, isObject)
  );
}

/** A frozen record of the shape this version writes, as a record of `file`; anything else throws. */
export function reviveRecord(data: Json, file: string, content: () => string | undefined): ArticleRecord {
  if (!isObject(data) || !wellShaped(data)) throw new Error('a cached record is not of the shape this version writes');
  return new CachedRecord(data, file, content) as unknown as ArticleRecord;
}

/**
 * A record revived from the cache: its fields as stored, its content read
 * again from its file only when asked for, and its dates made again only
 * when asked for: most records of a large folder are only placed among the
 * others, which their instants do (see instantOf). A class rather than an
 * object literal with getters and spreads, which V8 keeps as a dictionary:
 * normalize reads every field of every record, and reads from a dictionary
 * are several times slower.
 */
class CachedRecord {
  readonly #content: () => string | undefined;
  readonly #frozen: { readonly published?: FrozenDate; readonly updated?: FrozenDate };
  #published: DateTime | undefined;
  #updated: DateTime | undefined;

  constructor(data: Json, file: string, content: () => string | undefined) {
    const fields = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(data)) {
      if (key !== 'sourceLine' && key !== 'published' && key !== 'updated') fields[key] = data[key];
    }
    fields.source = typeof data.sourceLine === 'number' ? { file, line: data.sourceLine } : { file };
    this.#frozen = data as { published?: FrozenDate; updated?: FrozenDate };
    this.#content = content;
  }

  get contentHtml(): string | undefined {
    return this.#content();
  }

  get published(): DateTime | undefined {
    return (this.#published ??= thawed(this.#frozen.published));
  }

  get updated(): DateTime | undefined {
    return (this.#updated ??= thawed(this.#frozen.updated));
  }

  instant(field: 'published' | 'updated'): number | undefined {
    return this.#frozen[field]?.[0];
  }

  publicationDay(): string | undefined {
    const date = this.#frozen.published;
    return date && calendarDateAt(date[0], date[2]);
  }
}

const thawed = (date: FrozenDate | undefined): DateTime | undefined => date && instantIn(date[0], zoneNamed(date[1]));

/** When a record was published or updated (epoch ms): a cached or placed record says when it was published without making a date. */
export const instantOf = (record: ArticleRecord, field: 'published' | 'updated'): number | undefined =>
  record instanceof CachedRecord || record instanceof PlacedRecord ? record.instant(field) : record[field]?.toMillis();

/** The day a record was published, in the zone its author wrote (`2024-05-16`): a cached record says so without making a date. */
export const publicationDay = (record: ArticleRecord): string | undefined =>
  record instanceof CachedRecord ? record.publicationDay() : record.published && calendarDate(record.published);

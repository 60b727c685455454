import { sep } from 'node:path';
import type { FileMemo, FileStats } from '../cache/memo.js';
import { sha1 } from '../cache/store.js';
import type { Config } from '../config/config.js';
import type { RecordSource, ShownRecord } from '../core/feeds.js';
import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import { mediaUrls, placer, type Placed, type Placement } from '../model/place.js';
import { parseRecordFile, type ArticleRecord, type ReadContext } from '../records/index.js';
import { readBytes } from './files.js';
import { localMediaSizes } from './media-sizes.js';

/** A record file to read: where it is, how messages name it, and its size and times when they were looked at. */
export interface RecordFile {
  readonly path: string;
  readonly file: string;
  readonly stats?: FileStats;
}

/** A record file read and parsed in this build, its records not yet placed. */
interface Parsed {
  readonly file: RecordFile;
  readonly hash: string;
  readonly records: readonly ArticleRecord[];
  readonly found: Diagnostic[];
}

interface Read {
  readonly path: string;
  readonly hash?: string;
  placements: readonly Placement[];
  /** The records with their placements by slug and line, once the file has been read in this build (or its kept records revived). */
  shown?: Map<string, ShownRecord>;
  /** Whether `shown` holds every record of the file, read in this build. */
  fromFile?: boolean;
  /** Whether the memo vouched for the file's bytes: the records the last build's feed showed of it may be kept there. */
  readonly vouched?: boolean;
}

export interface FileSourceOptions {
  readonly context: ReadContext;
  /** The memo of the last build's per-file step; without one, every file is read. */
  readonly memo?: FileMemo;
  /** When the files' sizes and times were looked at (epoch ms). */
  readonly statedAt: number;
  /** The folder the site is published from, whose media files give enclosures their sizes (docs/config.md). */
  readonly publicDir?: string;
  /**
   * The feed shows a few records of many (see pipeline.ts): the memo keeps
   * the records it shows, so that a rebuild need not read their files; and a
   * file read here keeps only its placements, read again if the feed shows
   * one of its records, so that the build holds placements, not records.
   */
  readonly fewShown?: boolean;
}

/**
 * The record files as a record source for the core: each file read, parsed
 * and its records placed, or its placements taken from the memo when its
 * bytes are unchanged. A file the memo vouched for is read only if the feed
 * shows one of its records. A file that gives any message is not kept.
 * With `fewShown`, a file read here keeps only its placements, and is read
 * again if the feed shows one of its records.
 */
export async function fileSource(files: readonly RecordFile[], config: Config, options: FileSourceOptions, diagnostics: Diagnostic[]): Promise<RecordSource> {
  const { memo, statedAt, context } = options;
  // The memo, only while the records the feed shows are still to be kept in it.
  const keeping = options.fewShown ? memo : undefined;
  const parse = (path: string, file: string, bytes: Uint8Array, into: Diagnostic[]) => parseRecordFile(bytes, path.slice(path.lastIndexOf(sep) + 1), file, diagnosticsFor(file, into), context);

  const reads = new Map<string, Read>();
  // A file's records are placed as soon as it is read, unless local media sizes, which need every record's media first, are to be looked up.
  const mediaFirst = options.publicDir !== undefined;
  let place = placer(config, {});
  const placeAll = (records: readonly ArticleRecord[], found: Diagnostic[]): ShownRecord[] => {
    const shown: ShownRecord[] = [];
    for (const record of records) {
      const placed = place(record, found);
      if (placed) shown.push({ record, placed });
    }
    return shown;
  };
  // A record is found by its slug and the line it starts on: two records of one file may share a slug (a future one, not yet checked against the others).
  const keyOf = (p: Placement) => `${p.slug}\n${p.line ?? ''}`;
  const bySlug = (shown: readonly ShownRecord[]) => new Map(shown.map((s) => [keyOf(s.placed), s]));
  const settle = ({ file, hash, records, found }: Parsed) => {
    const shown = placeAll(records, found);
    const placements = shown.map((s) => s.placed);
    // Read again if the feed shows one of its records: shown() finds it has no records and its bytes' hash.
    if (options.fewShown) reads.set(file.file, { path: file.path, hash, placements });
    else reads.set(file.file, { path: file.path, hash, placements, shown: bySlug(shown), fromFile: true });
    if (found.length === 0 && memo && file.stats && hash !== '') memo.keep(file.file, file.stats, statedAt, hash, placements.map(placementOnly));
    diagnostics.push(...found);
  };

  const parsed: Parsed[] = [];
  for (const file of files) {
    const looked = memo && file.stats ? memo.lookup(file.file, file.path, file.stats, statedAt) : undefined;
    if (looked?.fresh) {
      reads.set(file.file, { path: file.path, hash: looked.hash, placements: looked.placements, vouched: true });
      continue;
    }
    const found: Diagnostic[] = [];
    const bytes = looked?.bytes ?? readBytes(file.path, diagnosticsFor(file.file, found));
    const records = bytes === undefined ? [] : parse(file.path, file.file, bytes, found);
    // Hashed for the memo, and for a file to be read again: without either, nothing asks.
    const hash = bytes === undefined || (memo === undefined && !options.fewShown) ? '' : sha1(bytes);
    if (mediaFirst) parsed.push({ file, hash, records, found });
    else settle({ file, hash, records, found });
  }
  if (mediaFirst) {
    // Local media sizes are inputs the memo does not track: with them, the build has no memo (see build.ts).
    const mediaSizes = await localMediaSizes(parsed.flatMap((p) => p.records).flatMap(mediaUrls(config)), config.siteUrl, options.publicDir!);
    place = placer(config, { mediaSizes });
    for (const one of parsed) settle(one);
  }

  return {
    placements: () => [...reads.values()].flatMap((r) => r.placements),
    shown(placements) {
      let changed = false;
      const result: ShownRecord[] = [];
      for (const placement of placements) {
        const read = reads.get(placement.file)!;
        const find = () => read.shown?.get(keyOf(placement));
        // Kept by the memo, which vouched for the file's bytes: the records the last feed showed.
        const kept = read.shown === undefined && read.vouched ? keeping?.keptRecords(placement.file) : undefined;
        if (kept !== undefined) read.shown = bySlug(placeAll(kept, []));
        if (find() === undefined && read.fromFile !== true) {
          // Placed from the memo, and not kept: read now, and taken as placed only if its bytes are still those it was placed from.
          const found: Diagnostic[] = [];
          const bytes = readBytes(read.path, diagnosticsFor(placement.file, found));
          const shown = bytes === undefined ? [] : placeAll(parse(read.path, placement.file, bytes, found), found);
          read.shown = bySlug(shown);
          read.fromFile = true;
          if (bytes === undefined || sha1(bytes) !== read.hash) {
            read.placements = shown.map((s) => s.placed);
            diagnostics.push(...found);
            changed = true;
          }
        }
        const record = find();
        if (record === undefined) changed = true;
        else result.push(record);
      }
      if (changed) return undefined;
      if (keeping) {
        const byFile = new Map<string, ArticleRecord[]>();
        for (const { record, placed } of result) {
          if (!byFile.has(placed.file)) byFile.set(placed.file, []);
          byFile.get(placed.file)!.push(record);
        }
        for (const [file, records] of byFile) keeping.keepShown(file, records);
      }
      // The records not shown are let go: the model keeps what the feed needs.
      reads.clear();
      return result;
    },
  };
}

/** What the memo keeps of a placed record: its placement, without its media (settled again when it is shown). */
const placementOnly = ({ file, line, slug, id, link, published, offset, unknownFields, expires, facets }: Placed): Placement => ({
  file,
  ...(line === undefined ? {} : { line }),
  slug,
  id,
  link,
  published,
  offset,
  ...(unknownFields === undefined ? {} : { unknownFields }),
  ...(expires === undefined ? {} : { expires }),
  ...(facets === undefined ? {} : { facets }),
});

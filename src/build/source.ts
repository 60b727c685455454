import { sep } from 'node:path';
import type { FileMemo, FileStats } from '../cache/memo.js';
import { sha1 } from '../cache/store.js';
import type { Config } from '../config/config.js';
import type { RecordSource, ShownRecord } from '../core/feeds.js';
import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import { mediaUrls, placer, type Placement } from '../model/place.js';
import { parseRecordFile, type ArticleRecord, type ReadContext } from '../records/index.js';
import { readBytes } from './files.js';
import { localMediaSizes } from './media-sizes.js';
import { RecordSpill } from './spill.js';

/** A record file to read: where it is, how messages name it, and its size and times when they were looked at. */
export interface RecordFile {
  readonly path: string;
  readonly file: string;
  readonly stats?: FileStats;
}

/** The record files, in the order they are read, each made when it is asked for (an array is one). */
export interface RecordFileList {
  readonly length: number;
  at(index: number): RecordFile | undefined;
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
   * The feed shows a few records of many (see pipeline.ts): no record is
   * kept while the files are read, and the files of the records the feed
   * shows are read again (or their records taken from the memo, which keeps
   * them), so that the build holds what it shows, not what exists.
   */
  readonly fewShown?: boolean;
}

/** The record files as a source, and the end of it: its temporary file removed. */
export interface FileRecordSource extends RecordSource {
  close(): void;
}

/**
 * The record files, in the order given (sorted by how messages name them),
 * as a record source for the core: each file read, parsed and its records
 * placed as the core asks for them, or its placements taken from the memo
 * when its bytes are unchanged. A file that gives any message is not kept
 * in the memo. The records the feeds show are those of this reading,
 * written aside to a temporary file (a RecordSpill) as they are read and
 * read back as each feed is made; unless the feed shows few: then no record
 * is kept, and their files are read again (or their records taken from the
 * memo). The files of records placed from the memo are read again too. A
 * record read again is taken only from the bytes it was placed from (else a
 * file changed during the build, and the core chooses again from a new
 * reading).
 */
export async function fileSource(files: RecordFileList, config: Config, options: FileSourceOptions, diagnostics: Diagnostic[]): Promise<FileRecordSource> {
  const { memo, statedAt, context } = options;
  // The memo, only while the records the feed shows are still to be kept in it.
  const keeping = options.fewShown ? memo : undefined;
  const parse = ({ path, file }: RecordFile, bytes: Uint8Array, into: Diagnostic[]) => parseRecordFile(bytes, path.slice(path.lastIndexOf(sep) + 1), file, diagnosticsFor(file, into), context);
  // Local media sizes need every record's media before any is placed: a first reading of every file gives them (with them, there is no memo).
  const everyMediaUrl = function* (): Generator<string> {
    const urlsOf = mediaUrls(config);
    for (let i = 0; i < files.length; i++) {
      const file = files.at(i)!;
      const bytes = readBytes(file.path, diagnosticsFor(file.file, []));
      for (const record of bytes === undefined ? [] : parse(file, bytes, [])) yield* urlsOf(record);
    }
  };
  const place = placer(config, options.publicDir === undefined ? {} : { mediaSizes: await localMediaSizes(everyMediaUrl(), config.siteUrl, options.publicDir) });
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

  // The hash of the bytes each placement was made from (kept while the model holds the placement): a record is shown only from those bytes.
  const hashOf = new WeakMap<Placement, string>();
  // The records of this reading, unless the feed shows few; and where each placement's record is in it.
  let spill: RecordSpill | undefined;
  const spotOf = new WeakMap<Placement, number>();
  // The files' messages go to `diagnostics` after those already there; a new reading's replace the last's: they are the files' as they are now.
  const before = diagnostics.length;
  let readings = 0;

  function* placements(): Generator<Placement> {
    // The memo is read alongside the first reading only.
    const withMemo = readings++ === 0 ? memo : undefined;
    diagnostics.length = before;
    spill?.close();
    spill = options.fewShown ? undefined : RecordSpill.open();
    for (let i = 0; i < files.length; i++) {
      const file = files.at(i)!;
      const looked = withMemo && file.stats ? withMemo.lookup(file.file, file.path, file.stats, statedAt) : undefined;
      if (looked?.fresh) {
        for (const placement of looked.placements) {
          hashOf.set(placement, looked.hash);
          yield placement;
        }
        continue;
      }
      const found: Diagnostic[] = [];
      const bytes = looked?.bytes ?? readBytes(file.path, diagnosticsFor(file.file, found));
      const shown = bytes === undefined ? [] : placeAll(parse(file, bytes, found), found);
      // Hashed for the memo, to show a record from the same bytes (a feed of few reads its files again), and for the feeds' fingerprints.
      const hash = bytes !== undefined && (memo !== undefined || options.fewShown) ? (looked?.hash ?? sha1(bytes)) : undefined;
      if (found.length === 0 && withMemo && file.stats && hash !== undefined) withMemo.keep(file.file, file.stats, statedAt, hash, shown.map((s) => placementOnly(s.placed)));
      diagnostics.push(...found);
      for (const { record, placed } of shown) {
        if (hash !== undefined) hashOf.set(placed, hash);
        if (spill) spotOf.set(placed, spill.put(record));
        yield placed;
      }
    }
  }

  /** A file's records by slug and line, taken from the memo or read, when they come from the bytes of `hash`; none when the file's bytes are other. */
  interface Taken {
    readonly records?: Map<string, ShownRecord>;
    readonly fromMemo: boolean;
  }
  /** The records the memo kept of `file`, when they were read from the bytes of `hash`. */
  const keptOf = (file: string, hash: string | undefined): Taken | undefined => {
    const kept = keeping?.keptRecords(file);
    return kept !== undefined && kept.hash === hash ? { records: bySlug(placeAll(kept.records, [])), fromMemo: true } : undefined;
  };
  /** The records of `file`, read now, if its bytes are still those of `hash`; its messages were given when it was read for its placements. */
  const readOf = (file: string, hash: string | undefined): Taken => {
    const one = files.at(indexOf(files, file))!;
    const bytes = readBytes(one.path, diagnosticsFor(file, []));
    if (bytes === undefined || sha1(bytes) !== hash) return { fromMemo: false };
    return { records: bySlug(placeAll(parse(one, bytes, []), [])), fromMemo: false };
  };

  return {
    placements,
    versionOf: (placement) => hashOf.get(placement),
    shown: (placements) => (spill ? spilled(spill, placements) : few(placements)),
    close: () => spill?.close(),
  };

  /** The records of few placements, in memory: their files read again, or their records taken from the memo, which keeps them. */
  function few(placements: readonly Placement[]): ((placement: Placement) => ShownRecord) | undefined {
    const taken = new Map<string, Taken>();
    const shown = new Map<Placement, ShownRecord>();
    for (const placement of placements) {
      const { file } = placement;
      const key = keyOf(placement);
      const hash = hashOf.get(placement);
      let got = taken.get(file);
      // Read when the memo did not keep the records, or not this one.
      if (got === undefined || (got.fromMemo && !got.records?.has(key))) taken.set(file, (got = (got === undefined ? keptOf(file, hash) : undefined) ?? readOf(file, hash)));
      // Not the bytes it was placed from: the file changed during the build, and the items are chosen again from a new reading, which gives its messages.
      const record = got.records?.get(key);
      if (record === undefined) return undefined;
      shown.set(placement, record);
    }
    if (keeping) {
      // Each file's records, with the hash of the bytes they were read from: their placements'.
      const byFile = new Map<string, { hash: string; records: ArticleRecord[] }>();
      for (const [placement, { record }] of shown) {
        if (!byFile.has(placement.file)) byFile.set(placement.file, { hash: hashOf.get(placement)!, records: [] });
        byFile.get(placement.file)!.records.push(record);
      }
      for (const [file, { hash, records }] of byFile) keeping.keepShown(file, records, hash);
    }
    return (placement) => shown.get(placement)!;
  }

  /** The records of many placements, read back from the spill one at a time; those placed from the memo written to it first, their files read again once each. */
  function spilled(into: RecordSpill, placements: readonly Placement[]): ((placement: Placement) => ShownRecord) | undefined {
    const unread = new Map<string, Placement[]>();
    for (const placement of placements) {
      if (spotOf.has(placement)) continue;
      if (!unread.has(placement.file)) unread.set(placement.file, []);
      unread.get(placement.file)!.push(placement);
    }
    for (const [file, wanted] of unread) {
      const { records } = readOf(file, hashOf.get(wanted[0]!));
      for (const placement of wanted) {
        const record = records?.get(keyOf(placement));
        // Not the bytes it was placed from: chosen again, as in few().
        if (record === undefined) return undefined;
        spotOf.set(placement, into.put(record.record));
      }
    }
    return (placement) => {
      const record = into.get(spotOf.get(placement)!);
      return { record, placed: place(record, [])! };
    };
  }
}

/** The index of the file messages name `file`, in files sorted by that name. */
function indexOf(files: RecordFileList, file: string): number {
  let low = 0;
  let high = files.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const name = files.at(middle)!.file;
    if (name === file) return middle;
    if (name < file) low = middle + 1;
    else high = middle - 1;
  }
  throw new Error(`${file} is not among the record files`);
}

/** What the memo keeps of a placed record: its placement, without its media (settled again when it is shown). */
const placementOnly = ({ file, line, slug, id, link, published, offset, unknownFields, expires, facets }: Placement): Placement => ({
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

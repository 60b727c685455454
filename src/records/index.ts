import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { diagnosticsFor, type Diagnostic, type Reporter } from '../diagnostic.js';
import { sha1 } from '../stored.js';
import type { FileStats, Parse, Placements } from './placements.js';
import type { ArticleRecord, ReadContext } from './record.js';
import { decodeText } from './text.js';
import { readJson } from './json.js';
import { readMarkdown } from './md.js';
import { readTxt } from './txt.js';

export type { ArticleRecord, Field, ReadContext } from './record.js';
export { instantOf, keptContent, placementOf, Placements, readAgain, StalePlacements, type Placement } from './placements.js';

type Reader = (text: string, slug: string, source: { file: string }, report: Reporter, context: ReadContext) => ArticleRecord | readonly ArticleRecord[] | undefined;

/** One reader per known extension; files with any other extension are not records. */
const READERS: Readonly<Record<string, Reader>> = {
  '.txt': readTxt,
  '.md': readMarkdown,
  '.json': readJson,
};

export interface ReadOptions {
  /** How the folder is named in messages (default: `dir`). */
  readonly display?: string;
  /** Where the last build's model placed the records of each file: a file unchanged since is not read. */
  readonly placements?: Placements;
  /** The record files, when the caller has listed them already (see listRecordFiles). */
  readonly files?: readonly string[];
  /** Their sizes and times, when the caller has them already: with placements, what tells an unchanged file. */
  readonly stats?: ReadonlyMap<string, FileStats>;
}

export interface ReadResult {
  readonly records: readonly ArticleRecord[];
  readonly diagnostics: readonly Diagnostic[];
  /** How many files were read as records. */
  readonly files: number;
}

/**
 * Reads every record under `dir` (SPEC section 2): recursively, in path
 * order, skipping hidden and `_`-prefixed names and unknown extensions.
 * With placements, a file whose bytes did not change since the last build
 * is not read again unless the feed shows one of its records.
 */
export async function readRecords(dir: string, context: ReadContext, options: ReadOptions = {}): Promise<ReadResult> {
  const { display = dir, placements } = options;
  const diagnostics: Diagnostic[] = [];
  let files: readonly string[];
  try {
    files = options.files ?? (await listRecordFiles(dir));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    diagnosticsFor(display, diagnostics).error(
      'input/articles-folder',
      code === 'ENOENT' ? 'does not exist; create it or pass --articles DIR' : code === 'ENOTDIR' ? 'is not a folder; pass --articles DIR' : `cannot be read (${code})`,
    );
    return { records: [], diagnostics, files: 0 };
  }
  for (const { path, severity, ruleId, message } of (files as RecordFiles).unlisted ?? []) {
    diagnosticsFor(join(display, relative(dir, path)), diagnostics)[severity](ruleId, message);
  }
  // Files are read synchronously: for thousands of small files that is several
  // times faster than as many promises, and nothing else runs meanwhile.
  const records: ArticleRecord[] = [];
  // A placed record's file, read again to be shown: its messages were given when it was placed.
  const parseAgain: Parse = (bytes, path, file) => parseOne(bytes, path, file, diagnosticsFor(file, []), context);
  // Names as path.relative and path.join would make them, cut and joined directly: for thousands of files, the calls add up.
  const under = join(dir, '_').slice(0, -1);
  const named = join(display, '_').slice(0, -1);
  for (const path of files) {
    const file = named + (path.startsWith(under) ? path.slice(under.length) : relative(dir, path));
    // The records of an unchanged file, placed as the last build's model placed them.
    const stats = placements && (options.stats?.get(path) ?? statSync(path, { throwIfNoEntry: false }));
    const placed = stats && placements!.take(file, path, stats, parseAgain);
    if (placed) {
      for (const record of placed) records.push(record);
      continue;
    }
    const report = diagnosticsFor(file, diagnostics);
    const bytes = readBytes(path, report);
    if (bytes === undefined) continue;
    records.push(...parseOne(bytes, path, file, report, context));
    if (stats) placements!.saw(file, stats, sha1(bytes));
  }
  return { records, diagnostics, files: files.length };
}

function readBytes(path: string, report: Reporter): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    report.error('input/unreadable', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check its permissions`);
    return undefined;
  }
}

/**
 * The largest record file read: feed readers refuse feeds of a few
 * megabytes and more, and one article never needs that much text.
 */
export const MAX_RECORD_BYTES = 10 * 1024 * 1024;

function parseOne(bytes: Buffer, path: string, file: string, report: Reporter, context: ReadContext): ArticleRecord[] {
  if (bytes.length > MAX_RECORD_BYTES) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    report.error('input/too-large', `is ${mib(bytes.length)}; a record file may be at most ${mib(MAX_RECORD_BYTES)}, as feed readers refuse feeds much larger than that; split it, or link to long content instead of including it`);
    return [];
  }
  const extension = extname(path);
  // JSON: removing a character from the text could join two escapes into one ("\ud83d", U+FFFF, "\udc00"):
  // the JSON reader removes them from each value it reads instead.
  const text = decodeText(bytes, report, { removeForbidden: extension !== '.json' });
  if (text === undefined) return [];
  const slug = path.slice(path.lastIndexOf(sep) + 1, path.length - extension.length);
  const read = READERS[extension]!(text, slug, { file }, report, context);
  return read === undefined ? [] : Array.isArray(read) ? read : [read as ArticleRecord];
}

/** An entry of the articles folder that looks like a record but cannot be read as one, and what to say about it. */
export interface Unlisted {
  readonly path: string;
  readonly severity: 'error' | 'warning';
  readonly ruleId: string;
  readonly message: string;
}

/** Record files, sorted by path; `unlisted` holds the entries left out that the user must hear about. */
export type RecordFiles = string[] & { readonly unlisted?: readonly Unlisted[] };

const LINK_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'leads to nothing (its target does not exist)',
  ELOOP: 'leads in a loop back to itself',
  EACCES: 'leads to a file that cannot be read (EACCES); check its permissions',
};

/** What a link leads to, or why it cannot be followed (an error code). */
function statOrCode(path: string): Stats | string {
  try {
    return statSync(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EIO';
  }
}

/**
 * Record files under `dir`, sorted by path so that every build reads them
 * in one order. Linked folders are not followed (a link back up the tree
 * would never end); a link that cannot be followed and a record name that
 * is not a regular file (a FIFO, a socket, a device) are not read either,
 * and each is reported, so that an article never goes missing silently.
 */
export async function listRecordFiles(dir: string): Promise<RecordFiles> {
  const found: string[] = [];
  const unlisted: Unlisted[] = [];
  // Listed synchronously, as the files are read. `under` ends in a separator, and a name holds none: joined by hand, as
  // path.join would join them, for thousands of names.
  const walk = (folder: string, under: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const path = under + entry.name;
      const isRecord = READERS[extname(entry.name)] !== undefined;
      if (entry.isDirectory()) walk(path, path + sep);
      else if (entry.isSymbolicLink()) {
        const target = statOrCode(path);
        if (typeof target === 'string') {
          if (isRecord) unlisted.push({ path, severity: 'error', ruleId: 'input/broken-link', message: `is a symbolic link that ${LINK_PROBLEMS[target] ?? `cannot be followed (${target})`}; fix the link or remove it` });
        } else if (target.isDirectory()) {
          unlisted.push({ path, severity: 'warning', ruleId: 'input/linked-folder', message: 'is a link to a folder, and linked folders are not followed, so nothing in it is published; move the folder here instead of linking it' });
        } else if (isRecord && target.isFile()) found.push(path);
        else if (isRecord) unlisted.push({ path, severity: 'error', ruleId: 'input/not-a-file', message: 'is a link to something that is not a file (a FIFO, a socket or a device); replace it with the article file' });
      } else if (isRecord && entry.isFile()) found.push(path);
      else if (isRecord) unlisted.push({ path, severity: 'error', ruleId: 'input/not-a-file', message: 'is not a regular file (a FIFO, a socket or a device); replace it with the article file' });
    }
  };
  walk(dir, join(dir, '_').slice(0, -1));
  const byPath = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return Object.assign(found.sort(byPath((p: string) => p)), { unlisted: unlisted.sort(byPath((u: Unlisted) => u.path)) });
}

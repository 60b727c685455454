import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { diagnosticsFor, type Diagnostic, type Reporter } from '../diagnostic.js';
import { hashBytes, type FileStats, type RecordCache } from './cache.js';
import type { ArticleRecord, ReadContext } from './record.js';
import { decodeText } from './text.js';
import { readJson } from './json.js';
import { readMarkdown } from './md.js';
import { readTxt } from './txt.js';

export type { ArticleRecord, Field, ReadContext } from './record.js';
export { RecordCache } from './cache.js';

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
  readonly cache?: RecordCache;
  /** The record files, when the caller has listed them already (see listRecordFiles). */
  readonly files?: readonly string[];
  /** Their sizes and mtimes, when the caller has them already. */
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
 * With a cache, a file whose bytes did not change since the last build is
 * not parsed again.
 */
export async function readRecords(dir: string, context: ReadContext, options: ReadOptions = {}): Promise<ReadResult> {
  const { display = dir, cache } = options;
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
  const results = await mapLimited(files, READ_AHEAD, async (path) => {
    const key = relative(dir, path);
    const file = join(display, key);
    const fileDiagnostics: Diagnostic[] = [];
    const report = diagnosticsFor(file, fileDiagnostics);
    if (!cache) return { records: await readOne(path, file, report, context), fileDiagnostics };
    // With a cache: reuse what this file gave last time when its bytes are the same.
    const stats = options.stats?.get(path) ?? (await stat(path).catch(() => undefined));
    const known = stats && cache.knownHash(key, stats);
    const reparse = () => parseOne(readFileSync(path), path, file, diagnosticsFor(file, []), context);
    const hit = known === undefined ? undefined : cache.lookup(key, known, stats!, file, reparse);
    if (hit) return { records: hit.records, fileDiagnostics: hit.diagnostics };
    const bytes = await readBytes(path, report);
    if (bytes === undefined || stats === undefined) return { records: [], fileDiagnostics };
    const hash = hashBytes(bytes);
    const again = cache.lookup(key, hash, stats, file, () => parseOne(bytes, path, file, diagnosticsFor(file, []), context));
    if (again) return { records: again.records, fileDiagnostics: again.diagnostics };
    const records = parseOne(bytes, path, file, report, context);
    cache.store(key, hash, stats, records, fileDiagnostics);
    return { records, fileDiagnostics };
  });
  const records: ArticleRecord[] = [];
  for (const result of results) {
    records.push(...result.records);
    diagnostics.push(...result.fileDiagnostics);
  }
  return { records, diagnostics, files: files.length };
}

/** Files read at once: enough to keep the disk busy, few enough never to run out of file handles. */
const READ_AHEAD = 64;

/** `Promise.all(items.map(fn))` with at most `limit` calls under way, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function readOne(path: string, file: string, report: Reporter, context: ReadContext): Promise<readonly ArticleRecord[]> {
  const bytes = await readBytes(path, report);
  return bytes === undefined ? [] : parseOne(bytes, path, file, report, context);
}

async function readBytes(path: string, report: Reporter): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    report.error('input/unreadable', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check its permissions`);
    return undefined;
  }
}

function parseOne(bytes: Buffer, path: string, file: string, report: Reporter, context: ReadContext): ArticleRecord[] {
  const text = decodeText(bytes, report);
  if (text === undefined) return [];
  const extension = extname(path);
  const slug = path.slice(path.lastIndexOf(sep) + 1, path.length - extension.length);
  const read = READERS[extension]!(text, slug, { file }, report, context);
  return read === undefined ? [] : Array.isArray(read) ? read : [read as ArticleRecord];
}

/** Record files under `dir`, sorted by path so that every build reads them in one order. */
export async function listRecordFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (READERS[extname(entry.name)] !== undefined && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path))))) found.push(path);
    }
  };
  await walk(dir);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

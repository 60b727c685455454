import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { diagnosticsFor, type Diagnostic, type Reporter } from '../diagnostic.js';
import type { ArticleRecord, ReadContext } from './record.js';
import { decodeText } from './text.js';
import { readJson } from './json.js';
import { readMarkdown } from './md.js';
import { readTxt } from './txt.js';

export type { ArticleRecord, Field, ReadContext } from './record.js';

type Reader = (text: string, slug: string, source: { file: string }, report: Reporter, context: ReadContext) => ArticleRecord | readonly ArticleRecord[] | undefined;

/** One reader per known extension; files with any other extension are not records. */
const READERS: Readonly<Record<string, Reader>> = {
  '.txt': readTxt,
  '.md': readMarkdown,
  '.json': readJson,
};

export interface ReadResult {
  readonly records: readonly ArticleRecord[];
  readonly diagnostics: readonly Diagnostic[];
  /** How many files were read as records. */
  readonly files: number;
}

/**
 * Reads every record under `dir` (SPEC section 2): recursively, in path
 * order, skipping hidden and `_`-prefixed names and unknown extensions.
 * `display` is how the folder is named in messages.
 */
export async function readRecords(dir: string, context: ReadContext, display = dir): Promise<ReadResult> {
  const diagnostics: Diagnostic[] = [];
  let files: string[];
  try {
    files = await listRecordFiles(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    diagnosticsFor(display, diagnostics).error(
      'input/articles-folder',
      code === 'ENOENT' ? 'does not exist; create it or pass --articles DIR' : code === 'ENOTDIR' ? 'is not a folder; pass --articles DIR' : `cannot be read (${code})`,
    );
    return { records: [], diagnostics, files: 0 };
  }
  const results = await mapLimited(files, READ_AHEAD, async (path) => {
    const file = join(display, relative(dir, path));
    const fileDiagnostics: Diagnostic[] = [];
    const report = diagnosticsFor(file, fileDiagnostics);
    const records = await readOne(path, file, report, context);
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
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    report.error('input/unreadable', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check its permissions`);
    return [];
  }
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

import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { diagnosticsFor, type Diagnostic, type Reporter } from '../vocabulary/diagnostic.js';
import { PackedStrings } from '../vocabulary/memory.js';
import { isRecordName, parseRecordFile, type ArticleRecord, type ReadContext } from '../records/index.js';

/** An entry of the articles folder that looks like a record but cannot be read as one, and what to say about it. */
export interface Unlisted {
  readonly path: string;
  readonly severity: 'error' | 'warning';
  readonly ruleId: string;
  readonly message: string;
}

/** Record files, sorted by path (packed outside the heap: see PackedStrings); `unlisted` holds the entries left out that the user must hear about. */
export interface RecordFiles {
  readonly paths: PackedStrings;
  readonly unlisted: readonly Unlisted[];
}

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
 * in one order. Folders in `skip` (the output folder, the cache) are never
 * read, wherever they are. Linked folders are not followed (a link back up
 * the tree would never end); a link that cannot be followed and a record
 * name that is not a regular file (a FIFO, a socket, a device) are not read
 * either, and each is reported, so that an article never goes missing
 * silently. Throws the file system's error when `dir` cannot be listed.
 */
export function listRecordFiles(dir: string, skip: readonly string[] = []): RecordFiles {
  const root = dir.endsWith(sep) ? dir.slice(0, -1) : dir;
  const found = new PackedStrings(root + sep);
  const unlisted: Unlisted[] = [];
  const skipped = new Set(skip);
  // Listed synchronously, as the files are read: for thousands of small files that is several times faster than as many promises.
  const walk = (folder: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true });
    // A name whose bytes are not UTF-8 is listed with U+FFFD in their place, a name no file has: see which it is.
    const notUtf8 = entries.some((entry) => entry.name.includes('\uFFFD')) ? namesNotUtf8(folder) : new Map<string, string>();
    for (const entry of inPathOrder(entries)) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const path = folder + sep + entry.name;
      const isRecord = isRecordName(entry.name);
      const bytes = notUtf8.get(entry.name);
      if (bytes !== undefined && (isRecord || entry.isDirectory())) {
        const what = entry.isDirectory() ? 'a folder whose name' : 'a name that';
        unlisted.push({ path, severity: 'error', ruleId: 'input/name-not-utf8', message: `has ${what} is not UTF-8 (its bytes: ${bytes}), so it cannot be read; rename it with a UTF-8 name, e.g. with "convmv -f latin1 -t utf-8 --notest"` });
        continue;
      }
      if (entry.isDirectory()) {
        if (!skipped.has(path)) walk(path);
      } else if (entry.isSymbolicLink()) {
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
  walk(root);
  return { paths: found, unlisted: unlisted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

/**
 * A folder's entries in the order of the paths under them: a folder's by its
 * name and a separator, which every path in it continues with ("a/x" comes
 * after "a-b", since "/" comes after "-"). The folders walked in this order,
 * the files come sorted by path, as they are found: none of them is held
 * as a string to sort them all.
 */
function inPathOrder(entries: readonly Dirent[]): Dirent[] {
  const keyed = entries.map((entry) => ({ entry, key: entry.isDirectory() ? entry.name + sep : entry.name }));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ entry }) => entry);
}

/** The names in `folder` whose bytes are not UTF-8, each by the name it is listed as, with its bytes in hex. */
function namesNotUtf8(folder: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const raw of readdirSync(folder, { encoding: 'buffer' })) {
    if (isUtf8(raw)) continue;
    names.set(raw.toString('utf8'), [...raw].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' '));
  }
  return names;
}

/** What the articles folder's problem is, when it cannot be listed. */
export function folderProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'does not exist; create it or pass --articles DIR' : code === 'ENOTDIR' ? 'is not a folder; pass --articles DIR' : `cannot be read (${code})`;
}

/** A record file's bytes, or undefined with the reason reported. */
export function readBytes(path: string, report: Reporter): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Gone between the listing and the reading: another program moved or removed it.
    if (code === 'ENOENT') report.error('input/unreadable', 'was listed but is gone (ENOENT): it was moved or removed while the build ran; build again');
    else report.error('input/unreadable', `cannot be read (${code ?? String(error)}); check its permissions`);
    return undefined;
  }
}

/** How messages name each file under `dir`, when they name the folder `display`: cut and joined directly, as path.join would, for thousands of files. */
export function namer(dir: string, display: string): (path: string) => string {
  const under = join(dir, '_').slice(0, -1);
  const named = join(display, '_').slice(0, -1);
  return (path) => (path.startsWith(under) ? named + path.slice(under.length) : join(display, relative(dir, path)));
}

/**
 * Every record under `dir` (docs/records.md), in path order, with every
 * problem found: the build's first step without the cache.
 */
export function readRecords(dir: string, context: ReadContext, display = dir): { records: ArticleRecord[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let files: RecordFiles;
  try {
    files = listRecordFiles(dir);
  } catch (error) {
    diagnosticsFor(display, diagnostics).error('input/articles-folder', folderProblem(error));
    return { records: [], diagnostics };
  }
  const nameOf = namer(dir, display);
  for (const { path, severity, ruleId, message } of files.unlisted) diagnosticsFor(nameOf(path), diagnostics)[severity](ruleId, message);
  const records: ArticleRecord[] = [];
  for (const path of files.paths) {
    const file = nameOf(path);
    const report = diagnosticsFor(file, diagnostics);
    const bytes = readBytes(path, report);
    if (bytes !== undefined) records.push(...parseRecordFile(bytes, path.slice(path.lastIndexOf(sep) + 1), file, report, context));
  }
  return { records, diagnostics };
}

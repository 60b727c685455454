import { constants } from 'node:buffer';
import { extname } from 'node:path';
import type { Reporter } from '../vocabulary/diagnostic.js';
import type { ArticleRecord, ReadContext } from '../vocabulary/record.js';
import { decodeText } from './text.js';
import { readJsonFile } from './json.js';
import { readMarkdown } from './md.js';
import { readTxt } from './txt.js';

export type { ArticleRecord, ReadContext } from '../vocabulary/record.js';

type Reader = (bytes: Uint8Array, slug: string, source: { file: string }, report: Reporter, context: ReadContext) => ArticleRecord | readonly ArticleRecord[] | undefined;
type TextReader = (text: string, slug: string, source: { file: string }, report: Reporter, context: ReadContext) => ArticleRecord | undefined;

/** A reader of the file's text, once decoded (see decodeText). */
const fromText =
  (read: TextReader): Reader =>
  (bytes, slug, source, report, context) => {
    const text = decodeText(bytes, report);
    return text === undefined ? undefined : read(text, slug, source, report, context);
  };

/**
 * One reader per known extension; files with any other extension are not
 * records. A .json file is read from its bytes: it may be an export of
 * 100,000 records, and removing a character from its text could join two
 * escapes into one ("\ud83d", U+FFFF, "\udc00"), so its reader cleans each value it reads.
 */
const READERS: Readonly<Record<string, Reader>> = {
  '.txt': fromText(readTxt),
  '.md': fromText(readMarkdown),
  // Jekyll's default extension for posts.
  '.markdown': fromText(readMarkdown),
  '.json': readJsonFile,
};

/** Eleventy's template and directory data files (`post.11tydata.json`): defaults for Eleventy, never records. */
const ELEVENTY_DATA = '.11tydata.json';

/** Whether a file of this name is a record file (docs/records.md): hidden, `_`-prefixed and Eleventy data files' names are not. */
export const isRecordName = (name: string): boolean => !name.startsWith('.') && !name.startsWith('_') && READERS[extname(name)] !== undefined && !name.endsWith(ELEVENTY_DATA);

/**
 * The largest .txt or .md file read: one article's text never needs that
 * much, and a file that large is most likely not an article (a log, a dump).
 * A .json file holds many records, as a CMS exports them, and has no cap of
 * its own: the config's `limit` bounds the feed, not the input.
 */
export const MAX_RECORD_BYTES = 10 * 1024 * 1024;

/** Record files named `index` (a page bundle, as Hugo's `posts/my-trip/index.md`) take their slug from their folder. */
const BUNDLE_INDEX = new Set(['index.md', 'index.markdown']);

/**
 * The records of one file, from its bytes: `name` is its file name (its
 * extension picks the reader, the rest is the default slug), `file` how
 * messages name it, a path whose last folder names a page bundle.
 */
export function parseRecordFile(bytes: Uint8Array, name: string, file: string, report: Reporter, context: ReadContext): ArticleRecord[] {
  const extension = extname(name);
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (extension !== '.json' && bytes.length > MAX_RECORD_BYTES) {
    report.error(
      'input/too-large',
      `is ${mib(bytes.length)}; a ${extension} record may be at most ${mib(MAX_RECORD_BYTES)}: one article's text never needs that much, so this is most likely not an article; ` +
        'move it out of the articles folder, or split it into articles',
    );
    return [];
  }
  // Past this, the text does not fit in one string (more than half a gigabyte).
  if (bytes.length > constants.MAX_STRING_LENGTH) {
    report.error('input/too-large', `is ${mib(bytes.length)}, more than one file can be read as text (${mib(constants.MAX_STRING_LENGTH)}); split it into several .json files`);
    return [];
  }
  const read = READERS[extension]!(bytes, slugOf(name, extension, file), { file }, report, context);
  return read === undefined ? [] : Array.isArray(read) ? read : [read as ArticleRecord];
}

/** The default slug of a file: its name without the extension, or its folder's name for a page bundle's `index.md`. */
function slugOf(name: string, extension: string, file: string): string {
  const stem = name.slice(0, name.length - extension.length);
  if (!BUNDLE_INDEX.has(name)) return stem;
  const folder = file.split(/[\\/]/).at(-2);
  // A name with no folder in it (the articles folder given as ".") keeps "index".
  return folder === undefined || folder === '' || folder === '.' || folder === '..' ? stem : folder;
}

import { extname } from 'node:path';
import type { Reporter } from '../vocabulary/diagnostic.js';
import type { ArticleRecord, ReadContext } from '../vocabulary/record.js';
import { decodeText } from './text.js';
import { readJson } from './json.js';
import { readMarkdown } from './md.js';
import { readTxt } from './txt.js';

export type { ArticleRecord, ReadContext } from '../vocabulary/record.js';

type Reader = (text: string, slug: string, source: { file: string }, report: Reporter, context: ReadContext) => ArticleRecord | readonly ArticleRecord[] | undefined;

/** One reader per known extension; files with any other extension are not records. */
const READERS: Readonly<Record<string, Reader>> = {
  '.txt': readTxt,
  '.md': readMarkdown,
  '.json': readJson,
};

/** Whether a file of this name is a record file (docs/records.md): hidden and `_`-prefixed names are not. */
export const isRecordName = (name: string): boolean => !name.startsWith('.') && !name.startsWith('_') && READERS[extname(name)] !== undefined;

/**
 * The largest record file read: feed readers refuse feeds of a few
 * megabytes and more, and one article never needs that much text.
 */
export const MAX_RECORD_BYTES = 10 * 1024 * 1024;

/**
 * The records of one file, from its bytes: `name` is its file name (its
 * extension picks the reader, the rest is the default slug), `file` how
 * messages name it.
 */
export function parseRecordFile(bytes: Uint8Array, name: string, file: string, report: Reporter, context: ReadContext): ArticleRecord[] {
  if (bytes.length > MAX_RECORD_BYTES) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    report.error('input/too-large', `is ${mib(bytes.length)}; a record file may be at most ${mib(MAX_RECORD_BYTES)}, as feed readers refuse feeds much larger than that; split it, or link to long content instead of including it`);
    return [];
  }
  const extension = extname(name);
  // JSON: removing a character from the text could join two escapes into one ("\ud83d", U+FFFF, "\udc00"):
  // the JSON reader removes them from each value it reads instead.
  const text = decodeText(bytes, report, { removeForbidden: extension !== '.json' });
  if (text === undefined) return [];
  const read = READERS[extension]!(text, name.slice(0, name.length - extension.length), { file }, report, context);
  return read === undefined ? [] : Array.isArray(read) ? read : [read as ArticleRecord];
}

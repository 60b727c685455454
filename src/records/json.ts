import type * as JsoncParser from 'jsonc-parser';
import { diagnosticsFor, prefixed, type Diagnostic, type Reporter } from '../vocabulary/diagnostic.js';
import { onFirstUse } from '../vocabulary/on-first-use.js';
import { lineFinder } from '../vocabulary/position.js';
import { slugify } from '../vocabulary/values.js';
import { FIELD_KEYS, readFields } from './fields.js';
import { arrayElements } from './json-array.js';
import { decodeText, isUtf8Text } from './text.js';
import type { RawField } from './front-matter.js';
import type { Source } from '../vocabulary/types.js';
import type { ArticleRecord, ReadContext } from '../vocabulary/record.js';

/**
 * JSON records (docs/records.md): one object, or an array of objects, with the
 * fields of 2.4 and `content_html` or `content_text`. Parsed with positions,
 * so that every message names the line, and the record's index in an array.
 */
const KEYS = new Set(FIELD_KEYS);

const jsonc = onFirstUse<typeof JsoncParser>('jsonc-parser');

/**
 * The records of a .json file, from its bytes. An array (a CMS's export,
 * which may hold 100,000 records) is parsed one element at a time, so that
 * neither its whole text nor a tree of all of it is ever held
 * (docs/performance.md); anything else, or an array that is not valid JSON,
 * is read whole by `readJson`, which names the line of the first fault.
 */
export function readJsonFile(bytes: Uint8Array, slug: string, source: { file: string }, report: Reporter, context: ReadContext): ArticleRecord[] | undefined {
  if (!isUtf8Text(bytes, report)) return undefined;
  // Held until the whole array has been read: should it turn out not to be valid, it is read whole instead, and only that reading speaks.
  const held: Diagnostic[] = [];
  const records = readElements(bytes, source, diagnosticsFor(source.file, held), context);
  if (records !== undefined) {
    for (const { severity, ruleId, message, line, file: _, ...extra } of held) report[severity](ruleId, message, line, extra);
    return records;
  }
  const text = decodeText(bytes, report, { removeForbidden: false });
  return text === undefined ? undefined : readJson(text, slug, source, report, context);
}

/**
 * The records of a top-level array, each element parsed (JSON.parse) and
 * read as soon as it is found, so that no more than one element's text is
 * held at a time; undefined when the bytes are not such an array, or an
 * element is not valid JSON.
 */
function readElements(bytes: Uint8Array, source: { file: string }, report: Reporter, context: ReadContext): ArticleRecord[] | undefined {
  const read = valueReader(true, '', source, report, context);
  const elements = arrayElements(bytes);
  let index = 0;
  for (;;) {
    const next = elements.next();
    if (next.done) return next.value ? read.finish() : undefined;
    const { start, end, line, keys } = next.value;
    // A key given twice: JSON.parse keeps only its last value, and some fields join (tags) or must say it (a duplicate): read whole.
    if (keys !== undefined && new Set(keys.map((k) => k.key)).size !== keys.length) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8'));
    } catch {
      return undefined;
    }
    // An object's properties in the order written, each with its line.
    const object = keys && typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    read.add({ line, ...(object && keys ? { properties: keys.map(({ key, line }) => ({ key, value: object[key], line })) } : { other: value }) }, index++);
  }
}

/** The records of a JSON text read whole: one object, or an array of objects. */
export function readJson(text: string, slug: string, source: { file: string }, report: Reporter, context: ReadContext): ArticleRecord[] | undefined {
  const lineAt = lineFinder(text);
  const { getNodeValue, parseTree, printParseErrorCode } = jsonc();
  const errors: JsoncParser.ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || root === undefined) {
    const first = errors[0];
    const code = first ? printParseErrorCode(first.error) : 'empty';
    const why = code === 'InvalidCharacter' ? 'a control character that JSON allows in a string only escaped, such as "\\t" or "\\u0001"' : code;
    report.error('input/json', `is not valid JSON (${why}); fix the syntax`, first ? lineAt(first.offset) : 1);
    return undefined;
  }
  const inArray = root.type === 'array';
  const nodes = inArray ? (root.children ?? []) : [root];
  if (inArray && nodes.length === 0) {
    report.error('input/empty', 'holds an empty array; add records, or move the file out of the articles folder', 1);
    return undefined;
  }
  const read = valueReader(inArray, slug, source, report, context);
  nodes.forEach((node, index) => {
    const line = lineAt(node.offset);
    if (node.type !== 'object') return read.add({ line, other: getNodeValue(node) }, index);
    const properties = (node.children ?? []).map((property: JsoncParser.Node) => {
      const [key, value] = property.children ?? [];
      return { key: String(key?.value), value: value === undefined ? undefined : getNodeValue(value), line: lineAt(property.offset) };
    });
    read.add({ line, properties }, index);
  });
  return read.finish();
}

/** A value of the file (an element of its array, or the whole): an object's properties, or anything else. */
type Value = { readonly line: number } & ({ readonly properties: RawField[] } | { readonly other: unknown });

/** Reads the file's values one at a time into records (`inArray`: the elements of its array; else its one value). */
function valueReader(inArray: boolean, slug: string, source: { file: string }, report: Reporter, context: ReadContext) {
  const records: ArticleRecord[] = [];
  const fromTitle: TitleSlug[] = [];
  return {
    add(value: Value, index: number): void {
      const { line } = value;
      const say = inArray ? prefixed(report, `record ${index + 1} (index ${index}): `) : report;
      if (!('properties' in value)) {
        say.error('input/field-type', `must be an object with "title", "published" and "content_html"; found ${Array.isArray(value.other) ? 'a list' : JSON.stringify(value.other)}`, line);
        return;
      }
      if (!inArray && isFolderData(value.properties, slug, source.file)) {
        report.info('input/folder-data', "is an Eleventy directory data file (a .json file named for its folder, with no content): it holds the folder's defaults for Eleventy, not a record, so it is not read", 1);
        return;
      }
      const record = readObject(value.properties, say, context, { ...source, line }, inArray ? undefined : slug, (made) => fromTitle.push({ index, line, slug: made }));
      if (record) records.push(record);
    },
    finish(): ArticleRecord[] {
      idFromTitle(fromTitle, report);
      return records;
    },
  };
}

/**
 * Whether a JSON object is Eleventy's directory data file: named for its
 * folder (`posts/posts.json`), and with no content (a record has one).
 */
function isFolderData(properties: readonly RawField[], stem: string, file: string): boolean {
  return file.split(/[\\/]/).at(-2) === stem && !properties.some(({ key }) => key === 'content_html' || key === 'content_text');
}

/** A record of an array whose slug, and so its id and link, is made from its title. */
export interface TitleSlug {
  readonly index: number;
  readonly line?: number;
  readonly slug: string;
}

/**
 * One warning for the records of a file (or of the library's input) whose id
 * is made from their title: editing a title would change the id, and
 * readers would show the article again as new (docs/records.md).
 */
export function idFromTitle(records: readonly TitleSlug[], report: Reporter): void {
  const first = records[0];
  if (first === undefined) return;
  const which = records.length === 1 ? `record ${first.index + 1} (index ${first.index}) has` : `${records.length} records (the first: index ${first.index}) have`;
  report.warning(
    'input/id-from-title',
    `${which} no "slug" and no "id", so the id and link are made from the title ("${first.slug}"): editing a title would change them, and readers would show the article again as new; give each record a "slug" (such as "${first.slug}") or an "id"`,
    first.line,
  );
}

/**
 * One JSON record from its keys and values: a record of a .json file, or
 * one the library is given (see docs/library.md). Without a slug of its own
 * or `fileSlug`, its slug is made from its title, and `onIdFromTitle` is
 * told: the id and link are made from the slug (see `idFromTitle`).
 */
export function readObject(
  raw: readonly RawField[],
  say: Reporter,
  context: ReadContext,
  source: Source,
  fileSlug?: string,
  onIdFromTitle?: (slug: string) => void,
): ArticleRecord | undefined {
  const { fields, lines } = readFields(raw, KEYS, say, context);
  if (fields.contentHtml === undefined) {
    say.error('input/missing-content', 'has no body; give "content_html" or "content_text"', source.line);
    return undefined;
  }
  const slug = fields.slug ?? fileSlug ?? slugFrom(fields.title, say, source.line);
  if (slug === undefined) return undefined;
  if (fields.slug === undefined && fileSlug === undefined && fields.id === undefined) onIdFromTitle?.(slug);
  return { ...fields, source, lines, slug };
}

/** A slug for a record in an array, made from its title. */
function slugFrom(title: string | undefined, report: Reporter, line: number | undefined): string | undefined {
  const slug = slugify(title ?? '');
  if (slug !== '') return slug;
  if (title !== undefined) report.error('input/slug', 'has a title that gives no slug; give it a "slug"', line);
  return undefined;
}


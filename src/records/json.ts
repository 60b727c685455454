import type * as JsoncParser from 'jsonc-parser';
import { prefixed, type Reporter } from '../vocabulary/diagnostic.js';
import { onFirstUse } from '../vocabulary/on-first-use.js';
import { lineFinder } from '../vocabulary/position.js';
import { FIELD_KEYS, readFields } from './fields.js';
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
  const records: ArticleRecord[] = [];
  const fromTitle: TitleSlug[] = [];
  nodes.forEach((node, index) => {
    const line = lineAt(node.offset);
    const say = inArray ? prefixed(report, `record ${index + 1} (index ${index}): `) : report;
    if (node.type !== 'object') {
      say.error('input/field-type', `must be an object with "title", "published" and "content_html"; found ${node.type === 'array' ? 'a list' : JSON.stringify(getNodeValue(node))}`, line);
      return;
    }
    const raw: RawField[] = (node.children ?? []).map((property: JsoncParser.Node) => {
      const [key, value] = property.children ?? [];
      return { key: String(key?.value), value: value === undefined ? undefined : getNodeValue(value), line: lineAt(property.offset) };
    });
    const record = readObject(raw, say, context, { ...source, line }, inArray ? undefined : slug, (made) => fromTitle.push({ index, line, slug: made }));
    if (record) records.push(record);
  });
  idFromTitle(fromTitle, report);
  return records;
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

/** A slug for a record in an array: its title, lower-cased, words joined by "-". */
function slugFrom(title: string | undefined, report: Reporter, line: number | undefined): string | undefined {
  const slug = (title ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  if (slug !== '') return slug;
  if (title !== undefined) report.error('input/slug', 'has a title that gives no slug; give it a "slug"', line);
  return undefined;
}


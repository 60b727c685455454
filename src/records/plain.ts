import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import type { RawField } from './front-matter.js';
import { idFromTitle, readObject, type TitleSlug } from './json.js';
import type { ArticleRecord, ReadContext } from '../vocabulary/record.js';

/**
 * Records the library is given as plain objects (see docs/library.md): the
 * keys and rules of a JSON record, and dates as text in any accepted form or
 * as JS Dates. A Date is an instant without an offset: it is read as UTC.
 * Messages name each record as `records[i]`, and the records as a whole
 * (ids made from titles) as `records`.
 */
export function readPlainRecords(objects: readonly unknown[], context: ReadContext, diagnostics: Diagnostic[]): ArticleRecord[] {
  const records: ArticleRecord[] = [];
  const fromTitle: TitleSlug[] = [];
  objects.forEach((object, index) => {
    const file = `records[${index}]`;
    const say = diagnosticsFor(file, diagnostics);
    if (typeof object !== 'object' || object === null || Array.isArray(object)) {
      say.error('input/field-type', `must be an object with "title", "published" and "content_html"; found ${Array.isArray(object) ? 'a list' : JSON.stringify(object) ?? String(object)}`);
      return;
    }
    const raw: RawField[] = [];
    for (const [key, value] of Object.entries(object)) {
      // An invalid Date reads as "Invalid Date", which the date reader refuses with its reason.
      raw.push({ key, value: value instanceof Date ? (Number.isNaN(value.getTime()) ? String(value) : value.toISOString()) : value });
    }
    const record = readObject(raw, say, context, { file }, undefined, (slug) => fromTitle.push({ index, slug }));
    if (record) records.push(record);
  });
  idFromTitle(fromTitle, diagnosticsFor('records', diagnostics));
  return records;
}

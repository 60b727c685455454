import { parseDate } from '../dates/parse.js';
import type { Reporter } from '../vocabulary/diagnostic.js';
import type { Person } from '../vocabulary/types.js';
import { textToHtml } from '../vocabulary/html.js';
import { checkIri, checkUrl, isAbsoluteUrl, isLanguageTag, readPerson } from '../vocabulary/values.js';
import type { RawField } from './front-matter.js';
import type { ArticleRecord, Field, ReadContext, RecordAttachment } from '../vocabulary/record.js';
import { cleanString } from './text.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type RecordFields = Mutable<Omit<ArticleRecord, 'source' | 'lines' | 'slug'>> & { slug?: string };

/** The names a record may use for each field (docs/records.md; aliases included). */
const KEYS: Readonly<Record<string, Field>> = {
  title: 'title',
  published: 'published',
  date: 'published',
  updated: 'updated',
  id: 'id',
  link: 'link',
  url: 'link',
  summary: 'summary',
  content_html: 'content',
  content_text: 'content',
  authors: 'authors',
  author: 'authors',
  tags: 'tags',
  image: 'image',
  attachments: 'attachments',
  language: 'language',
  rights: 'rights',
  draft: 'draft',
  slug: 'slug',
};

/** Every key a record may use, aliases included. */
export const FIELD_KEYS: readonly string[] = Object.keys(KEYS);

const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;

/**
 * An absolute http(s) URL that the output checks will pass too: no white
 * space, and no <, > or " (which a URL holds only percent-encoded); and a
 * "%" only as the start of an escape such as %20 (RFC 3986, section 2.1).
 */
const isFullUrl = (text: string): boolean => isAbsoluteUrl(text) && checkUrl(text).ok && !/%(?![0-9A-Fa-f]{2})/.test(text);
const FULL_URL = 'an absolute http(s) URL, such as "https://example.com/a.jpg", with any space, <, > or " in it written as %20, %3C, %3E or %22, and a % itself as %25';

/**
 * Reads the fields of a front matter block or a JSON record into typed
 * values. `allowed` names the keys this format takes; each other key, and
 * each value of the wrong type, is an error naming the key and its line.
 */
export function readFields(
  raw: readonly RawField[],
  allowed: ReadonlySet<string>,
  report: Reporter,
  context: ReadContext,
  notAllowedWhy?: (key: string) => string | undefined,
): { fields: RecordFields; lines: Partial<Record<Field, number>> } {
  const fields: RecordFields = {};
  const lines: Partial<Record<Field, number>> = {};
  const seen = new Map<Field, string>();

  for (const { key, value, line } of raw) {
    const field = KEYS[key];
    if (field === undefined || !allowed.has(key)) {
      const why = notAllowedWhy?.(key) ?? `the fields are ${[...allowed].join(', ')}`;
      report.error('input/unknown-field', `has an unknown field "${key}"; ${why}`, line);
      continue;
    }
    const twice = seen.get(field);
    if (twice !== undefined) {
      report.error('input/duplicate-field', `gives "${key}" and "${twice}", which are the same field; keep one`, line);
      continue;
    }
    seen.set(field, key);
    // Set even without a line (a record the library is given): the field was written.
    lines[field] = line;
    if (value === null || value === undefined) continue;

    const bad = (expected: string) => report.error('input/field-type', `"${key}" must be ${expected}; found ${describe(value)}`, line);
    const text = (): string | undefined => {
      if (typeof value !== 'string') return void bad('text');
      return cleanString(value, report, line, key);
    };
    const url = (): string | undefined => {
      const s = text();
      if (s === undefined) return undefined;
      if (!isFullUrl(s)) return void bad(FULL_URL);
      return s;
    };

    switch (field) {
      case 'title': {
        const s = text();
        if (s !== undefined) fields.title = s.replace(/\s+/g, ' ').trim();
        break;
      }
      case 'published':
      case 'updated': {
        const s = text();
        if (s === undefined) break;
        const date = parseDate(s, context.timezone);
        if (date.ok) fields[field] = date.value;
        else report.error('input/date', `"${key}": ${date.reason}`, line);
        break;
      }
      case 'id': {
        const s = text()?.trim();
        if (s === undefined) break;
        // The same test as the output check's (Atom requires an absolute IRI), so that a record it passes never fails there.
        const iri = checkIri(s);
        if (URI.test(s) && iri.ok) fields.id = s;
        else {
          const why = iri.ok ? '' : ` (it ${iri.reason.startsWith(`"${s}" `) ? iri.reason.slice(s.length + 3) : iri.reason})`;
          bad(`a URI, such as "tag:example.com,2024-05-16:my-article" or "https://example.com/my-article"${why}`);
        }
        break;
      }
      case 'link':
        fields.link = url();
        break;
      case 'image':
        fields.image = url();
        break;
      case 'summary':
      case 'rights':
        fields[field] = text();
        break;
      case 'content': {
        const s = text();
        if (s !== undefined) fields.contentHtml = key === 'content_text' ? textToHtml(s) : s;
        break;
      }
      case 'language': {
        const s = text();
        if (s !== undefined && !isLanguageTag(s)) bad('a language tag such as "en" or "zh-CN"');
        else fields.language = s;
        break;
      }
      case 'slug': {
        const s = text();
        if (s !== undefined && !/^[^\s/\\?#]+$/.test(s)) bad('a name without spaces, slashes, "?" or "#", such as "my-article"');
        else fields.slug = s;
        break;
      }
      case 'draft':
        if (typeof value === 'boolean') fields.draft = value;
        else bad('true or false');
        break;
      case 'tags': {
        const list = typeof value === 'string' ? [value] : value;
        if (!Array.isArray(list) || !list.every((t) => typeof t === 'string' && t.trim() !== '')) {
          bad('a list of words, such as [politics, asia]');
          break;
        }
        const tags = list.map((t: string) => cleanString(t, report, line, key).replace(/\s+/g, ' ').trim());
        // A tag made only of characters XML forbids is empty once they are removed (with the warning): it is left out.
        fields.tags = [...new Set(tags)].filter((t) => t !== '');
        break;
      }
      case 'authors': {
        const list = key === 'author' || !Array.isArray(value) ? [value] : value;
        const people: Person[] = [];
        for (const item of list) {
          const cleaned = cleanStrings(item, report, line, key);
          const person = readPerson(typeof cleaned === 'string' ? cleaned.replace(/\s+/g, ' ') : cleaned);
          if (typeof person === 'string') report.error('input/field-type', `"${key}": ${person}`, line);
          else if (person.url !== undefined && !isFullUrl(person.url)) report.error('input/field-type', `"${key}": "url" ${JSON.stringify(person.url)} must be ${FULL_URL}`, line);
          else if (person.email?.includes('"')) report.error('input/field-type', `"${key}": ${JSON.stringify(person.email)} is not an email address feeds can carry: JSON Feed writes it in a mailto: URL, which cannot hold a '"'`, line);
          // A name is one line, as titles are: RSS writes it inside "email (Name)".
          else people.push({ ...person, name: person.name.replace(/\s+/g, ' ') });
        }
        if (people.length === list.length) fields.authors = people;
        break;
      }
      case 'attachments': {
        const attachments = readAttachments(value, key, report, line);
        if (attachments) fields.attachments = attachments;
        break;
      }
    }
  }
  return { fields, lines };
}

function readAttachments(value: unknown, key: string, report: Reporter, line?: number): RecordAttachment[] | undefined {
  if (!Array.isArray(value)) {
    report.error('input/field-type', `"${key}" must be a list of {url, type, length}; found ${describe(value)}`, line);
    return undefined;
  }
  const out: RecordAttachment[] = [];
  for (const [i, item] of value.entries()) {
    const where = `"${key}" item ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      report.error('input/field-type', `${where} must be an object with "url", "type" and "length"`, line);
      continue;
    }
    const { url, type, length, title } = cleanStrings(item, report, line, key) as Record<string, unknown>;
    if (typeof url !== 'string' || !isFullUrl(url)) {
      report.error('input/field-type', `${where} needs a "url" that is ${FULL_URL}; found ${describe(url)}`, line);
      continue;
    }
    if (type !== undefined && (typeof type !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(type))) {
      report.error('input/field-type', `${where} "type" must be a media type such as "audio/mpeg"; found ${describe(type)}`, line);
      continue;
    }
    if (title !== undefined && typeof title !== 'string') {
      report.error('input/field-type', `${where} "title" must be text; found ${describe(title)}`, line);
      continue;
    }
    if (length !== undefined && (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0)) {
      report.error('input/field-type', `${where} "length" must be a size in bytes; found ${describe(length)}`, line);
      continue;
    }
    out.push({ url, ...(type === undefined ? {} : { type }), ...(length === undefined ? {} : { length }), ...(title === undefined ? {} : { title }) });
  }
  return out.length === value.length ? out : undefined;
}

/** `cleanString` on a value and on every string value of an object (a person, an attachment). */
function cleanStrings(value: unknown, report: Reporter, line: number | undefined, key: string): unknown {
  if (typeof value === 'string') return cleanString(value, report, line, key);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? cleanString(v, report, line, key) : v]));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

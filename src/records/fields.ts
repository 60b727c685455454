import { parseDate } from '../dates/parse.js';
import type { Reporter } from '../vocabulary/diagnostic.js';
import type { EpisodeDetails, Person, PhotoDetails } from '../vocabulary/types.js';
import { textToHtml } from '../vocabulary/html.js';
import { SCHEME, checkIri, checkUrl, isAbsoluteUrl, isLanguageTag, readPerson, uriCharacterProblem } from '../vocabulary/values.js';
import type { RawField } from './front-matter.js';
import type { ArticleRecord, Field, ReadContext, RecordAttachment } from '../vocabulary/record.js';
import { cleanString } from './text.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type RecordFields = Mutable<Omit<ArticleRecord, 'source' | 'lines' | 'slug'>> & { slug?: string };

/**
 * The names a record may use for each field (docs/records.md, "Fields from
 * other tools"): feedwright's own, and the ones Jekyll, Hugo, Eleventy and
 * Astro write, each meaning what it means there. `rank` orders the names of
 * one field: the lowest given is used (Hugo's `publishDate` only when there
 * is no `date`), and two of the same rank are the same field given twice.
 * Tags and drafts join instead: every name that gives one counts.
 */
interface Key {
  readonly field: Field;
  readonly rank: number;
}
const named = (field: Field, rank = 0): Key => ({ field, rank });
const KEYS: Readonly<Record<string, Key>> = {
  title: named('title'),
  published: named('published'),
  date: named('published'),
  pubDate: named('published', 1), // Eleventy, Astro
  publishDate: named('published', 1), // Hugo, when there is no `date`
  date_published: named('published', 1), // JSON Feed
  updated: named('updated'),
  last_modified_at: named('updated', 1), // Jekyll (jekyll-seo-tag, jekyll-feed)
  lastmod: named('updated', 1), // Hugo
  updatedDate: named('updated', 1), // Astro
  date_modified: named('updated', 1), // JSON Feed
  modified: named('updated', 2), // Jekyll themes
  expiryDate: named('expires'), // Hugo
  id: named('id'),
  link: named('link'),
  url: named('link'), // also Hugo's, a path
  permalink: named('link', 1), // Jekyll, Eleventy
  summary: named('summary'),
  excerpt: named('summary', 1), // Jekyll
  description: named('summary', 2), // Hugo, Eleventy, Astro, jekyll-seo-tag
  content_html: named('content'),
  content_text: named('content'),
  authors: named('authors'),
  author: named('authors'),
  tags: named('tags'),
  categories: named('tags'), // Jekyll, Hugo
  category: named('tags'), // Jekyll
  image: named('image'),
  heroImage: named('image', 1), // Astro
  images: named('image', 2), // Hugo: the first one
  featured_image: named('image', 3), // Hugo themes (Ananke)
  attachments: named('attachments'),
  language: named('language'),
  rights: named('rights'),
  draft: named('draft'),
  slug: named('slug'),
  // A podcast episode's (docs/podcasts.md).
  episode: named('episode'),
  season: named('season'),
  episodeType: named('episodeType'),
  duration: named('duration'),
  explicit: named('explicit'),
  transcript: named('transcript'),
  chapters: named('chapters'),
};

/** Hugo reads its front matter keys in any case (`publishdate`, `expirydate`): so do these. */
const ANY_CASE: ReadonlyMap<string, string> = new Map(['publishDate', 'expiryDate', 'lastmod'].map((k) => [k.toLowerCase(), k]));

/** Names only other tools write: a value they leave empty (`lastmod = ""`, `images: []`) is not given. */
const THEIRS = new Set([
  'pubDate', 'publishDate', 'date_published', 'last_modified_at', 'lastmod', 'updatedDate', 'date_modified', 'modified', 'expiryDate',
  'permalink', 'excerpt', 'description', 'categories', 'category', 'heroImage', 'images', 'featured_image',
]);

/** Every key a record may use, aliases and other tools' names included. */
export const FIELD_KEYS: readonly string[] = Object.keys(KEYS);

const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;

/**
 * An absolute http(s) URL that the output checks will pass too: no white
 * space and none of <>"{}|\^` (which a URL holds only percent-encoded), and a
 * "%" only as the start of an escape such as %20 (RFC 3986, section 2).
 */
const isFullUrl = (text: string): boolean => isAbsoluteUrl(text) && checkUrl(text).ok;
const ESCAPED = 'with any space, <, >, ", {, }, |, \\, ^ or ` in it written as %20, %3C, %3E, %22, %7B, %7D, %7C, %5C, %5E or %60, and a % itself as %25';
const FULL_URL = `an absolute http(s) URL, such as "https://example.com/a.jpg", ${ESCAPED}`;

/**
 * An absolute http(s) URL, or a path kept as written (root-relative "/img/a.jpg",
 * or relative "a.jpg"), which the model resolves against `siteUrl` or the
 * article's link (docs/records.md). A path holds what a URL may hold.
 */
const isUrlOrPath = (text: string): boolean => (SCHEME.test(text) ? isFullUrl(text) : text !== '' && uriCharacterProblem(text) === undefined);
const URL_OR_PATH = `an absolute http(s) URL or a path, such as "https://example.com/a.jpg", "/media/a.jpg" or "a.jpg", ${ESCAPED}`;

/** A Jekyll permalink pattern (`/:year/:title/`) or an Eleventy template (`{{ page.fileSlug }}`): not a link, but a rule for making one. */
const LINK_TEMPLATE = /(^|\/):[a-z_]+|\{\{|\{%/;

/** The fields a format's own keys give, by its set of keys: made once per format, not once per record. */
const FIELDS_OF = new WeakMap<ReadonlySet<string>, ReadonlySet<Field>>();
function fieldsOf(allowed: ReadonlySet<string>): ReadonlySet<Field> {
  let fields = FIELDS_OF.get(allowed);
  if (fields === undefined) FIELDS_OF.set(allowed, (fields = new Set([...allowed].flatMap((k) => (KEYS[k] && KEYS[k].rank === 0 ? [KEYS[k].field] : [])))));
  return fields;
}

/** The keys an image given as an object may hold: feedwright's photo, and jekyll-seo-tag's `{ path, alt }` (docs/records.md). */
const IMAGE_KEYS = new Set(['url', 'path', 'alt', 'caption', 'credit', 'width', 'height', 'type', 'thumbnail']);

/**
 * Reads the fields of a front matter block or a JSON record into typed
 * values. `allowed` names the keys this format takes (another tool's name
 * for a field is taken where the field is); a key feedwright does not use is
 * refused, or with `context.unknownFields` "warn" or "ignore" named in
 * `fields.unknownFields`, for the build's one warning. A value of the wrong
 * type is an error naming the key and its line.
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
  const unknown: string[] = [];
  const allowedFields = fieldsOf(allowed);

  // First the names: which one gives each field, and which are unknown or given twice.
  const chosen = new Map<Field, { key: string; rank: number }>();
  const taken: { name: string; key: string; value: unknown; line?: number; field: Field }[] = [];
  for (const { key: written, value, line } of raw) {
    const name = Object.hasOwn(KEYS, written) ? written : (ANY_CASE.get(written.toLowerCase()) ?? written);
    const known = Object.hasOwn(KEYS, name) ? KEYS[name] : undefined;
    if (known === undefined) {
      if (context.unknownFields === 'error') {
        const why = notAllowedWhy?.(written) ?? `the fields are ${[...allowed].filter((k) => !THEIRS.has(k)).join(', ')}; or set "unknownFields" to "warn" in feedwright.config.json to build with it left out`;
        report.error('input/unknown-field', `has an unknown field "${written}"; ${why}`, line);
      } else if (!unknown.includes(written)) unknown.push(written);
      continue;
    }
    // A boolean `published` is Jekyll's flag (false: not published), not a date.
    const field: Field = name === 'published' && typeof value === 'boolean' ? 'draft' : known.field;
    const rank = name === 'published' && field === 'draft' ? 1 : known.rank;
    const ours = allowed.has(name) || (THEIRS.has(name) && allowedFields.has(field)) || (field === 'draft' && allowedFields.has('draft'));
    if (!ours) {
      const why = notAllowedWhy?.(written) ?? `the fields are ${[...allowed].filter((k) => !THEIRS.has(k)).join(', ')}`;
      report.error('input/unknown-field', `has an unknown field "${written}"; ${why}`, line);
      continue;
    }
    // An empty value another tool writes for "none" is not given.
    if (THEIRS.has(name) && (value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0))) continue;
    if (field !== 'tags' && field !== 'draft') {
      const before = chosen.get(field);
      if (before !== undefined && before.rank === rank) {
        report.error('input/duplicate-field', `gives "${written}" and "${before.key}", which are the same field; keep one`, line);
        continue;
      }
      if (before === undefined || rank < before.rank) chosen.set(field, { key: written, rank });
    }
    taken.push({ name, key: written, value, ...(line === undefined ? {} : { line }), field });
  }

  for (const { name, key, value, line, field } of taken) {
    if (field !== 'tags' && field !== 'draft' && chosen.get(field)?.key !== key) continue;
    // Set even without a line (a record the library is given): the field was written.
    if (lines[field] === undefined || (field !== 'tags' && field !== 'draft')) lines[field] = line;
    if (value === null || value === undefined) continue;

    const bad = (expected: string) => report.error('input/field-type', `"${key}" must be ${expected}; found ${describe(value)}`, line);
    const text = (): string | undefined => {
      if (typeof value !== 'string') return void bad('text');
      return cleanString(value, report, line, key);
    };
    const urlOrPath = (given: unknown = value): string | undefined => {
      if (typeof given !== 'string') return void bad('text');
      const s = cleanString(given, report, line, key).trim();
      if (!isUrlOrPath(s)) return void report.error('input/field-type', `"${key}" must be ${URL_OR_PATH}; found ${describe(given)}`, line);
      return s;
    };

    switch (field) {
      case 'title': {
        const s = text();
        if (s !== undefined) fields.title = s.replace(/\s+/g, ' ').trim();
        break;
      }
      case 'published':
      case 'updated':
      case 'expires': {
        // A TOML date is a Date whose ISO text keeps the form it was written in (an offset, or none).
        const s = value instanceof Date ? (Number.isNaN(value.getTime()) ? String(value) : value.toISOString()) : text();
        if (s === undefined) break;
        const date = parseDate(s, context.timezone);
        if (!date.ok) report.error('input/date', `"${key}": ${date.reason}`, line);
        else if (field === 'expires') fields.expires = date.value.toMillis();
        else fields[field] = date.value;
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
      case 'link': {
        if (name === 'permalink' && typeof value === 'string' && LINK_TEMPLATE.test(value)) {
          report.warning('input/link-template', `"permalink" ${JSON.stringify(value)} is a pattern feedwright does not fill in; the link is made from "articlePath" in feedwright.config.json (give the record a "link" to choose it)`, line);
          delete lines.link;
          break;
        }
        fields.link = urlOrPath();
        break;
      }
      case 'image':
        readImage(name, value, fields, urlOrPath, bad, report, line);
        break;
      case 'episode':
      case 'season':
      case 'episodeType':
      case 'duration':
      case 'explicit':
      case 'transcript':
      case 'chapters': {
        const read = readEpisodeField(field, value, urlOrPath, bad);
        if (read !== undefined) fields.episode = { ...fields.episode, ...read };
        break;
      }
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
        if (typeof value !== 'boolean') bad('true or false');
        // `published: false` (Jekyll) is a draft, as `draft: true` is; either one keeps it out.
        else if (name === 'published') fields.draft = fields.draft === true || !value;
        else fields.draft = fields.draft === true || value;
        break;
      case 'tags': {
        // A string is words separated by spaces, as Jekyll splits `tags` and `categories`; a number is a word too.
        const words = (s: string) => s.split(/\s+/).map((w) => w.replace(/,+$/, '')).filter((w) => w !== '');
        const list = typeof value === 'string' ? words(value) : value;
        if (!Array.isArray(list) || !list.every((t) => (typeof t === 'string' && t.trim() !== '') || (typeof t === 'number' && Number.isFinite(t)))) {
          bad('a list of words, such as [politics, asia]');
          break;
        }
        const tags = list.map((t: string | number) => cleanString(String(t), report, line, key).replace(/\s+/g, ' ').trim());
        // A tag made only of characters XML forbids is empty once they are removed (with the warning): it is left out.
        fields.tags = [...new Set([...(fields.tags ?? []), ...tags])].filter((t) => t !== '');
        break;
      }
      case 'authors': {
        // Hugo writes `authors: []` for "none given": the config's author then, as when the key is left out.
        if (Array.isArray(value) && value.length === 0) {
          delete lines.authors;
          break;
        }
        const list = key === 'author' || !Array.isArray(value) ? [value] : value;
        const people: Person[] = [];
        for (const item of list) {
          const cleaned = cleanStrings(item, report, line, key);
          const person = readPerson(typeof cleaned === 'string' ? cleaned.replace(/\s+/g, ' ') : cleaned);
          if (typeof person === 'string') report.error('input/field-type', `"${key}": ${person}`, line);
          else if (person.url !== undefined && !isFullUrl(person.url)) report.error('input/field-type', `"${key}": "url" ${JSON.stringify(person.url)} must be ${FULL_URL}`, line);
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
  if (unknown.length > 0) fields.unknownFields = unknown;
  return { fields, lines };
}

/**
 * The image: a URL or path (`image`, Astro's `heroImage`), the first of Hugo's
 * `images`, or an object: a photo with its details (docs/records.md,
 * "Photos"), of which jekyll-seo-tag's `{ path, alt, width, height }` is one.
 */
function readImage(
  name: string,
  value: unknown,
  fields: RecordFields,
  urlOrPath: (given?: unknown) => string | undefined,
  bad: (expected: string) => void,
  report: Reporter,
  line: number | undefined,
): void {
  if (name === 'images') {
    if (!Array.isArray(value) || typeof value[0] !== 'string') return void bad('a list of image URLs or paths, such as ["/images/a.jpg"]');
    fields.image = urlOrPath(value[0]);
    return;
  }
  if (name === 'image' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const say = (key: string, expected: string) => void report.error('input/field-type', `"${name}" "${key}" must be ${expected}; found ${describe(object[key])}`, line);
    const other = Object.keys(object).find((k) => !IMAGE_KEYS.has(k));
    if (other !== undefined) return void report.error('input/field-type', `"${name}" has a key "${other}"; an image is a URL or path, or an object of ${[...IMAGE_KEYS].join(', ')}`, line);
    if (object.url !== undefined && object.path !== undefined) return void report.error('input/duplicate-field', `"${name}" gives "url" and "path", which are the same; keep one`, line);
    const where = object.url ?? object.path;
    if (where === undefined) return void report.error('input/field-type', `"${name}" needs a "url": the image's URL or path, such as "/images/a.jpg"`, line);
    const image = urlOrPath(where);
    if (image === undefined) return;
    const oneLine = (key: string): string | undefined => {
      const v = object[key];
      if (v === undefined) return undefined;
      if (typeof v !== 'string') return void say(key, 'text');
      const s = cleanString(v, report, line, name).replace(/\s+/g, ' ').trim();
      return s === '' ? undefined : s;
    };
    const size = (key: string): number | undefined => {
      const v = object[key];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) return void say(key, 'a whole number of pixels');
      return v;
    };
    const credit = object.credit;
    let creditName: string | undefined;
    let creditRole: string | undefined;
    if (typeof credit === 'object' && credit !== null && !Array.isArray(credit)) {
      const { name: who, role, ...rest } = credit as Record<string, unknown>;
      if (Object.keys(rest).length > 0 || typeof who !== 'string' || (role !== undefined && typeof role !== 'string')) return void say('credit', 'text, or { "name", "role" } such as { "name": "Ana Souza", "role": "photographer" }');
      creditName = cleanString(who, report, line, name).replace(/\s+/g, ' ').trim();
      creditRole = typeof role === 'string' ? cleanString(role, report, line, name).trim().toLowerCase() : undefined;
      // As Media RSS names roles (its credit roles, after the EBU's): "photographer", "author", "copy editor".
      if (creditRole !== undefined && !/^[a-z][a-z -]*$/.test(creditRole)) return void say('credit', 'text, or { "name", "role" } with a role in words, such as "photographer"');
    } else creditName = oneLine('credit');
    const type = object.type;
    if (type !== undefined && (typeof type !== 'string' || !/^image\/[\w.+-]+$/.test(type))) return void say('type', 'an image media type such as "image/jpeg"');
    const thumbnail = object.thumbnail === undefined ? undefined : urlOrPath(object.thumbnail);
    if (object.thumbnail !== undefined && thumbnail === undefined) return;
    const details: PhotoDetails = {
      ...defined('alt', oneLine('alt')),
      ...defined('caption', oneLine('caption')),
      ...defined('credit', creditName),
      ...defined('creditRole', creditRole),
      ...defined('width', size('width')),
      ...defined('height', size('height')),
      ...defined('type', type as string | undefined),
      ...defined('thumbnail', thumbnail),
    };
    fields.image = image;
    if (Object.keys(details).length > 0) fields.photo = details;
    return;
  }
  fields.image = urlOrPath();
}

/** An attachment's keys: JSON Feed's, and feedwright's `type` and `length` for two of them. */
const ATTACHMENT_KEYS: Readonly<Record<string, string>> = {
  url: 'url',
  mime_type: 'type',
  type: 'type',
  size_in_bytes: 'length',
  length: 'length',
  title: 'title',
  duration_in_seconds: 'duration',
};

function readAttachments(value: unknown, key: string, report: Reporter, line?: number): RecordAttachment[] | undefined {
  if (!Array.isArray(value)) {
    report.error('input/field-type', `"${key}" must be a list of {url, mime_type, size_in_bytes}; found ${describe(value)}`, line);
    return undefined;
  }
  const out: RecordAttachment[] = [];
  for (const [i, item] of value.entries()) {
    const where = `"${key}" item ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      report.error('input/field-type', `${where} must be an object with "url", and "mime_type" and "size_in_bytes" when known`, line);
      continue;
    }
    const given = cleanStrings(item, report, line, key) as Record<string, unknown>;
    const values: Record<string, unknown> = {};
    const from: Record<string, string> = {};
    let ok = true;
    for (const [name, v] of Object.entries(given)) {
      const as = Object.hasOwn(ATTACHMENT_KEYS, name) ? ATTACHMENT_KEYS[name]! : undefined;
      if (as === undefined) {
        report.error('input/field-type', `${where} has a key "${name}"; an attachment's keys are ${Object.keys(ATTACHMENT_KEYS).join(', ')}`, line);
        ok = false;
      } else if (from[as] !== undefined) {
        report.error('input/duplicate-field', `${where} gives "${name}" and "${from[as]}", which are the same; keep one`, line);
        ok = false;
      } else {
        from[as] = name;
        if (v !== null && v !== undefined) values[as] = v;
      }
    }
    if (!ok) continue;
    const { url, type, length, title, duration } = values;
    const say = (name: string, expected: string, found: unknown) => report.error('input/field-type', `${where} "${from[name] ?? name}" must be ${expected}; found ${describe(found)}`, line);
    if (typeof url !== 'string' || !isUrlOrPath(url.trim())) {
      report.error('input/field-type', `${where} needs a "url" that is ${URL_OR_PATH}; found ${describe(url)}`, line);
      continue;
    }
    if (type !== undefined && (typeof type !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(type))) {
      say('type', 'a media type such as "audio/mpeg"', type);
      continue;
    }
    if (title !== undefined && typeof title !== 'string') {
      say('title', 'text', title);
      continue;
    }
    if (length !== undefined && (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0)) {
      say('length', 'a size in bytes', length);
      continue;
    }
    if (duration !== undefined && (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0)) {
      say('duration', 'a number of seconds, such as 1830', duration);
      continue;
    }
    out.push({
      url: url.trim(),
      ...(type === undefined ? {} : { type }),
      ...(length === undefined ? {} : { length }),
      ...(title === undefined ? {} : { title }),
      ...(duration === undefined ? {} : { durationInSeconds: duration }),
    });
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

/** `{ [key]: value }`, or nothing when the value is undefined. */
const defined = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** One of a podcast episode's fields (docs/podcasts.md), or undefined with the problem reported. */
function readEpisodeField(field: Field, value: unknown, urlOrPath: (given?: unknown) => string | undefined, bad: (expected: string) => void): Partial<EpisodeDetails> | undefined {
  const whole = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
  switch (field) {
    case 'episode':
    case 'season':
      if (!whole(value)) return void bad('a whole number of 1 or more');
      return field === 'episode' ? { number: value as number } : { season: value as number };
    case 'episodeType':
      if (value !== 'full' && value !== 'trailer' && value !== 'bonus') return void bad('"full", "trailer" or "bonus"');
      return { type: value };
    case 'explicit':
      if (typeof value !== 'boolean') return void bad('true or false');
      return { explicit: value };
    case 'duration': {
      const seconds = durationOf(value);
      if (seconds === undefined) return void bad('a number of seconds, or hours, minutes and seconds such as "1:02:03" or "45:10"');
      return { duration: seconds };
    }
    case 'chapters': {
      const url = urlOrPath();
      return url === undefined ? undefined : { chapters: url };
    }
    case 'transcript': {
      const t = value as Record<string, unknown>;
      if (typeof t !== 'object' || t === null || Array.isArray(t) || Object.keys(t).some((k) => k !== 'url' && k !== 'type') || typeof t.type !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(t.type)) {
        return void bad('{ "url", "type" }, such as { "url": "/episodes/1.vtt", "type": "text/vtt" }');
      }
      const url = urlOrPath(t.url);
      return url === undefined ? undefined : { transcript: { url, type: t.type } };
    }
    default:
      return undefined;
  }
}

/** A duration as seconds: a number, or "H:MM:SS", "MM:SS" or "SS" as podcast feeds write it. */
function durationOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^(?:(?:(\d+):)?([0-5]?\d):)?([0-5]?\d|\d+)$/.exec(value.trim());
  if (!m) return undefined;
  const [, h, min, sec] = m;
  if ((h !== undefined || min !== undefined) && Number(sec) > 59) return undefined;
  return Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(sec);
}

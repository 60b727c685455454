import type { Person } from './types.js';

/** An absolute http(s) URL, as feed readers need every link to be. */
export function isAbsoluteUrl(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;
const NAME_AND_EMAIL = /^(.*?)\s*<([^<>]+)>$/;

export const isEmail = (text: string): boolean => EMAIL.test(text);

/** BCP 47 as feeds use it: `en`, `zh-CN`, `pt-BR`. */
export const isLanguageTag = (text: string): boolean => /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(text);

/**
 * Reads a person from a record or the config: a name, `Name <email>`, or an
 * object with name, email and url. Returns the reason when it is none of those.
 */
export function readPerson(value: unknown): Person | string {
  if (typeof value === 'string') {
    const text = value.trim();
    const m = NAME_AND_EMAIL.exec(text);
    if (m) {
      const [, name, email] = m;
      if (!isEmail(email!)) return `"${email}" is not an email address`;
      return name ? { name, email: email! } : { name: email!, email: email! };
    }
    return text === '' ? 'a person needs a name' : { name: text };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'a person is a name, "Name <email>", or an object with "name", "email" and "url"';
  }
  const { name, email, url, ...rest } = value as Record<string, unknown>;
  const unknownKey = Object.keys(rest)[0];
  if (unknownKey !== undefined) return `a person has no field "${unknownKey}"; use "name", "email" and "url"`;
  if (typeof name !== 'string' || name.trim() === '') return 'a person needs a "name" that is text';
  if (email !== undefined && (typeof email !== 'string' || !isEmail(email))) return `"email" ${JSON.stringify(email)} is not an email address`;
  if (url !== undefined && (typeof url !== 'string' || !isAbsoluteUrl(url))) return `"url" ${JSON.stringify(url)} is not an absolute http(s) URL`;
  return { name: name.trim(), ...(email === undefined ? {} : { email }), ...(url === undefined ? {} : { url }) };
}

/** A value as a check reads it, or why it is not one. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** A scheme, then something: `https://...`, `mailto:...`, `tag:...`. */
export const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** An ASCII character as a URL escapes it: "^" as "%5E". */
const escaped = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** Characters RFC 3986 (section 2) lets no URI hold as they are, and a "%" that begins no escape. */
const NOT_IN_URI = /[\s<>"{}|\\^`]|%(?![0-9A-Fa-f]{2})/;

/**
 * Why a URI reference cannot be one as written, or undefined: a character
 * RFC 3986 does not allow in a URI (a space, `<>"{}|\^` and the backquote),
 * named with its escape, or a "%" that begins no escape. Letters beyond
 * ASCII are left alone: an IRI (RFC 3987) may hold them.
 */
export function uriCharacterProblem(text: string): string | undefined {
  const m = NOT_IN_URI.exec(text.trim());
  if (!m) return undefined;
  if (m[0] === '%') return `"${text.trim()}" holds a "%" that does not begin an escape such as "%20"; write a percent sign as "%25"`;
  const shown = /\s/.test(m[0]) ? (m[0] === ' ' ? 'a space' : 'white space') : `"${m[0]}"`;
  return `"${text.trim()}" holds ${shown}, which a URL cannot hold; write it as "${escaped(m[0])}"`;
}

/**
 * The mailto: URL JSON Feed gives an author known only by email, with the
 * characters a URL cannot hold, and "%", "#" and "?" (RFC 6068, section 2),
 * percent-encoded.
 */
export const mailtoUrl = (email: string): string =>
  `mailto:${email.replace(/[\s<>"{}|\\^`%#?]/g, escaped)}`;

/**
 * A full (absolute) URL, as RSS 2.0 and JSON Feed expect for links and the
 * W3C validator checks (InvalidFullLink): a scheme, and for http(s) and ftp a
 * host. Surrounding white space is allowed, as readers trim it.
 */
export function checkUrl(text: string): Checked<string> {
  const url = text.trim();
  if (url === '') return { ok: false, reason: 'is empty' };
  if (!SCHEME.test(url)) return { ok: false, reason: `"${url}" is a relative URL` };
  const character = uriCharacterProblem(url);
  if (character !== undefined) return { ok: false, reason: character };
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'ftp') {
    let host = '';
    try {
      host = new URL(url).host;
    } catch {
      host = '';
    }
    if (!/^[A-Za-z]+:\/\/[^/]/.test(url) || host === '') return { ok: false, reason: `"${url}" has no host` };
  } else if (url.length === scheme.length + 1) {
    return { ok: false, reason: `"${url}" has nothing after its scheme` };
  }
  return { ok: true, value: url };
}

/** RFC 4151. */
const TAG_URI = /^tag:(?:[A-Za-z0-9._%+-]+@)?[A-Za-z0-9.-]+,\d{4}(?:-\d{2}(?:-\d{2})?)?:[^\s<>"]*$/;
/** RFC 8141, loosely. */
const URN = /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[^\s<>"]+$/i;

/** An absolute IRI, as an Atom id must be (RFC 4287, section 4.2.6). */
export function checkIri(text: string): Checked<string> {
  const iri = text.trim();
  if (iri === '') return { ok: false, reason: 'is empty' };
  if (!SCHEME.test(iri)) return { ok: false, reason: `"${iri}" is not an absolute IRI: it has no scheme` };
  const scheme = iri.slice(0, iri.indexOf(':')).toLowerCase();
  if (scheme === 'tag' && !TAG_URI.test(iri)) return { ok: false, reason: `"${iri}" is not a tag URI of RFC 4151 ("tag:example.com,2024-05-16:name")` };
  if (scheme === 'urn' && !URN.test(iri)) return { ok: false, reason: `"${iri}" is not a URN` };
  if (scheme === 'tag' || scheme === 'urn') return { ok: true, value: iri };
  return checkUrl(iri);
}

/**
 * Text made a slug, for a path: accents folded, lower-cased, each run of
 * characters that are not letters or digits one "-", at most 80 characters;
 * "" when nothing is left.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

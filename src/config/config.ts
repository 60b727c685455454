import { isZoneName } from '../dates/parse.js';
import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import { lineFinder } from '../vocabulary/position.js';
import type { FeedFormat, Person, ShowDetails } from '../vocabulary/types.js';
import type { UnknownFieldsMode } from '../vocabulary/record.js';
import { appleCategory } from '../vocabulary/apple-categories.js';
import { checkUrl, isAbsoluteUrl, isEmail, isLanguageTag, readPerson, uriCharacterProblem } from '../vocabulary/values.js';
import { XML_FORBIDDEN, codePointName } from '../vocabulary/formats.js';

/** feedwright.config.json, validated, every default filled in (docs/config.md). */
export interface Config {
  readonly title: string;
  readonly description: string;
  readonly siteUrl: string;
  /** The URL of the folder the feeds are served from, ending in "/". */
  readonly feedUrl: string;
  /** The path of an article under `siteUrl`: `{slug}`, and `{year}`, `{month}`, `{day}` of its publication (docs/config.md). */
  readonly articlePath: string;
  readonly language: string;
  readonly author?: Person;
  readonly timezone?: string;
  readonly limit: number;
  readonly utc: boolean;
  readonly copyright?: string;
  readonly icon?: string;
  readonly logo?: string;
  readonly hub?: string;
  /** The href of the `xml-stylesheet` instruction in feed.xml and atom.xml. */
  readonly stylesheet?: string;
  /** Set by `"stylesheet": true`: the file name of feedwright's own stylesheet, written beside the feeds. */
  readonly stylesheetFile?: string;
  /** The `Cache-Control` value for the feeds, in `feedwright serve` and in `_headers`. */
  readonly cacheControl?: string;
  /** The folder the site is published from: media under `siteUrl` found there get their sizes measured. */
  readonly publicDir?: string;
  /** Where the last build's placements of the records and its manifest are kept (default: node_modules/.cache/feedwright). */
  readonly cacheDir?: string;
  /** Also write a gzip (`.gz`) and a brotli (`.br`) copy of each feed, for hosts that serve them. */
  readonly precompress?: boolean;
  /** Also write a `_headers` file (Netlify, Cloudflare Pages) with each feed's media type. */
  readonly headers?: boolean;
  /** Remove scripts, event handlers, `javascript:` URLs and other active content from each article's HTML (model/sanitize.ts). */
  readonly sanitize?: boolean;
  /** What a record's key feedwright does not use brings: one warning per build ("warn"), nothing ("ignore"), or an error where it is written ("error"). */
  readonly unknownFields: UnknownFieldsMode;
  readonly files: Readonly<Record<FeedFormat, string>>;
  /** What an item carries: its full content, or its summary only (docs/config.md). */
  readonly content: 'full' | 'summary';
  /** What an item's id is: a tag URI, or its link (docs/config.md). */
  readonly id: 'tag' | 'link';
  /** A feed per tag, author or language, each in the folder its pattern makes under the output folder (docs/feed-set.md). */
  readonly facets?: Readonly<Partial<Record<FacetKind, string>>>;
  /** RFC 5005 archive pages of `pageSize` items each, behind each feed (docs/feed-set.md). */
  readonly archive?: { readonly pageSize: number };
  /** After a build that changed a feed, tell the `hub` (WebSub) that it did. */
  readonly ping?: boolean;
  /** The feed is a podcast: its show's details (docs/podcasts.md). */
  readonly podcast?: PodcastConfig;
}

/** A podcast's show-level details (docs/podcasts.md). */
export type PodcastConfig = ShowDetails;

/** What a facet groups the items by (docs/feed-set.md). */
export type FacetKind = 'tags' | 'authors' | 'language';
export const FACET_KINDS: readonly FacetKind[] = ['tags', 'authors', 'language'];

export const CONFIG_FILE = 'feedwright.config.json';

export const DEFAULT_FILES: Readonly<Record<FeedFormat, string>> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

/** Where `"stylesheet": true` writes feedwright's own XSLT, linked from the XML feeds by this relative href. */
export const STYLESHEET_FILE = 'feed.xsl';

/** `Cache-Control` when the config gives none: readers poll often, so five minutes of caching. */
export const DEFAULT_CACHE_CONTROL = 'public, max-age=300';

/** `Cache-Control` for an archive page: it never changes once written (RFC 5005, docs/feed-set.md). */
export const ARCHIVE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

type Check = (value: unknown) => string | undefined;

/** What `articlePath` may hold: the slug, and the date of publication (docs/config.md). */
export const ARTICLE_PATH_PLACEHOLDERS: readonly string[] = ['{slug}', '{year}', '{month}', '{day}'];

const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'must be non-empty text');
const url: Check = (v) => {
  const should = 'must be an absolute http(s) URL, such as "https://example.com"';
  if (typeof v !== 'string' || !isAbsoluteUrl(v)) return should;
  const checked = checkUrl(v);
  return checked.ok ? undefined : `${should}: ${checked.reason}`;
};
/** A path pattern's fixed parts hold only what a URL may hold (its placeholders are filled with slugs, dates and language tags). */
const patternProblem = (pattern: string): string | undefined => uriCharacterProblem(pattern.replace(/\{[^}]*\}/g, 'x'));
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
const FIELDS: Readonly<Record<string, Check>> = {
  title: text,
  description: text,
  siteUrl: url,
  feedUrl: url,
  articlePath: (v) => {
    if (typeof v !== 'string' || !v.startsWith('/') || !v.includes('{slug}')) return 'must be a path that starts with "/" and holds "{slug}", such as "/articles/{slug}/" or "/{year}/{month}/{day}/{slug}/"';
    const unknown = [...v.matchAll(/\{([^}]*)\}/g)].map((m) => m[0]).find((p) => !ARTICLE_PATH_PLACEHOLDERS.includes(p));
    if (unknown !== undefined) return `holds "${unknown}", which is not one of ${ARTICLE_PATH_PLACEHOLDERS.join(', ')}`;
    const character = patternProblem(v);
    return character === undefined ? undefined : `must be a path a URL can hold: ${character}`;
  },
  language: (v) => (typeof v === 'string' && isLanguageTag(v) ? undefined : 'must be a language tag such as "en" or "zh-CN"'),
  author: (v) => {
    const person = readAuthor(v);
    if (typeof person === 'string') return person;
    const character = person.url === undefined ? undefined : uriCharacterProblem(person.url);
    return character === undefined ? undefined : `"url" ${character}`;
  },
  timezone: (v) => (typeof v === 'string' && isZoneName(v) ? undefined : 'must be an IANA time zone such as "Asia/Shanghai" or "UTC" (not an abbreviation such as "CST")'),
  limit: (v) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? undefined : 'must be a whole number of 1 or more'),
  utc: bool,
  copyright: text,
  icon: url,
  logo: url,
  hub: url,
  stylesheet: (v) => (v === true || (typeof v === 'string' && v.trim() !== '') ? undefined : 'must be true (feedwright writes its own feed.xsl) or the URL of your own XSLT stylesheet'),
  cacheControl: text,
  publicDir: text,
  cacheDir: text,
  precompress: bool,
  headers: bool,
  sanitize: bool,
  unknownFields: (v) => (v === 'warn' || v === 'ignore' || v === 'error' ? undefined : 'must be "warn" (one warning counting them), "ignore" or "error"'),
  content: (v) => (v === 'full' || v === 'summary' ? undefined : 'must be "full" (each item carries its whole article) or "summary" (its summary only)'),
  id: (v) => (v === 'tag' || v === 'link' ? undefined : 'must be "tag" (a tag: URI made from the site, the date and the slug) or "link" (the item\'s link, as jekyll-feed and Hugo write)'),
  facets: (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be an object such as {"tags": "tags/{slug}/", "authors": "authors/{slug}/", "language": "{value}/"}';
    for (const [kind, pattern] of Object.entries(v)) {
      if (!(FACET_KINDS as readonly string[]).includes(kind)) return `has no facet "${kind}"; the facets are ${FACET_KINDS.join(', ')}`;
      const placeholders = typeof pattern === 'string' ? (pattern.match(/\{[^}]*\}/g) ?? []) : [];
      const allowed = kind === 'language' ? ['{slug}', '{value}'] : ['{slug}'];
      if (typeof pattern !== 'string' || placeholders.length !== 1 || !allowed.includes(placeholders[0]!) || !pattern.endsWith('/') || pattern.startsWith('/') || /\\|(^|\/)\.\.?\//.test(pattern)) {
        return `"${kind}" must be a folder under the output folder that holds ${allowed.map((p) => `"${p}"`).join(' or ')} once and ends in "/", such as "${kind === 'language' ? '{value}/' : `${kind}/{slug}/`}"`;
      }
      const character = patternProblem(pattern);
      if (character !== undefined) return `"${kind}" must be a folder a URL can name: ${character}`;
    }
    return undefined;
  },
  archive: (v) => {
    const size = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>).pageSize : undefined;
    const keys = typeof v === 'object' && v !== null ? Object.keys(v) : [];
    return typeof size === 'number' && Number.isInteger(size) && size > 0 && keys.length === 1 ? undefined : 'must be {"pageSize": N}, N a whole number of 1 or more: the items on each archive page';
  },
  ping: bool,
  podcast: (v) => podcastProblem(v),
  files: (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be an object such as {"rss": "feed.xml"}';
    for (const [key, name] of Object.entries(v)) {
      if (!(key in DEFAULT_FILES)) return `has no format "${key}"; use "rss", "atom" and "json"`;
      if (typeof name !== 'string' || !/^[^/\\]+$/.test(name) || name.startsWith('.')) return `"${key}" must be a plain file name such as "feed.xml"`;
    }
    return undefined;
  },
};
const REQUIRED = ['title', 'siteUrl'] as const;

export function parseConfig(source: string, path: string, diagnostics: Diagnostic[] = []): { config?: Config; diagnostics: Diagnostic[] } {
  const report = diagnosticsFor(path, diagnostics);
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const line = position === undefined ? undefined : lineFinder(source)(Number(position));
    report.error('config/json', `is not valid JSON (${(error as Error).message}); fix the syntax`, line);
    return { diagnostics };
  }
  const lineAt = lineFinder(source);
  return validateConfig(raw, path, diagnostics, (key) => {
    const at = source.indexOf(JSON.stringify(key));
    return at < 0 ? undefined : lineAt(at);
  });
}

/**
 * The config as a plain object (the config file's keys, or the library's
 * `createFeeds` input), validated: every problem is a diagnostic naming
 * `path` and, where `keyLine` knows it, the key's line.
 */
export function validateConfig(raw: unknown, path: string, diagnostics: Diagnostic[] = [], keyLine: (key: string) => number | undefined = () => undefined): { config?: Config; diagnostics: Diagnostic[] } {
  const report = diagnosticsFor(path, diagnostics);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report.error('config/json', 'must hold one JSON object, such as {"title": "My site", "siteUrl": "https://example.com"}', 1);
    return { diagnostics };
  }
  const values = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(values)) {
    // Own keys only: "constructor" or "toString" is an unknown key, not a method of every object.
    const check = Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined;
    if (check === undefined) {
      report.error('config/unknown-key', `has an unknown key "${key}"; the keys are ${Object.keys(FIELDS).join(', ')}`, keyLine(key));
      continue;
    }
    const forbidden = forbiddenIn(value);
    if (forbidden.length > 0) {
      report.error('config/invalid', `"${key}" has characters that XML 1.0 forbids (${forbidden.join(', ')}); remove them`, keyLine(key));
      continue;
    }
    const problem = check(value);
    if (problem) report.error('config/invalid', `"${key}" ${problem}; found ${JSON.stringify(value)}`, keyLine(key));
  }
  for (const key of REQUIRED) {
    if (values[key] === undefined) report.error('config/missing', `needs "${key}"`, 1);
  }
  if (diagnostics.length > 0) return { diagnostics };

  const siteUrl = values.siteUrl as string;
  const author = values.author === undefined ? undefined : (readAuthor(values.author) as Person);
  // As in records (README, "Fields"): CRLF and CR are LF.
  const lf = (text: string) => text.replace(/\r\n?/g, '\n');
  const feedUrl = (values.feedUrl as string | undefined) ?? siteUrl;
  const optional = <T>(key: string) => (values[key] === undefined ? {} : { [key]: values[key] as T });
  const config: Config = {
    title: lf(values.title as string),
    description: lf((values.description as string | undefined) ?? (values.title as string)),
    siteUrl,
    feedUrl: feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`,
    articlePath: (values.articlePath as string | undefined) ?? '/articles/{slug}/',
    language: (values.language as string | undefined) ?? 'en',
    limit: (values.limit as number | undefined) ?? 50,
    utc: (values.utc as boolean | undefined) ?? false,
    unknownFields: (values.unknownFields as UnknownFieldsMode | undefined) ?? 'warn',
    files: { ...DEFAULT_FILES, ...(values.files as Partial<Record<FeedFormat, string>> | undefined) },
    content: (values.content as Config['content'] | undefined) ?? 'full',
    id: (values.id as Config['id'] | undefined) ?? 'tag',
    ...(author ? { author } : {}),
    ...optional<string>('timezone'),
    ...(values.copyright === undefined ? {} : { copyright: lf(values.copyright as string) }),
    ...optional<string>('icon'),
    ...optional<string>('logo'),
    ...optional<string>('hub'),
    ...(values.stylesheet === true ? { stylesheet: STYLESHEET_FILE, stylesheetFile: STYLESHEET_FILE } : optional<string>('stylesheet')),
    ...optional<string>('cacheControl'),
    ...optional<string>('publicDir'),
    ...optional<string>('cacheDir'),
    ...optional<boolean>('precompress'),
    ...optional<boolean>('headers'),
    ...optional<boolean>('sanitize'),
    ...optional<Config['facets']>('facets'),
    ...(values.archive === undefined ? {} : { archive: { pageSize: (values.archive as { pageSize: number }).pageSize } }),
    ...optional<boolean>('ping'),
    ...(values.podcast === undefined ? {} : { podcast: readPodcast(values.podcast as Record<string, unknown>) }),
  };
  if (config.archive !== undefined && config.archive.pageSize > config.limit) {
    report.error('config/invalid', `"archive" has a "pageSize" of ${config.archive.pageSize}, more than "limit" (${config.limit}): the items after the last full page would be on no page and, past the limit, in no feed; make "pageSize" at most "limit"`, keyLine('archive'));
    return { diagnostics };
  }
  if (config.ping && config.hub === undefined) {
    report.error('config/invalid', '"ping" needs a "hub": the WebSub hub to tell when a feed changed', keyLine('ping'));
    return { diagnostics };
  }
  // Every file the build writes needs a name of its own: a feed named "feed.xsl" or "_headers" would be overwritten.
  const feeds = Object.values(config.files);
  const beside = [
    ...(config.stylesheetFile ? [config.stylesheetFile] : []),
    ...(config.headers ? ['_headers'] : []),
    ...(config.precompress ? feeds.flatMap((name) => [`${name}.gz`, `${name}.br`]) : []),
  ];
  const all = [...feeds, ...beside];
  const twice = all.find((name, i) => all.indexOf(name) !== i);
  if (twice !== undefined) {
    report.error('config/invalid', `two of the files the build writes would be named "${twice}" (${all.join(', ')}); give each feed in "files" its own name`, keyLine('files'));
    return { diagnostics };
  }
  return { config, diagnostics };
}

/** The characters XML 1.0 forbids in a config value (a string, or the strings of an object), as "U+0000". */
function forbiddenIn(value: unknown): string[] {
  const strings = typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).filter((v) => typeof v === 'string') : [];
  const found = new Set<string>();
  for (const text of strings) {
    for (const [ch] of text.matchAll(new RegExp(XML_FORBIDDEN.source, 'g'))) found.add(codePointName(ch.charCodeAt(0)));
  }
  return [...found];
}

/** The config's author, read as a record's is: a name is one line, with single spaces. */
function readAuthor(value: unknown): Person | string {
  const person = readPerson(typeof value === 'string' ? value.replace(/\s+/g, ' ') : value);
  return typeof person === 'string' ? person : { ...person, name: person.name.replace(/\s+/g, ' ') };
}

const PODCAST_KEYS = ['image', 'categories', 'explicit', 'author', 'owner', 'type', 'locked', 'guid', 'funding'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What is wrong with the config's `podcast`, if anything (docs/podcasts.md). */
function podcastProblem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be an object such as {"image": "https://example.com/show.jpg", "categories": ["News/Daily News"], "explicit": false}';
  const p = v as Record<string, unknown>;
  const other = Object.keys(p).find((k) => !PODCAST_KEYS.includes(k));
  if (other !== undefined) return `has a key "${other}"; its keys are ${PODCAST_KEYS.join(', ')}`;
  const artwork = 'needs an "image": the show\'s artwork, an absolute URL of a JPEG or PNG file, as Apple Podcasts asks';
  if (typeof p.image !== 'string') return artwork;
  const imageProblem = url(p.image);
  if (imageProblem !== undefined) return `${artwork}; its "image" ${imageProblem}`;
  if (!/\.(jpe?g|png)$/i.test(new URL(p.image).pathname)) return artwork;
  if (!Array.isArray(p.categories) || p.categories.length === 0 || !p.categories.every((c) => typeof c === 'string')) return 'needs "categories": a list of Apple Podcasts categories, such as ["News/Daily News", "Technology"]';
  const unknown = (p.categories as string[]).find((c) => appleCategory(c) === undefined);
  if (unknown !== undefined) return `has the category "${unknown}", which is not on Apple Podcasts' list (docs/podcasts.md); write one such as "News" or "News/Daily News"`;
  if (typeof p.explicit !== 'boolean') return 'needs "explicit": true or false, as Apple Podcasts asks';
  if (p.author !== undefined && (typeof p.author !== 'string' || p.author.trim() === '')) return '"author" must be non-empty text';
  const owner = p.owner as Record<string, unknown> | undefined;
  if (owner !== undefined && (typeof owner !== 'object' || owner === null || typeof owner.name !== 'string' || typeof owner.email !== 'string' || !isEmail(owner.email) || Object.keys(owner).length !== 2)) return '"owner" must be {"name": …, "email": …} with an email address';
  if (p.type !== undefined && p.type !== 'episodic' && p.type !== 'serial') return '"type" must be "episodic" (the newest first) or "serial" (in order)';
  if (p.locked !== undefined && typeof p.locked !== 'boolean') return '"locked" must be true or false';
  if (p.locked === true && owner === undefined) return '"locked" needs an "owner": podcast:locked names the owner\'s email';
  if (p.guid !== undefined && (typeof p.guid !== 'string' || !UUID.test(p.guid))) return '"guid" must be a UUID, such as "917393e3-1b1e-5cef-ace4-edaa54e1f810"';
  const funding = p.funding as Record<string, unknown> | undefined;
  if (funding !== undefined && (typeof funding !== 'object' || funding === null || typeof funding.url !== 'string' || url(funding.url) !== undefined || !funding.url.startsWith('https:') || typeof funding.text !== 'string' || Object.keys(funding).length !== 2)) return '"funding" must be {"url": an absolute https URL, as Podcast Index asks, "text": what it says}';
  return undefined;
}

/** The config's `podcast`, once `podcastProblem` found nothing wrong with it. */
function readPodcast(p: Record<string, unknown>): PodcastConfig {
  const owner = p.owner as { name: string; email: string } | undefined;
  const funding = p.funding as { url: string; text: string } | undefined;
  return {
    image: p.image as string,
    // A category given twice is one category.
    categories: [...new Set(p.categories as string[])].map((c) => appleCategory(c)!),
    explicit: p.explicit as boolean,
    type: (p.type as PodcastConfig['type'] | undefined) ?? 'episodic',
    ...(p.author === undefined ? {} : { author: (p.author as string).trim() }),
    ...(owner === undefined ? {} : { owner: { name: owner.name.trim(), email: owner.email } }),
    ...(p.locked === undefined ? {} : { locked: p.locked as boolean }),
    ...(p.guid === undefined ? {} : { guid: (p.guid as string).toLowerCase() }),
    ...(funding === undefined ? {} : { funding: { url: funding.url, text: funding.text.trim() } }),
  };
}

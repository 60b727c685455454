import type { CheckedFormat, FeedFormat } from './types.js';

/** Namespaces and identifiers the feed specifications define, in one place. */

/** RFC 4287, section 2. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** RSS 1.0 (RDF Site Summary): its own elements, and RDF's, which its root and its list of items are. */
export const RSS1_NS = 'http://purl.org/rss/1.0/';
export const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/** RSS 1.0 Content module, for `content:encoded`. */
export const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
/** Dublin Core elements, for `dc:creator` and `dc:rights`. */
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
/** Apple's podcast tags, and the Podcasting 2.0 namespace's (docs/podcasts.md). */
export const ITUNES_NS = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
export const PODCAST_NS = 'https://podcastindex.org/namespace/1.0';
/** Media RSS, for an item's photo with its caption and credit. */
export const MEDIA_NS = 'http://search.yahoo.com/mrss/';
/** RFC 5005, Feed Paging and Archiving: `fh:archive` marks an archive page. */
export const FH_NS = 'http://purl.org/syndication/history/1.0';
/** JSON Feed 1.1, `version`. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
export const JSON_FEED_VERSION_1_0 = 'https://jsonfeed.org/version/1';
/** XHTML, for Atom `type="xhtml"` content (RFC 4287, section 3.1.1.3). */
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** The namespace the `xml:` prefix is bound to (Namespaces in XML 1.0, section 3). */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The media type each format is served as (docs/formats.md). */
export const MEDIA_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

export const FORMAT_NAMES: Readonly<Record<CheckedFormat, string>> = {
  rss: 'RSS 2.0',
  atom: 'Atom 1.0',
  json: 'JSON Feed 1.1',
  rdf: 'RSS 1.0',
};

export const GENERATOR = { name: 'feedwright', uri: 'https://www.npmjs.com/package/feedwright' } as const;

/**
 * Characters XML 1.0 forbids (its Char production): C0 controls other than
 * tab, LF and CR; U+FFFE and U+FFFF; surrogates that are not in a pair.
 */
export const XML_FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The characters XML forbids that valid UTF-8 can decode to (all but lone surrogates). */
export const XML_CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/**
 * Whether text may hold a character XML forbids: a quick look (a plain
 * character class, and the engine's own test for lone surrogates) that
 * long text passes fast; only text it flags needs XML_FORBIDDEN.
 */
export const mayHoldForbidden = (text: string): boolean => XML_CONTROL.test(text) || !text.isWellFormed();

/** A character as messages name it: `U+0007`. */
export const codePointName = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

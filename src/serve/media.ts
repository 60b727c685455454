import { extname } from 'node:path';
import { MEDIA_TYPES } from '../formats.js';
import type { FeedFormat } from '../model/types.js';

/** What an output folder holds, by file name: the feeds and feedwright's own stylesheet. */
export interface OutputNames {
  readonly files: Readonly<Record<FeedFormat, string>>;
  readonly stylesheetFile?: string;
}

export interface MediaType {
  /** The full `Content-Type` value, with `charset=utf-8` for text. */
  readonly contentType: string;
  /** Set for a feed file. */
  readonly format?: FeedFormat;
  /** Worth compressing: text. */
  readonly compressible: boolean;
}

/** What browsers and XSLT processors expect for a stylesheet (`type="text/xsl"` in the instruction). */
export const STYLESHEET_TYPE = 'text/xsl';

/**
 * For a browser that asks for a page. Chromium shows a document served as
 * `application/rss+xml` or `application/atom+xml` as plain text and never
 * applies its stylesheet; as `application/xml` it does.
 */
export const BROWSER_XML_TYPE = 'application/xml';

const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.xsl': STYLESHEET_TYPE,
  '.html': 'text/html',
  '.txt': 'text/plain',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/vnd.microsoft.icon',
  '.gz': 'application/gzip',
};

const isText = (type: string) => type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('+json') || type === 'application/xml' || type === 'application/json';

export const withCharset = (type: string): string => (isText(type) ? `${type}; charset=utf-8` : type);

/** The feed format a file of the output folder carries, if any. */
export function formatOf(name: string, names: OutputNames): FeedFormat | undefined {
  return (Object.keys(names.files) as FeedFormat[]).find((format) => names.files[format] === name);
}

/** The media type of a file of the output folder: feeds by their configured names, the rest by extension. */
export function mediaTypeOf(name: string, names: OutputNames): MediaType {
  const format = formatOf(name, names);
  const type = format ? MEDIA_TYPES[format] : name === names.stylesheetFile ? STYLESHEET_TYPE : (BY_EXTENSION[extname(name).toLowerCase()] ?? 'application/octet-stream');
  return { contentType: withCharset(type), ...(format ? { format } : {}), compressible: isText(type) };
}

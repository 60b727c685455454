import { extname } from 'node:path';
import mime from 'mime';
import { MEDIA_TYPES } from './formats.js';
import type { FeedFormat } from './types.js';

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


const isText = (type: string) => type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('+json') || type === 'application/xml' || type === 'application/json';

export const withCharset = (type: string): string => (isText(type) ? `${type}; charset=utf-8` : type);

/** The feed format a file of the output folder carries, if any. */
export function formatOf(name: string, names: OutputNames): FeedFormat | undefined {
  // A facet's feed or an archive page is in a folder of its own, under the same name (docs/feed-set.md).
  const base = name.slice(name.lastIndexOf('/') + 1);
  return (Object.keys(names.files) as FeedFormat[]).find((format) => names.files[format] === base);
}

/** The media type of a file of the output folder: feeds by their configured names, the rest by extension. */
export function mediaTypeOf(name: string, names: OutputNames): MediaType {
  const format = formatOf(name, names);
  const type = format ? MEDIA_TYPES[format] : name === names.stylesheetFile || extname(name).toLowerCase() === '.xsl' ? STYLESHEET_TYPE : (mime.getType(name) ?? 'application/octet-stream');
  return { contentType: withCharset(type), ...(format ? { format } : {}), compressible: isText(type) };
}

import { ARCHIVE_CACHE_CONTROL, DEFAULT_CACHE_CONTROL } from '../config/config.js';
import { mediaTypeOf, type OutputNames } from '../vocabulary/output-media.js';

/** The file name Netlify and Cloudflare Pages read response headers from, at the root of the published folder. */
export const HEADERS_FILE = '_headers';

export interface HeadersFileOptions extends OutputNames {
  /** The URL of the folder the feeds are served from: its path prefixes every rule. */
  readonly feedUrl: string;
  readonly cacheControl?: string;
  /** The folders of the set's heads under it ("" for the main feed), and whether each has archive pages (docs/feed-set.md). */
  readonly folders?: readonly string[];
  readonly archives?: boolean;
}

/**
 * A `_headers` file: for each feed (and the stylesheet), a URL path and the
 * `Content-Type` and `Cache-Control` it is to be served with. Hosts that
 * read one: Netlify and Cloudflare Pages (the same syntax for both).
 */
export function render(options: HeadersFileOptions): string {
  const base = new URL(options.feedUrl).pathname.replace(/\/*$/, '/');
  const folders = options.folders ?? [''];
  const path = (folder: string) => base + folder.split('/').map(encodeURIComponent).join('/');
  const lines = ['# Response headers for the feeds, written by feedwright; read by Netlify and Cloudflare Pages.'];
  const rule = (at: string, contentType: string | undefined, cacheControl: string) => {
    lines.push(at);
    if (contentType !== undefined) lines.push(`  Content-Type: ${contentType}`);
    lines.push(`  Cache-Control: ${cacheControl}`);
    lines.push('  X-Content-Type-Options: nosniff');
  };
  for (const folder of folders) {
    for (const name of Object.values(options.files)) rule(path(folder) + encodeURIComponent(name), mediaTypeOf(name, options).contentType, options.cacheControl ?? DEFAULT_CACHE_CONTROL);
  }
  if (options.stylesheetFile) rule(base + encodeURIComponent(options.stylesheetFile), mediaTypeOf(options.stylesheetFile, options).contentType, options.cacheControl ?? DEFAULT_CACHE_CONTROL);
  // Archive pages: many, and each the same forever. Their media types are their extensions'.
  if (options.archives) for (const folder of folders) rule(`${path(folder)}archive/*`, undefined, ARCHIVE_CACHE_CONTROL);
  return lines.join('\n') + '\n';
}

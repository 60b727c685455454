import { DEFAULT_CACHE_CONTROL } from '../config/config.js';
import { mediaTypeOf, type OutputNames } from '../vocabulary/output-media.js';

/** The file name Netlify and Cloudflare Pages read response headers from, at the root of the published folder. */
export const HEADERS_FILE = '_headers';

export interface HeadersFileOptions extends OutputNames {
  /** The URL of the folder the feeds are served from: its path prefixes every rule. */
  readonly feedUrl: string;
  readonly cacheControl?: string;
}

/**
 * A `_headers` file: for each feed (and the stylesheet), a URL path and the
 * `Content-Type` and `Cache-Control` it is to be served with. Hosts that
 * read one: Netlify and Cloudflare Pages (the same syntax for both).
 */
export function render(options: HeadersFileOptions): string {
  const base = new URL(options.feedUrl).pathname.replace(/\/*$/, '/');
  const names = [...Object.values(options.files), ...(options.stylesheetFile ? [options.stylesheetFile] : [])];
  const lines = ['# Response headers for the feeds, written by feedwright; read by Netlify and Cloudflare Pages.'];
  for (const name of names) {
    lines.push(base + encodeURIComponent(name));
    lines.push(`  Content-Type: ${mediaTypeOf(name, options).contentType}`);
    lines.push(`  Cache-Control: ${options.cacheControl ?? DEFAULT_CACHE_CONTROL}`);
    lines.push('  X-Content-Type-Options: nosniff');
  }
  return lines.join('\n') + '\n';
}

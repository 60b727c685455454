import type { DateTime } from 'luxon';
import { SCHEME } from '../vocabulary/values.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The path of an article under the site: `articlePath` with its slug (made
 * URL-safe) and the year, month and day it was published, in the config's
 * `timezone` when it has one, else in the offset its author wrote — the day
 * Jekyll and Hugo put in the URLs they make (docs/config.md, articlePath).
 */
export function articlePath(pattern: string, slug: string, published: DateTime, timezone: string | undefined): string {
  const day = timezone === undefined ? published : published.setZone(timezone);
  const values: Readonly<Record<string, string>> = { slug, year: String(day.year).padStart(4, '0'), month: pad2(day.month), day: pad2(day.day) };
  return pattern.replace(/\{(slug|year|month|day)\}/g, (_, name: string) => values[name]!);
}

/**
 * A URL or path as a record gives it (docs/records.md), made absolute: a URL
 * with a scheme as written; a root-relative path (`/img/a.png`, Jekyll's
 * `permalink`, Hugo's `url`) under `siteUrl`, as `articlePath` is, since
 * those tools put their paths under the site's base URL; any other path
 * against `relativeTo` (the site, or a page bundle's own link: see
 * place.ts). Undefined when it makes no URL.
 */
export function resolveUrl(value: string, siteBase: string, relativeTo: string): string | undefined {
  if (SCHEME.test(value)) return value;
  try {
    if (value.startsWith('//')) return new URL(value, siteBase).href;
    return new URL(value.startsWith('/') ? siteBase + value : value, relativeTo).href;
  } catch {
    return undefined;
  }
}

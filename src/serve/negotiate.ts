import type { IncomingHttpHeaders } from 'node:http';

/** How a response body is encoded (RFC 9110, section 8.4.1). */
export type Encoding = 'br' | 'gzip' | 'identity';

/** `Accept` and `Accept-Encoding` as a map from each listed value to its quality (RFC 9110, section 12.4.2). */
export function qualities(header: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [value, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!value) continue;
    const q = params.find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    out.set(value, Number.isFinite(quality) ? Math.min(Math.max(quality, 0), 1) : 0);
  }
  return out;
}

/** The best encoding the client accepts: brotli, then gzip, by quality; identity when it lists neither. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const q = qualities(acceptEncoding);
  const of = (coding: 'br' | 'gzip') => q.get(coding) ?? q.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).reduce<'br' | 'gzip' | undefined>((chosen, coding) => (of(coding) > 0 && (chosen === undefined || of(coding) > of(chosen)) ? coding : chosen), undefined);
  return best ?? 'identity';
}

/**
 * A browser asking for a page: `Accept` lists `text/html` and not the feed's
 * own media type. Feed readers list the feed types, or nothing, or a wildcard.
 */
export function wantsPage(accept: string | undefined, feedType: string): boolean {
  const q = qualities(accept);
  return (q.get('text/html') ?? 0) > 0 && !q.has(feedType);
}

/**
 * Whether the client's copy is current (RFC 9110, section 13.2.2):
 * `If-None-Match` when sent (weak comparison, `*` included), otherwise
 * `If-Modified-Since` against the file's time, to the second.
 */
export function notModified(headers: IncomingHttpHeaders, etag: string, mtimeMs: number): boolean {
  const match = headers['if-none-match'];
  if (match !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return match.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
  }
  const since = headers['if-modified-since'];
  if (since === undefined) return false;
  const time = Date.parse(since);
  return Number.isFinite(time) && Math.floor(mtimeMs / 1000) * 1000 <= time;
}

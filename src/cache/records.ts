import { instantIn } from '../dates/parse.js';
import type { ArticleRecord } from '../vocabulary/record.js';

/**
 * A record as the memo keeps it: plain data, its dates as an instant and the
 * name of the zone it was written in, its content as it was read (a Markdown
 * body rendered). See docs/caching.md.
 */
export type KeptRecord = Omit<ArticleRecord, 'published' | 'updated' | 'contentHtml'> & {
  readonly published?: KeptDate;
  readonly updated?: KeptDate;
  readonly contentHtml?: string;
};

interface KeptDate {
  readonly millis: number;
  readonly zone: string;
}

/** A record to keep: every field copied by name (a Markdown body renders here, once). */
export function keep(record: ArticleRecord): KeptRecord {
  const { published, updated, contentHtml, ...rest } = record;
  return {
    ...rest,
    ...(published === undefined ? {} : { published: { millis: published.toMillis(), zone: published.zoneName ?? 'UTC' } }),
    ...(updated === undefined ? {} : { updated: { millis: updated.toMillis(), zone: updated.zoneName ?? 'UTC' } }),
    ...(contentHtml === undefined ? {} : { contentHtml }),
  };
}

/** A kept record as the record it was; undefined when it is not of the shape `keep` makes (the file is read again). */
export function revive(kept: unknown): ArticleRecord | undefined {
  const k = kept as KeptRecord;
  if (typeof k !== 'object' || k === null || typeof k.slug !== 'string' || typeof k.source?.file !== 'string' || typeof k.lines !== 'object') return undefined;
  const date = (d: KeptDate | undefined) => (d === undefined ? undefined : typeof d.millis === 'number' && typeof d.zone === 'string' ? instantIn(d.millis, d.zone) : null);
  const published = date(k.published);
  const updated = date(k.updated);
  if (published === null || updated === null || published?.isValid === false || updated?.isValid === false) return undefined;
  return { ...k, ...(published === undefined ? {} : { published }), ...(updated === undefined ? {} : { updated }) } as ArticleRecord;
}

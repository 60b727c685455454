import { Info, type DateTime, type Zone } from 'luxon';
import { instantIn } from '../dates/parse.js';
import type { ArticleRecord } from './record.js';

/**
 * A record frozen to be kept as JSON between builds, and revived: the
 * placements keep the records a feed showed this way (see placements.ts).
 */

export type Json = Record<string, unknown>;

/** A record without its content, its dates as [epoch ms, zone name, offset in minutes], its line as `sourceLine`. */
export function freezeRecord(record: ArticleRecord): Json {
  // Picked field by field: spreading the record would render a lazy Markdown body.
  const frozen: Json = {};
  for (const key of Object.keys(record) as (keyof ArticleRecord)[]) {
    if (key !== 'contentHtml' && key !== 'source' && key !== 'published' && key !== 'updated') frozen[key] = record[key];
  }
  const { source, published, updated } = record;
  if (source.line !== undefined) frozen.sourceLine = source.line;
  if (published) frozen.published = frozenDate(published);
  if (updated) frozen.updated = frozenDate(updated);
  return frozen;
}

// Zones by name, made once: luxon parses a zone name each time it is given one.
const zones = new Map<string, Zone>();
const zoneNamed = (name: string): Zone => {
  let zone = zones.get(name);
  if (zone === undefined) zones.set(name, (zone = Info.normalizeZone(name)));
  return zone;
};

type FrozenDate = readonly [millis: number, zone: string, offset: number];

const frozenDate = (date: DateTime): FrozenDate => [date.toMillis(), date.zone.name, date.offset];

/** A frozen date that revives: an instant a DateTime can hold, in a zone luxon knows, with a whole-minute offset. */
function isFrozenDate(value: unknown): value is FrozenDate {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [millis, zone, offset] = value as unknown[];
  return typeof millis === 'number' && Math.abs(millis) <= 8.64e15 && typeof zone === 'string' && zoneNamed(zone).isValid && Number.isInteger(offset);
}

const isList = (value: unknown, item: (x: unknown) => boolean) => value === undefined || (Array.isArray(value) && value.every(item));
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown) => value === undefined || typeof value === 'string';

const TEXT_FIELDS = ['title', 'id', 'link', 'summary', 'image', 'language', 'rights'] as const;

/** A frozen record of the shape this version writes; anything else is never trusted. */
function wellShaped(data: Json): boolean {
  return (
    typeof data.slug === 'string' &&
    isObject(data.lines) &&
    TEXT_FIELDS.every((key) => isText(data[key])) &&
    (data.draft === undefined || typeof data.draft === 'boolean') &&
    (data.published === undefined || isFrozenDate(data.published)) &&
    (data.updated === undefined || isFrozenDate(data.updated)) &&
    isList(data.tags, (t) => typeof t === 'string') &&
    isList(data.authors, (a) => isObject(a) && typeof a.name === 'string') &&
    isList(data.attachments, (a) => isObject(a) && typeof a.url === 'string') &&
    isList(data.captions, isObject)
  );
}

/** A frozen record of the shape this version writes, as a record of `file` with `content`; anything else throws. */
export function reviveRecord(data: Json, file: string, content: string): ArticleRecord {
  if (!isObject(data) || !wellShaped(data)) throw new Error('a kept record is not of the shape this version writes');
  const { sourceLine, published, updated, ...fields } = data;
  return {
    ...fields,
    source: typeof sourceLine === 'number' ? { file, line: sourceLine } : { file },
    ...(published === undefined ? {} : { published: thawed(published as FrozenDate) }),
    ...(updated === undefined ? {} : { updated: thawed(updated as FrozenDate) }),
    contentHtml: content,
  } as unknown as ArticleRecord;
}

const thawed = (date: FrozenDate): DateTime => instantIn(date[0], zoneNamed(date[1]));

import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import { MONTHS, offsetText } from './format.js';

/** A date read from text: the instant and the zone its author wrote, or why it is not one. */
export type DateResult =
  | { readonly ok: true; readonly value: DateTime }
  | { readonly ok: false; readonly reason: string };

interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

type ZoneResult = { readonly ok: true; readonly zone: Zone } | { readonly ok: false; readonly reason: string };

const HOW_TO_ZONE = 'write an offset such as "GMT+8" or "+08:00", or an IANA zone such as "Asia/Shanghai", after it; or set "timezone" in feedwright.config.json';

// The forms of docs/dates.md, each anchored; the zone part is read separately.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const DATELINE = /^(\d{4})\.(\d{1,2})\.(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s+(\S.*))?$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s+(\S.*))?$/;
const RFC822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d+\s+\d{1,2}:\d{2}/;
const RFC822_YEAR = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+(\d+)\s/;
// "Jul 22 2022", "July 22, 2022": a day without a time, as Astro's blog starter writes "pubDate".
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;
const NAMED_OFFSET = /^(?:GMT|UTC|UT)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;
const NUMERIC_OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/**
 * Reads a date in any form of docs/dates.md. `defaultZone` (an IANA name) is
 * used only for a date written without a zone.
 */
export function parseDate(input: string, defaultZone?: string): DateResult {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return fail('the date is empty');

  let m = RFC3339.exec(text);
  if (m) {
    const wall = wallFrom(m, 1);
    const zoneText = m[8];
    return resolve(text, wall, zoneText === undefined ? undefined : zoneText.toUpperCase() === 'Z' ? 'UTC' : zoneText, defaultZone);
  }
  m = DATELINE.exec(text) ?? LOCAL.exec(text);
  if (m) return resolve(text, wallFrom(m, 1), m[7], defaultZone);
  if (RFC822.test(text)) return parseRfc822(text);
  m = MONTH_DAY_YEAR.exec(text);
  const month = m ? monthNumber(m[1]!) : undefined;
  if (m && month !== undefined) return resolve(text, { year: Number(m[3]), month, day: Number(m[2]), hour: 0, minute: 0, second: 0 }, undefined, defaultZone);
  return fail(
    `"${text}" is not a date feedwright reads; write it as "2024-05-16T11:55:00+08:00", "2024.05.16 11:55 GMT+8", ` +
      '"Thu, 16 May 2024 11:55:00 +0800" or "2024-05-16 11:55 Asia/Shanghai"',
  );
}

/** 1 to 12 for an English month name or its first three letters (and "Sept"), any case. */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month.toLowerCase() === lower.slice(0, 3));
  if (index < 0) return undefined;
  const full = instantIn(Date.UTC(2000, index, 1), 'utc').toFormat('LLLL').toLowerCase();
  return lower.length === 3 || full === lower || lower === 'sept' ? index + 1 : undefined;
}

function wallFrom(m: RegExpExecArray, at: number): WallTime {
  const n = (i: number) => (m[at + i] === undefined ? 0 : Number(m[at + i]));
  return { year: n(0), month: n(1), day: n(2), hour: n(3), minute: n(4), second: n(5) };
}

function resolve(text: string, wall: WallTime, zoneText: string | undefined, defaultZone: string | undefined): DateResult {
  const impossible = checkWall(text, wall);
  if (impossible) return fail(impossible);
  if (zoneText === undefined) {
    if (defaultZone === undefined) return fail(`"${text}" has no time zone; ${HOW_TO_ZONE}`);
    const zone = readZone(defaultZone);
    if (!zone.ok) return fail(`the configured "timezone" is unusable: ${zone.reason}`);
    return inZone(text, wall, zone.zone);
  }
  const zone = readZone(zoneText);
  if (!zone.ok) return fail(`"${text}": ${zone.reason}`);
  return inZone(text, wall, zone.zone);
}

/** Reads the zone part of a date: GMT/UTC offsets as a newsroom means them, numeric offsets, or an IANA name. */
export function readZone(text: string): ZoneResult {
  const named = NAMED_OFFSET.exec(text);
  if (named) {
    // "GMT+8" is eight hours ahead of UTC, as wire services write it: the
    // opposite sign of POSIX TZ strings and of IANA's "Etc/GMT+8".
    if (named[1] === undefined) return { ok: true, zone: FixedOffsetZone.utcInstance };
    return offsetZone(named[1], Number(named[2]), Number(named[3] ?? '0'), text);
  }
  const numeric = NUMERIC_OFFSET.exec(text);
  if (numeric) return offsetZone(numeric[1]!, Number(numeric[2]), Number(numeric[3]), text);
  // Only Area/Location names: the old abbreviations the database still knows
  // ("CST", "IST", "BST") mean different offsets in different newsrooms.
  if (text.includes('/') && IANAZone.isValidZone(text)) return { ok: true, zone: IANAZone.create(text) };
  if (IANAZone.isValidZone(text)) {
    return { ok: false, reason: `"${text}" is an abbreviation that means different offsets in different places; write the offset ("GMT+8", "-05:00") or an IANA name such as "America/Chicago"` };
  }
  return { ok: false, reason: `"${text}" is not a time zone; ${HOW_TO_ZONE.replace(', after it;', ';')}` };
}

/** Whether an IANA name (Area/Location, or UTC) is one feedwright accepts, for the config's `timezone`. */
export const isZoneName = (name: string): boolean => name === 'UTC' || (name.includes('/') && IANAZone.isValidZone(name));

function offsetZone(sign: string, hours: number, minutes: number, text: string): ZoneResult {
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) {
    return { ok: false, reason: `the offset "${text}" is out of range; offsets run from -14:00 to +14:00, with minutes under 60` };
  }
  const total = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  return { ok: true, zone: FixedOffsetZone.instance(total) };
}

const UNITS: readonly (keyof WallTime)[] = ['month', 'day', 'hour', 'minute', 'second'];
const LIMITS: Readonly<Record<string, number>> = { month: 12, hour: 23, minute: 59, second: 59 };

function checkWall(text: string, wall: WallTime): string | undefined {
  if (wall.year < 1) return `"${text}" has year 0, which no calendar has`;
  for (const unit of UNITS) {
    const value = wall[unit];
    const max = unit === 'day' ? daysIn(wall.year, wall.month) : LIMITS[unit]!;
    const min = unit === 'month' || unit === 'day' ? 1 : 0;
    if (value < min || value > max) {
      const where = unit === 'day' ? ` (${monthName(wall.month)} ${wall.year} has ${max} days)` : ` (it runs from ${min} to ${max})`;
      return `"${text}" is not a real date: ${unit} ${value} is out of range${where}`;
    }
  }
  return undefined;
}

/**
 * The DateTime of an instant in a zone. Its locale is set, not the system's:
 * no feed date depends on a locale, and asking Intl for the system's costs a
 * process about 25 ms the first time.
 */
export const instantIn = (millis: number, zone: Zone | string): DateTime => DateTime.fromMillis(millis, { zone, locale: 'en-US' });

function daysIn(year: number, month: number): number {
  if (month < 1 || month > 12) return 31;
  return new Date(utcMillis(year, month, 0)).getUTCDate();
}

/** Date.UTC, for every year: Date.UTC reads years 0 to 99 as 1900 to 1999, and so published the year 0050 as 1950. */
function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

function monthName(month: number): string {
  return instantIn(Date.UTC(2000, month - 1, 1), 'utc').toFormat('LLLL');
}

/**
 * Places a wall-clock time in a zone. In a zone with daylight saving a wall
 * time can be missing (a gap) or happen twice (an overlap); both are errors,
 * since guessing moves the instant by an hour.
 */
function inZone(text: string, wall: WallTime, zone: Zone): DateResult {
  const asUtc = utcMillis(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (zone.isUniversal) return ok(instantIn(asUtc - zone.offset(asUtc) * 60_000, zone));
  const DAY = 86_400_000;
  const offsets = new Set([zone.offset(asUtc - DAY), zone.offset(asUtc), zone.offset(asUtc + DAY)]);
  const candidates: DateTime[] = [];
  for (const offset of offsets) {
    const instant = asUtc - offset * 60_000;
    if (zone.offset(instant) === offset) candidates.push(instantIn(instant, zone));
  }
  candidates.sort((a, b) => a.toMillis() - b.toMillis());
  // Before standard time, zones kept local mean time: offsets such as +08:05:43, which no feed format can write.
  if (candidates.some((c) => !Number.isInteger(c.offset))) {
    return fail(`"${text}" is before ${zone.name} kept standard time, when its offset was not a whole number of minutes; write the offset you mean, e.g. "+08:00"`);
  }
  if (candidates.length === 1) return ok(candidates[0]!);
  if (candidates.length === 0) {
    const before = offsetText(zone.offset(asUtc - DAY));
    const after = offsetText(zone.offset(asUtc + DAY));
    return fail(
      `"${text}" does not exist: it falls in the daylight-saving gap of ${zone.name} on that day, when clocks jump from ${before} to ${after}; ` +
        'write a time outside the gap, or give the offset you meant',
    );
  }
  const both = candidates.map((c) => `${c.toISO({ suppressMilliseconds: true })}`).join(' and ');
  return fail(
    `"${text}" happens twice in ${zone.name} (clocks go back that day): it could be ${both}; write the offset you meant, e.g. "${candidates[0]!.toISO({ suppressMilliseconds: true })}"`,
  );
}

function parseRfc822(text: string): DateResult {
  const year = RFC822_YEAR.exec(text)?.[1];
  if (year !== undefined && year.length !== 4) {
    return fail(`"${text}" has a ${year.length}-digit year; write the year with four digits`);
  }
  // Luxon rejects the RFC 822 zone "UT", which means GMT.
  // Luxon takes any four digits as an offset: check them as every other form's offsets are.
  const offset = /([+-])(\d{2})(\d{2})$/.exec(text);
  if (offset) {
    const zone = offsetZone(offset[1]!, Number(offset[2]), Number(offset[3]), offset[0]);
    if (!zone.ok) return fail(`"${text}": ${zone.reason}`);
  }
  const value = DateTime.fromRFC2822(text.replace(/ UT$/, ' GMT'), { setZone: true, locale: 'en-US' });
  if (value.isValid) return ok(value);
  const why = value.invalidExplanation ?? 'it is not an RFC 822 date';
  if (why.includes('weekday')) return fail(`"${text}" names the wrong weekday for its date; correct the weekday or leave it out`);
  if (why.includes('invalid')) return fail(`"${text}" is not a real date: ${why.replace(/^you specified /, '')}`);
  return fail(`"${text}" is not an RFC 822 date; write it as "Thu, 16 May 2024 11:55:00 +0800"`);
}


// Feeds carry whole seconds: fractional seconds are dropped on reading.
function ok(value: DateTime): DateResult {
  return { ok: true, value: value.millisecond === 0 ? value : value.set({ millisecond: 0 }) };
}

function fail(reason: string): DateResult {
  return { ok: false, reason };
}

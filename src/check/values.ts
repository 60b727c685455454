import { isEmail, SCHEME, type Checked } from '../vocabulary/values.js';

export { checkIri, checkUrl, type Checked } from '../vocabulary/values.js';
import { MONTHS } from '../dates/format.js';

/**
 * Readers for the values feed specifications constrain, written for
 * checking: each says whether a value is valid and, when it is not, why.
 * They take text as any publisher wrote it, so they are stricter and more
 * exact than the lenient readers feedwright uses for its own input.
 */


export interface DateValue {
  /** Milliseconds since the epoch. */
  readonly instant: number;
  /** The offset written, in minutes east of UTC. */
  readonly offset: number;
  /** Forms a reader may misread though the date is valid (two-digit year, military zone...). */
  readonly problems: readonly string[];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const NAMED_ZONES: Readonly<Record<string, number>> = { UT: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

// RFC 822 section 5 with the RFC 1123 four-digit year, as the W3C validator
// reads it: case-sensitive names, optional weekday and seconds.
const RFC822 =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s*,\s*)?(\d\d?)\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4}|\d{2})\s+(\d\d):(\d\d)(?::(\d\d))?\s+([+-]?\d{4}|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[A-IK-Za-ik-z])$/;

export const RFC822_EXAMPLE = 'Thu, 16 May 2024 11:55:00 +0800';
export const RFC3339_EXAMPLE = '2024-05-16T11:55:00+08:00';

/** An RFC 822 date-time as RSS 2.0 requires for `pubDate` and `lastBuildDate`. */
export function readRfc822(text: string): Checked<DateValue> {
  const problems: string[] = [];
  // RFC 822 allows comments in parentheses anywhere; readers do not.
  const uncommented = text.replace(/\([^()]*\)/g, ' ');
  if (uncommented !== text) problems.push('it holds a comment in parentheses');
  const m = RFC822.exec(uncommented.trim());
  if (!m) return { ok: false, reason: `"${text.trim()}" is not an RFC 822 date` };
  const [, weekday, dayText, monthText, yearText, hourText, minuteText, secondText, zone] = m as unknown as string[];
  let year = Number(yearText);
  if (yearText!.length === 2) {
    // RFC 2822 section 4.3: 00-49 are 2000-2049, 50-99 are 1950-1999.
    year += year < 50 ? 2000 : 1900;
    problems.push(`its year "${yearText}" has two digits, which readers expand to different centuries`);
  }
  const month = MONTHS.indexOf(monthText as (typeof MONTHS)[number]) + 1;
  const day = Number(dayText);
  const [hour, minute, second] = [Number(hourText), Number(minuteText), Number(secondText ?? '0')];
  const impossible = impossibleDate(year, month, day, hour, minute, second);
  if (impossible) return { ok: false, reason: `"${text.trim()}" ${impossible}` };

  let offset: number;
  if (/^[+-]?\d{4}$/.test(zone!)) {
    const sign = zone!.startsWith('-') ? -1 : 1;
    const digits = zone!.replace(/^[+-]/, '');
    const minutes = Number(digits.slice(2));
    if (minutes > 59) return { ok: false, reason: `"${text.trim()}" has the offset "${zone}", whose minutes are over 59` };
    offset = sign * (Number(digits.slice(0, 2)) * 60 + minutes);
    if (!/^[+-]/.test(zone!)) problems.push(`its offset "${zone}" has no sign`);
  } else if (zone! in NAMED_ZONES) {
    offset = NAMED_ZONES[zone!]!;
  } else {
    // RFC 1123 section 5.2.14: the military letters were defined with the wrong sign.
    offset = 0;
    problems.push(`its zone "${zone}" is a military letter, whose sign RFC 822 got backwards`);
  }
  const instant = utc(year, month, day, hour, minute, second) - offset * 60_000;
  if (weekday !== undefined) {
    const actual = DAYS[new Date(utc(year, month, day)).getUTCDay()]!;
    if (actual !== weekday) return { ok: false, reason: `"${text.trim()}" says ${weekday}, but ${day} ${monthText} ${year} is a ${actual}` };
  }
  return { ok: true, value: { instant, offset, problems } };
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * An RFC 3339 date-time. Atom (RFC 4287, section 3.3) also requires an
 * uppercase "T" and "Z"; JSON Feed takes RFC 3339 as it is.
 */
export function readRfc3339(text: string, options: { readonly uppercase?: boolean } = {}): Checked<DateValue> {
  return (options.uppercase && lowercaseIn(text)) || readAnyRfc3339(text);
}

function lowercaseIn(text: string): Checked<DateValue> | undefined {
  if (/[tz]/.test(text) && RFC3339.test(text.trim())) return { ok: false, reason: `"${text.trim()}" has a lowercase "t" or "z", which Atom does not allow` };
  return undefined;
}

function readAnyRfc3339(text: string): Checked<DateValue> {
  const m = RFC3339.exec(text.trim());
  if (!m) return { ok: false, reason: `"${text.trim()}" is not an RFC 3339 date-time` };
  const [, y, mo, d, h, mi, s, fraction, , sign, oh, om] = m as unknown as (string | undefined)[];
  const [year, month, day, hour, minute, second] = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)];
  const impossible = impossibleDate(year, month, day, hour, minute, second);
  if (impossible) return { ok: false, reason: `"${text.trim()}" ${impossible}` };
  if (sign !== undefined && (Number(oh) > 23 || Number(om) > 59)) return { ok: false, reason: `"${text.trim()}" has an offset out of range` };
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  // The first three digits of a fraction, read as digits: a float times 1000 can come out 1 ms low.
  const millis = fraction === undefined ? 0 : Number(`${fraction.slice(1)}00`.slice(0, 3));
  return { ok: true, value: { instant: utc(year, month, day, hour, minute, second, millis) - offset * 60_000, offset, problems: [] } };
}

/**
 * The date readers for one document: several rules, and then the proof's
 * round trip, read the same dates, so the last few readings are kept.
 */
export interface DateReader {
  readonly rfc822: (text: string) => Checked<DateValue>;
  readonly rfc3339: (text: string, options?: { readonly uppercase?: boolean }) => Checked<DateValue>;
}

export function dateReader(): DateReader {
  const rfc3339 = kept(readAnyRfc3339);
  return {
    rfc822: kept(readRfc822),
    rfc3339: (text, options = {}) => (options.uppercase && lowercaseIn(text)) || rfc3339(text),
  };
}

/**
 * A reader that keeps its last few readings: the rules, and then the round
 * trip, read each date of an item one after the other, most often as the very
 * same string, which `===` finds at once. Only a few: a document proven a
 * piece at a time has hundreds of thousands of dates, a map of them all costs
 * a hash of each text, and each kept text may be a slice that keeps its piece
 * of the document alive.
 */
function kept(read: (text: string) => Checked<DateValue>): (text: string) => Checked<DateValue> {
  const texts = new Array<string | undefined>(KEPT).fill(undefined);
  const readings = new Array<Checked<DateValue> | undefined>(KEPT).fill(undefined);
  let next = 0;
  return (text) => {
    // The newest first.
    for (let n = 1; n <= KEPT; n++) {
      const i = (next - n + KEPT) % KEPT;
      if (texts[i] === text) return readings[i]!;
    }
    const reading = read(text);
    texts[next] = text;
    readings[next] = reading;
    next = (next + 1) % KEPT;
    return reading;
  };
}

const KEPT = 8;

/** Date.UTC, but a year under 100 is that year, not 1900 plus it. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millis = 0): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis)).setUTCFullYear(year);
}

const W3CDTF = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2})))?)?)?$/;

/**
 * Why a Dublin Core date is not W3C-DTF, the profile of ISO 8601 it is
 * written in: a year, a month, a day, or a date-time with minutes and an
 * offset ("2024", "2024-05", "2024-05-16", "2024-05-16T11:55+08:00").
 * Undefined when it is one.
 */
export function w3cdtfProblem(text: string): string | undefined {
  const m = W3CDTF.exec(text.trim());
  if (!m) return 'is not a W3C-DTF date: write "2024-05-16" or "2024-05-16T11:55:00+08:00"';
  const [, y, mo, d, h, mi, s, , oh, om] = m;
  const impossible = impossibleDate(Number(y), Number(mo ?? 1), Number(d ?? 1), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  if (impossible) return impossible;
  if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59)) return 'has an offset out of range';
  return undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const daysIn = (year: number, month: number): number =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1]!;

function impossibleDate(year: number, month: number, day: number, hour: number, minute: number, second: number): string | undefined {
  if (month < 1 || month > 12) return `has month ${month}`;
  const days = daysIn(year, month);
  if (day < 1 || day > days) return `has day ${day}, but that month has ${days} days`;
  if (hour > 23) return `has hour ${hour}`;
  if (minute > 59) return `has minute ${minute}`;
  // 60 is a leap second.
  if (second > 60) return `has second ${second}`;
  return undefined;
}

/**
 * The email address in an RSS `author`, `managingEditor` or `webMaster`:
 * `jo@example.com`, `jo@example.com (Jo Doe)` or `Jo Doe <jo@example.com>`.
 */
export function contactEmail(text: string): string | undefined {
  const value = text.trim();
  const m = /^(\S+@\S+?)\s*(?:\(.*\))?$/.exec(value) ?? /^[^<>]*<([^<>\s]+)>$/.exec(value);
  const email = m?.[1];
  return email !== undefined && isEmail(email) ? email : undefined;
}

/**
 * Text that looks like markup or an escaped entity, as the W3C validator
 * finds it in text that must not hold HTML (ContainsHTML): an end tag of an
 * HTML element, or an entity reference that was escaped once too often.
 */
export function markupIn(text: string): string | undefined {
  const tag = /<\/(a|abbr|b|big|blockquote|br|cite|code|dd|del|div|dl|dt|em|font|h[1-6]|i|img|ins|kbd|li|ol|p|pre|q|s|small|span|strike|strong|sub|sup|table|tbody|td|th|tr|tt|u|ul)\s*>/i.exec(text);
  if (tag) return tag[0];
  return /&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.exec(text)?.[0];
}

/** Links and image sources in HTML: what a reader must resolve. */
export function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  // Most content has no attribute at all: "=" is found fast.
  if (!html.includes('=')) return refs;
  const pattern = /<(?:a|img|area|link|source|video|audio|iframe)\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) refs.push(decodeBasic(m[1] ?? m[2] ?? m[3] ?? ''));
  return refs;
}

export const isAbsoluteReference = (ref: string): boolean => SCHEME.test(ref.trim());

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** The references an HTML attribute value may hold, enough to see its scheme. */
function decodeBasic(text: string): string {
  const char = (code: number, ref: string) => (code <= 0x10ffff ? String.fromCodePoint(code) : ref);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|quot|apos|amp);/g, (ref, body: string) =>
    body.startsWith('#x') ? char(parseInt(body.slice(2), 16), ref) : body.startsWith('#') ? char(Number(body.slice(1)), ref) : NAMED[body]!,
  );
}

import fc from 'fast-check';

/**
 * Generators for the property tests, and the documented input
 * normalizations written out a second time, independently of src/, so that
 * the properties check the code instead of repeating it.
 */

/** How many runs each property makes: the issue asks for at least 1,000 in CI. */
export const RUNS = 1000;

/** Pieces of text that have broken feeds in the wild, or that XML and HTML treat specially. */
const HARD_PIECES = [
  ']]>', ']]', ']]]]>', '<![CDATA[', '&amp;', '&#x26;', '&lt;', '&#60;', '&nbsp;', '&', '<', '>', '"', "'", '<b>', '</p>', '<!--', '-->', '<?xml', '?>',
  '\u0000', '\uFFFE', '\uFFFF', '\uFEFF', '\r\n', '\r', '\n', '\t', ' ', '  ', '\u00A0', '\u2028', '\u2029', '\u0085',
  // Bidi controls: embeddings, overrides, isolates and marks.
  '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C',
  '\u200B', '\u200D', '\u0301', 'e\u0301', '😀', '👩‍👩‍👧', '\u{10FFFF}', '\uD83D', '\uDE00', '\uDE00\uD83D', 'GMT+8', 'javascript:', '(', ')', '@',
];

/** Any UTF-16 code unit: lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
/** Any code point above the BMP. */
const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((n) => String.fromCodePoint(n));
/** C0 and C1 controls, and DEL. */
const control = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((n) => String.fromCharCode(n));
const printable = fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n));

const piece = fc.oneof(
  { arbitrary: printable, weight: 6 },
  { arbitrary: fc.constantFrom(...HARD_PIECES), weight: 4 },
  { arbitrary: codeUnit, weight: 2 },
  { arbitrary: astral, weight: 1 },
  { arbitrary: control, weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }), weight: 2 },
);

const short = fc.string({ unit: piece, maxLength: 24 });

/**
 * Any text: mostly short, sometimes very long (tens of thousands of
 * characters), built from the hard pieces above and from any code unit.
 */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: short, weight: 200 },
  { arbitrary: fc.tuple(short, fc.integer({ min: 500, max: 3000 })).map(([s, n]) => (s === '' ? 'x' : s).repeat(Math.ceil(n / Math.max(1, s.length))).slice(0, 60_000)), weight: 1 },
);

/** `anyText` without line breaks of any kind (for one line of a .txt record). */
export const oneLine: fc.Arbitrary<string> = anyText.map((s) => s.replace(/[\r\n]/g, ''));

/** Text with no white space of any kind, for URIs and URL paths. */
export const noSpace: fc.Arbitrary<string> = anyText.map((s) => s.replace(/\s/g, ''));

/** Text a URL or a URI may hold as written: no white space, and none of <>"{}|\^` (those are percent-encoded). */
export const inUrl: fc.Arbitrary<string> = noSpace.map((s) => s.replace(/[<>"{}|\\^`]/g, '').replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));

// ---------------------------------------------------------------------------
// The documented normalizations (README, "Plain-text news records" and "Fields").

/**
 * What feedwright keeps of a text value read from a record: CRLF and CR
 * made LF, then the characters XML 1.0 forbids removed (C0 controls other
 * than tab, LF and CR; U+FFFE and U+FFFF; surrogates not in a pair).
 */
export function kept(text: string): string {
  const lf = text.replace(/\r\n?/g, '\n');
  let out = '';
  for (let i = 0; i < lf.length; i++) {
    const c = lf.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = lf.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += lf[i]! + lf[i + 1]!;
        i++;
      }
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) continue;
    if (c === 0xfffe || c === 0xffff) continue;
    out += lf[i]!;
  }
  return out;
}

/** Whether a value loses characters on the way in (and so must be warned about). */
export const loses = (text: string): boolean => kept(text) !== text.replace(/\r\n?/g, '\n');

/** Titles, tags and names: kept, then every run of white space one space, trimmed. */
export const oneSpaced = (text: string): string => kept(text).replace(/\s+/g, ' ').trim();

/** Text as HTML, the way the XML formats carry a plain-text summary. */
export const asHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---------------------------------------------------------------------------
// Instants and offsets.

/** UTC offsets authors write: every minute from −12:00 to +14:00, the odd ones (+05:45, −09:30, +12:45) often. */
export const offsetMinutes: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -12 * 60, max: 14 * 60 }),
  fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
  fc.constantFrom(0, 345, -570, 330, 525, 765, -210, 840, -720, 480),
);

/** Seconds since the epoch, from 1970-01-01 to 2199-12-31, whole seconds. */
export const epochSeconds: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: Date.UTC(2199, 11, 31, 23, 59, 59) / 1000 }),
  // Near the ends of the range and of the years, where day and year arithmetic goes wrong.
  fc.constantFrom(0, 59, 86_399, Date.UTC(2199, 11, 31, 23, 59, 59) / 1000, Date.UTC(2000, 1, 29, 12) / 1000, Date.UTC(2100, 1, 28, 23, 59, 59) / 1000),
);

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An instant as the wall-clock fields of the given offset. */
export function wallClock(seconds: number, offset: number) {
  const d = new Date((seconds + offset * 60) * 1000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), weekday: d.getUTCDay() };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The written forms of docs/dates.md that carry an offset; `form` picks one. */
export function writeDate(seconds: number, offset: number, form: number): string {
  const w = wallClock(seconds, offset);
  const sign = offset < 0 ? '-' : '+';
  const hh = pad(Math.trunc(offset / 60));
  const mm = pad(offset % 60);
  const date = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
  const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  switch (form % 5) {
    case 0:
      return `${date}T${time}${offset === 0 ? 'Z' : `${sign}${hh}:${mm}`}`;
    case 1:
      return `${date}T${time}${sign}${hh}${mm}`;
    case 2:
      return `${DAYS[w.weekday]}, ${w.day} ${MONTHS[w.month - 1]} ${w.year} ${time} ${sign}${hh}${mm}`;
    case 3:
      return `${w.year}.${pad(w.month)}.${pad(w.day)} ${time} GMT${sign}${hh}:${mm}`;
    default:
      return `${w.year}.${pad(w.month)}.${pad(w.day)} ${time} ${offset % 60 === 0 ? `UTC${sign}${Math.abs(offset / 60)}` : `UTC${sign}${hh}:${mm}`}`;
  }
}

/** A date as it must come back from a feed: the instant, and the offset in minutes. */
export interface Instant {
  readonly seconds: number;
  readonly offset: number;
}

export const instant: fc.Arbitrary<Instant> = fc.record({ seconds: epochSeconds, offset: offsetMinutes });

import type { DateTime } from 'luxon';

// Written by hand rather than with DateTime.toFormat: these run for every
// date of every item of every feed, and the forms are fixed by the RFCs.
// As Date's getUTCDay counts them, from Sunday.
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** An offset in minutes as `+08:00` (RFC 3339) or, with no separator, `+0800` (RFC 822). */
export function offsetText(minutes: number, separator = ':'): string {
  const [sign, hh, mm] = offsetParts(minutes);
  return `${sign}${hh}${separator}${mm}`;
}

function offsetParts(minutes: number): [sign: string, hours: string, minutes: string] {
  const abs = Math.abs(minutes);
  return [minutes < 0 ? '-' : '+', pad2(Math.floor(abs / 60)), pad2(abs % 60)];
}

/** RFC 822 as RSS 2.0 wants it: `Thu, 16 May 2024 11:55:00 +0800`, always a numeric offset and a two-digit day. */
export function rfc822(date: DateTime): string {
  const [sign, hh, mm] = offsetParts(date.offset);
  // The weekday of the date's own day, from its instant moved by its offset: luxon's weekday works out the ISO week first.
  const weekday = new Date(date.toMillis() + date.offset * 60_000).getUTCDay();
  return (
    `${DAYS[weekday]}, ${pad2(date.day)} ${MONTHS[date.month - 1]} ${pad4(date.year)} ` +
    `${pad2(date.hour)}:${pad2(date.minute)}:${pad2(date.second)} ${sign}${hh}${mm}`
  );
}

/** RFC 3339 as Atom and JSON Feed want it: `2024-05-16T11:55:00+08:00`, `Z` for UTC. */
export function rfc3339(date: DateTime): string {
  const [sign, hh, mm] = offsetParts(date.offset);
  const offset = date.offset === 0 ? 'Z' : `${sign}${hh}:${mm}`;
  return `${calendarDate(date)}T${pad2(date.hour)}:${pad2(date.minute)}:${pad2(date.second)}${offset}`;
}

/** The day in the date's own zone, as RFC 3339 writes it: `2024-05-16`. */
export const calendarDate = (date: DateTime): string => `${pad4(date.year)}-${pad2(date.month)}-${pad2(date.day)}`;

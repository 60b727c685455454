import { DateTime } from 'luxon';
import type { DateReader } from './values.js';
import type { FeedView, ItemView } from './view.js';

/** One difference between what the model says and what a document carries. */
export interface Difference {
  /** Where: "feed", or the item's position and id. */
  readonly where: string;
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
}

const show = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value));

/** The feed's own fields; its items are compared one by one (`compareItems`). */
export function compareFeeds(expected: Omit<FeedView<DateTime>, 'items'>, actual: Omit<FeedView<string>, 'items'>, dates: DateReader): Difference[] {
  const out: Difference[] = [];
  compareFields(() => 'feed', expected, actual, out, dates);
  return out;
}

/** Item `index` (from 0), field by field. */
export function compareItems(index: number, expected: ItemView<DateTime>, actual: ItemView<string>, dates: DateReader): Difference[] {
  const out: Difference[] = [];
  compareFields(() => `item ${index + 1} (${expected.id})`, expected, actual, out, dates);
  return out;
}

export const itemCountDifference = (expected: number, actual: number): Difference => ({ where: 'feed', field: 'item count', expected: String(expected), actual: String(actual) });

/** `where` is made only when there is a difference to name: the proof compares every field of every item. */
function compareFields(where: () => string, expected: object, actual: object, out: Difference[], dates: DateReader): void {
  const [want, got] = [expected as unknown as Record<string, unknown>, actual as unknown as Record<string, unknown>];
  for (const field in want) {
    if (field === 'items') continue;
    const value = want[field];
    if (isDateTime(value)) {
      const problem = compareDate(value, got[field], dates);
      if (problem) out.push({ where: where(), field, expected: value.toISO({ suppressMilliseconds: true }) ?? '', actual: `${show(got[field])}${problem}` });
    } else if (!same(value, got[field])) {
      out.push({ where: where(), field, expected: show(value), actual: show(got[field]) });
    }
  }
}

function compareDate(want: DateTime, got: unknown, dates: DateReader): string | undefined {
  if (typeof got !== 'string') return ' (no date)';
  // A document carries RFC 3339 dates (Atom, JSON Feed, atom:updated) or RFC 822 ones (RSS).
  const read = /^\s*\d{4}-/.test(got) ? dates.rfc3339(got) : dates.rfc822(got);
  if (!read.ok) return ` (${read.reason})`;
  if (read.value.instant !== want.toMillis()) return ' (another instant)';
  if (read.value.offset !== want.offset) return ' (another offset)';
  return undefined;
}

const isDateTime = (value: unknown): value is DateTime => DateTime.isDateTime(value);

/** Deep equality where an absent optional field equals an absent one. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  for (const key in x) if (!same(x[key], y[key])) return false;
  for (const key in y) if (!(key in x) && y[key] !== undefined) return false;
  return true;
}

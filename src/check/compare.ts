import type { DateTime } from 'luxon';
import { parseDate } from '../dates/parse.js';
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

/**
 * Compares field by field, every item, the count included. Dates must be
 * the same instant in the same offset.
 */
export function compareViews(expected: FeedView<DateTime>, actual: FeedView<string>): Difference[] {
  const out: Difference[] = [];
  compareFields('feed', expected, actual, out);
  if (expected.items.length !== actual.items.length) {
    out.push({ where: 'feed', field: 'item count', expected: String(expected.items.length), actual: String(actual.items.length) });
  }
  const count = Math.min(expected.items.length, actual.items.length);
  for (let i = 0; i < count; i++) {
    const want = expected.items[i]!;
    compareFields(`item ${i + 1} (${want.id})`, want, actual.items[i]!, out);
  }
  return out;
}

function compareFields(where: string, expected: FeedView<DateTime> | ItemView<DateTime>, actual: FeedView<string> | ItemView<string>, out: Difference[]): void {
  for (const [field, want] of Object.entries(expected)) {
    if (field === 'items') continue;
    const got = (actual as unknown as Record<string, unknown>)[field];
    if (isDateTime(want)) {
      const problem = compareDate(want, got);
      if (problem) out.push({ where, field, expected: want.toISO({ suppressMilliseconds: true }) ?? '', actual: `${show(got)}${problem}` });
    } else if (!same(want, got)) {
      out.push({ where, field, expected: show(want), actual: show(got) });
    }
  }
}

function compareDate(want: DateTime, got: unknown): string | undefined {
  if (typeof got !== 'string') return ' (no date)';
  const read = parseDate(got);
  if (!read.ok) return ` (${read.reason})`;
  if (read.value.toMillis() !== want.toMillis()) return ' (another instant)';
  if (read.value.offset !== want.offset) return ' (another offset)';
  return undefined;
}

const isDateTime = (value: unknown): value is DateTime =>
  typeof value === 'object' && value !== null && 'toMillis' in value && 'offset' in value;

/** Deep equality where an absent optional field equals an absent one. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
    return true;
  }
  return false;
}

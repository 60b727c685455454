import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { rfc3339, rfc822 } from '../../src/dates/format.js';
import { parseDate } from '../../src/dates/parse.js';
import { epochSeconds, instant, RUNS, writeDate } from './arbitraries.js';

describe('parseDate, on any instant written in any offset', () => {
  it('reads every written form of docs/dates.md to the exact instant, keeping the offset', () => {
    fc.assert(
      fc.property(instant, fc.nat(4), ({ seconds, offset }, form) => {
        const text = writeDate(seconds, offset, form);
        const read = parseDate(text);
        expect(read.ok, `${text}: ${read.ok ? '' : read.reason}`).toBe(true);
        if (!read.ok) return;
        expect(read.value.toSeconds()).toBe(seconds);
        expect(read.value.offset).toBe(offset);
      }),
      { numRuns: RUNS },
    );
  });

  it('drops fractional seconds, as feeds carry whole ones', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 999_999 }), ({ seconds, offset }, fraction) => {
        const text = writeDate(seconds, offset, 0).replace(/(\d{2}:\d{2}:\d{2})/, `$1.${String(fraction).padStart(6, '0')}`);
        const read = parseDate(text);
        expect(read.ok && read.value.toMillis()).toBe(seconds * 1000);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('rfc822 and rfc3339, on any instant in any offset', () => {
  it('write what luxon and parseDate both read back to the same instant and offset', () => {
    fc.assert(
      fc.property(instant, ({ seconds, offset }) => {
        const date = DateTime.fromSeconds(seconds, { zone: `UTC${offset === 0 ? '' : `${offset < 0 ? '-' : '+'}${Math.floor(Math.abs(offset) / 60)}:${String(Math.abs(offset) % 60).padStart(2, '0')}`}` });
        expect(date.offset).toBe(offset);
        const rss = rfc822(date);
        const iso = rfc3339(date);
        expect(rss).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
        for (const [text, luxon] of [
          [rss, DateTime.fromRFC2822(rss, { setZone: true })],
          [iso, DateTime.fromISO(iso, { setZone: true })],
        ] as const) {
          expect(luxon.toSeconds(), text).toBe(seconds);
          expect(luxon.offset, text).toBe(offset);
          const again = parseDate(text);
          expect(again.ok && again.value.toSeconds()).toBe(seconds);
          expect(again.ok && again.value.offset).toBe(offset);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// Zones with odd offsets, 30-minute daylight saving, skipped days, and rule changes over the years.
const ZONES = [
  'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns',
  'Pacific/Chatham', 'Pacific/Apia', 'America/Sao_Paulo', 'Asia/Kolkata', 'Africa/Casablanca', 'Pacific/Kiritimati', 'America/Adak',
];

/** The instants in a year at which a zone's offset changes, found by weekly steps and bisection. */
function transitions(zone: string, year: number): number[] {
  const z = IANAZone.create(zone);
  const found: number[] = [];
  const WEEK = 7 * 86_400;
  for (let t = Date.UTC(year, 0, 1) / 1000; t < Date.UTC(year + 1, 0, 1) / 1000; t += WEEK) {
    if (z.offset(t * 1000) === z.offset((t + WEEK) * 1000)) continue;
    let [lo, hi] = [t, t + WEEK];
    while (hi - lo > 60) {
      const mid = Math.floor((lo + hi) / 2);
      if (z.offset(mid * 1000) === z.offset(lo * 1000)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

/** Instants at any time, and instants within two hours of a change of offset, where gaps and overlaps are. */
const zoned = fc.oneof(
  fc.record({ seconds: epochSeconds, zone: fc.constantFrom(...ZONES) }),
  fc
    .record({ zone: fc.constantFrom(...ZONES), year: fc.integer({ min: 1971, max: 2198 }), pick: fc.nat(), within: fc.integer({ min: -7200, max: 7200 }) })
    .map(({ zone, year, pick, within }) => {
      const changes = transitions(zone, year);
      return { zone, seconds: changes.length === 0 ? Date.UTC(year, 5, 1) / 1000 + within : changes[pick % changes.length]! + within };
    }),
);

describe('parseDate, on the local time of any instant in an IANA zone', () => {
  it('reads it back to that instant, or, where the clocks went back, refuses it naming that instant as one of two', () => {
    let overlaps = 0;
    fc.assert(
      fc.property(zoned, ({ seconds, zone }) => {
        const local = DateTime.fromSeconds(seconds, { zone });
        const text = `${local.toFormat('yyyy-MM-dd HH:mm:ss')} ${zone}`;
        const read = parseDate(text);
        const z = IANAZone.create(zone);
        // The same wall time half an hour, an hour or two (St. John's in 1988) on either side: an overlap makes two instants.
        const twins = [-7200, -3600, -1800, 1800, 3600, 7200].map((d) => seconds + d).filter((s) => DateTime.fromSeconds(s, { zone }).toFormat('yyyy-MM-dd HH:mm:ss') === local.toFormat('yyyy-MM-dd HH:mm:ss'));
        if (twins.length === 0) {
          expect(read.ok, read.ok ? '' : read.reason).toBe(true);
          expect(read.ok && read.value.toSeconds()).toBe(seconds);
          expect(read.ok && read.value.offset).toBe(z.offset(seconds * 1000));
        } else {
          overlaps++;
          expect(read.ok).toBe(false);
          expect(!read.ok && read.reason).toContain('happens twice');
          expect(!read.ok && read.reason).toContain(local.toISO({ suppressMilliseconds: true }));
        }
      }),
      { numRuns: RUNS },
    );
    // The overlaps were reached, not only the plain hours.
    expect(overlaps).toBeGreaterThan(10);
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { rfc3339, rfc822 } from '../../src/dates/format.js';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe('rfc822', () => {
  it('keeps the offset the author wrote, with a two-digit day', () => {
    expect(rfc822(at('2024-05-16T11:55:00+08:00'))).toBe('Thu, 16 May 2024 11:55:00 +0800');
    expect(rfc822(at('2024-05-06T11:55:00+05:45'))).toBe('Mon, 06 May 2024 11:55:00 +0545');
    expect(rfc822(at('2024-05-06T11:55:00-09:30'))).toBe('Mon, 06 May 2024 11:55:00 -0930');
  });

  it('writes UTC as +0000, never GMT', () => {
    expect(rfc822(at('2024-12-31T23:59:59Z'))).toBe('Tue, 31 Dec 2024 23:59:59 +0000');
  });

  it('agrees with luxon on the weekday of every day of a leap year', () => {
    for (let d = DateTime.fromISO('2024-01-01T00:00:00Z', { setZone: true }); d.year === 2024; d = d.plus({ days: 1 })) {
      expect(rfc822(d)).toBe(d.toFormat('EEE, dd MMM yyyy HH:mm:ss ZZZ', { locale: 'en-US' }));
    }
  });

  it('names the weekday of the day as written, where UTC is already on another day', () => {
    expect(rfc822(at('2024-05-16T23:30:00-05:00'))).toBe('Thu, 16 May 2024 23:30:00 -0500');
    expect(rfc822(at('2024-05-16T00:30:00+14:00'))).toBe('Thu, 16 May 2024 00:30:00 +1400');
    expect(rfc822(DateTime.fromISO('2024-03-31T01:30:00', { zone: 'Pacific/Kiritimati' }))).toBe('Sun, 31 Mar 2024 01:30:00 +1400');
    expect(rfc822(DateTime.fromISO('0099-12-31T23:00:00-01:00', { setZone: true }))).toBe('Thu, 31 Dec 0099 23:00:00 -0100');
  });
});

describe('rfc3339', () => {
  it('keeps the offset the author wrote', () => {
    expect(rfc3339(at('2024-05-16T11:55:00+08:00'))).toBe('2024-05-16T11:55:00+08:00');
    expect(rfc3339(at('2024-05-16T11:55:00-02:30'))).toBe('2024-05-16T11:55:00-02:30');
  });

  it('writes Z for UTC', () => {
    expect(rfc3339(at('2024-05-16T03:55:00+00:00'))).toBe('2024-05-16T03:55:00Z');
  });

  it('writes the same instant as the value holds', () => {
    const date = at('2031-01-02T03:04:05+13:45');
    expect(DateTime.fromISO(rfc3339(date)).toMillis()).toBe(date.toMillis());
  });
});

import { Settings } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/dates/parse.js';

const iso = (text: string, zone?: string) => {
  const result = parseDate(text, zone);
  if (!result.ok) throw new Error(result.reason);
  return result.value.toISO({ suppressMilliseconds: true });
};
const reason = (text: string, zone?: string) => {
  const result = parseDate(text, zone);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${result.value.toISO()}`);
  return result.reason;
};

describe('parseDate', () => {
  it.each([
    ['2024.05.16 11:55 GMT+8', '2024-05-16T11:55:00+08:00'],
    ['2024.05.16 11:55 UTC+8', '2024-05-16T11:55:00+08:00'],
    ['2024.05.16 11:55:30 GMT+8', '2024-05-16T11:55:30+08:00'],
    ['2024.05.16 11:55 GMT+05:30', '2024-05-16T11:55:00+05:30'],
    ['2024.05.16 11:55 GMT+0545', '2024-05-16T11:55:00+05:45'],
    ['2024.05.16 11:55 GMT-3', '2024-05-16T11:55:00-03:00'],
    ['2024.05.16 11:55 GMT-09:30', '2024-05-16T11:55:00-09:30'],
    ['2024.05.16 11:55 GMT', '2024-05-16T11:55:00Z'],
    ['2024.05.16 11:55 UTC', '2024-05-16T11:55:00Z'],
    ['2024-05-16T11:55:00+08:00', '2024-05-16T11:55:00+08:00'],
    ['2024-05-16T03:55:00Z', '2024-05-16T03:55:00Z'],
    ['2024-05-16T11:55:00.250+08:00', '2024-05-16T11:55:00+08:00'],
    ['2024-05-16T11:55+0800', '2024-05-16T11:55:00+08:00'],
    ['Thu, 16 May 2024 11:55:00 +0800', '2024-05-16T11:55:00+08:00'],
    ['16 May 2024 11:55:00 +0800', '2024-05-16T11:55:00+08:00'],
    ['Thu, 16 May 2024 11:55:00 GMT', '2024-05-16T11:55:00Z'],
    ['Thu, 16 May 2024 11:55:00 UT', '2024-05-16T11:55:00Z'],
    ['Thu, 16 May 2024 11:55:00 EST', '2024-05-16T11:55:00-05:00'],
    ['Thu, 16 May 2024 11:55:00 PDT', '2024-05-16T11:55:00-07:00'],
    ['2024-05-16 11:55 Asia/Shanghai', '2024-05-16T11:55:00+08:00'],
    ['2024-07-01 09:00 America/New_York', '2024-07-01T09:00:00-04:00'],
    ['2024-01-15 09:00 America/New_York', '2024-01-15T09:00:00-05:00'],
    ['2024-05-16 11:55 +05:45', '2024-05-16T11:55:00+05:45'],
  ])('reads %s as %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it('takes GMT+8 as eight hours ahead of UTC, the opposite of POSIX and Etc/GMT+8', () => {
    const result = parseDate('2024.05.16 11:55 GMT+8');
    expect(result.ok && result.value.toUTC().toISO()).toBe('2024-05-16T03:55:00.000Z');
    expect(iso('2024-05-16 11:55 Etc/GMT+8')).toBe('2024-05-16T11:55:00-08:00');
  });

  it('places a date without a zone in the configured timezone', () => {
    expect(iso('2024-05-16 11:55', 'Asia/Kolkata')).toBe('2024-05-16T11:55:00+05:30');
    expect(iso('2024-05-16', 'Europe/Berlin')).toBe('2024-05-16T00:00:00+02:00');
    expect(iso('2024.05.16 11:55', 'UTC')).toBe('2024-05-16T11:55:00Z');
    expect(iso('2024-05-16T11:55:00', 'Asia/Tokyo')).toBe('2024-05-16T11:55:00+09:00');
  });

  it('refuses a date without a zone when no timezone is configured, and says how to fix it', () => {
    const why = reason('2024.05.16 11:55');
    expect(why).toContain('has no time zone');
    expect(why).toContain('GMT+8');
    expect(why).toContain('"timezone"');
  });

  it('refuses a local time inside a daylight-saving gap', () => {
    const why = reason('2024-03-10 02:30 America/New_York');
    expect(why).toContain('does not exist');
    expect(why).toContain('-05:00');
    expect(why).toContain('-04:00');
  });

  it('refuses a local time that happens twice, naming both candidates', () => {
    const why = reason('2024-11-03 01:30 America/New_York');
    expect(why).toContain('happens twice');
    expect(why).toContain('2024-11-03T01:30:00-04:00');
    expect(why).toContain('2024-11-03T01:30:00-05:00');
  });

  it('accepts a time in an overlap when the offset is written', () => {
    expect(iso('2024-11-03T01:30:00-05:00')).toBe('2024-11-03T01:30:00-05:00');
  });

  it('refuses a gap in the configured default zone too', () => {
    expect(reason('2024-03-31 02:30', 'Europe/Berlin')).toContain('does not exist');
  });

  it.each([
    ['2024-02-30T10:00:00Z', 'February 2024 has 29 days'],
    ['2023-02-29 10:00 UTC', 'February 2023 has 28 days'],
    ['2024.04.31 10:00 GMT+8', 'April 2024 has 30 days'],
    ['2024-05-16T25:00:00Z', 'hour 25'],
    ['2024-05-16T11:61:00Z', 'minute 61'],
    ['2024-13-01T10:00:00Z', 'month 13'],
    ['Fri, 30 Feb 2024 10:00:00 +0000', 'not a real date'],
  ])('refuses the impossible date %s', (input, why) => {
    expect(reason(input)).toContain(why);
  });

  it('reads and words dates the same whatever the default locale', () => {
    const previous = Settings.defaultLocale;
    Settings.defaultLocale = 'de-DE';
    try {
      expect(reason('2024-02-30T10:00:00Z')).toContain('February 2024 has 29 days');
      expect(iso('Thu, 16 May 2024 11:55:00 +0800')).toBe('2024-05-16T11:55:00+08:00');
      const result = parseDate('2024-05-16T11:55:00+08:00');
      expect(result.ok && result.value.locale).toBe('en-US');
    } finally {
      Settings.defaultLocale = previous;
    }
  });

  it('refuses an RFC 822 date whose weekday does not match', () => {
    expect(reason('Fri, 16 May 2024 11:55:00 +0800')).toContain('wrong weekday');
  });

  it('refuses a two-digit year', () => {
    expect(reason('Thu, 16 May 24 11:55:00 +0800')).toContain('four digits');
  });

  it('refuses an unknown zone and an out-of-range offset', () => {
    expect(reason('2024-05-16 11:55 Asia/Shangai')).toContain('is not a time zone');
    expect(reason('2024.05.16 11:55 GMT+15')).toContain('out of range');
  });

  it('refuses text that is no date', () => {
    expect(reason('next Tuesday')).toContain('is not a date');
    expect(reason('')).toContain('empty');
  });
});

describe('parseDate, zones that would mislead', () => {
  it('refuses a zone abbreviation, which means different offsets in different newsrooms', () => {
    expect(reason('2024.05.16 11:55 CST')).toContain('abbreviation');
    expect(reason('2024-05-16 11:55 IST')).toContain('abbreviation');
  });

  it('refuses a local time before the zone kept standard time, when its offset was not whole minutes', () => {
    expect(reason('1890-05-16 11:55 Asia/Shanghai')).toContain('standard time');
  });

  it('checks the offset of an RFC 822 date as it checks every other', () => {
    expect(reason('Thu, 16 May 2024 11:55:00 +0860')).toContain('out of range');
    expect(reason('Thu, 16 May 2024 11:55:00 +2300')).toContain('out of range');
    expect(iso('Thu, 16 May 2024 11:55:00 -0930')).toBe('2024-05-16T11:55:00-09:30');
  });
});

describe('years before 100', () => {
  // Date.UTC reads the years 0 to 99 as 1900 to 1999: the year 0050 was published as 1950.
  it.each([
    ['0050-05-16T11:55:00+08:00', undefined, '0050-05-16T11:55:00+08:00'],
    ['0001-01-01T00:00:00Z', undefined, '0001-01-01T00:00:00Z'],
    ['0099.12.31 23:59 GMT+8', undefined, '0099-12-31T23:59:00+08:00'],
    ['0024-05-16 11:55 GMT+8', undefined, '0024-05-16T11:55:00+08:00'],
    ['0024-05-16', 'UTC', '0024-05-16T00:00:00Z'],
  ])('reads %s as that year exactly', (text, zone, expected) => {
    expect(iso(text, zone)).toBe(expected);
  });

  it('knows the length of February in a year before 100', () => {
    expect(iso('0004-02-29T00:00:00Z')).toBe('0004-02-29T00:00:00Z');
    expect(reason('0003-02-29T00:00:00Z')).toContain('February 3 has 28 days');
  });
});

describe('a month name, day and year, as Astro posts write "pubDate"', () => {
  it.each([
    ['Jul 22 2022', '2022-07-22T00:00:00+08:00'],
    ['May 09 2025', '2025-05-09T00:00:00+08:00'],
    ['July 22, 2022', '2022-07-22T00:00:00+08:00'],
    ['Sept 3 2021', '2021-09-03T00:00:00+08:00'],
    ['dec 31 1999', '1999-12-31T00:00:00+08:00'],
  ])('reads %s as midnight in the configured timezone', (text, expected) => {
    expect(iso(text, 'Asia/Shanghai')).toBe(expected);
  });

  it('refuses one without a configured timezone, and a day the month does not have', () => {
    expect(reason('Jul 22 2022')).toContain('"Jul 22 2022" has no time zone');
    expect(reason('Feb 30 2024', 'UTC')).toContain('February 2024 has 29 days');
  });

  it('refuses a word that only starts like a month', () => {
    expect(reason('Mayday 1 2024', 'UTC')).toContain('is not a date feedwright reads');
  });
});

import { describe, expect, it } from 'vitest';
import { checkIri, checkUrl, contactEmail, htmlReferences, markupIn, readRfc3339, readRfc822, w3cdtfProblem } from '../../src/check/values.js';

const instant = (text: string) => {
  const read = readRfc822(text);
  return read.ok ? new Date(read.value.instant).toISOString() : read.reason;
};

describe('readRfc822', () => {
  it('reads the instant of a date with a numeric offset, keeping offsets such as +0545', () => {
    expect(instant('Thu, 16 May 2024 11:55:00 +0800')).toBe('2024-05-16T03:55:00.000Z');
    expect(instant('Tue, 20 May 2025 07:45:00 +0545')).toBe('2025-05-20T02:00:00.000Z');
    expect(instant('Fri, 15 Aug 2025 09:30:00 -0230')).toBe('2025-08-15T12:00:00.000Z');
  });

  it('accepts the optional weekday and seconds, and the named zones of RFC 822', () => {
    expect(instant('16 May 2024 11:55 GMT')).toBe('2024-05-16T11:55:00.000Z');
    expect(instant('Thu, 16 May 2024 11:55:00 EDT')).toBe('2024-05-16T15:55:00.000Z');
  });

  it('refuses ISO dates, lowercase names, a wrong weekday and days a month does not have', () => {
    expect(readRfc822('2024-05-16T11:55:00Z').ok).toBe(false);
    expect(readRfc822('thu, 16 may 2024 11:55:00 +0800').ok).toBe(false);
    expect(instant('Fri, 16 May 2024 11:55:00 +0800')).toContain('but 16 May 2024 is a Thu');
    expect(instant('Fri, 30 Feb 2024 11:55:00 +0800')).toContain('that month has 29 days');
    expect(instant('Thu, 16 May 2024 11:55:00 +0875')).toContain('minutes are over 59');
  });

  it('names the forms readers misread while reading them: two-digit years and military zones', () => {
    const twoDigit = readRfc822('Thu, 16 May 24 11:55:00 GMT');
    expect(twoDigit.ok && twoDigit.value.problems).toEqual([expect.stringContaining('two digits')]);
    expect(instant('Thu, 16 May 24 11:55:00 GMT')).toBe('2024-05-16T11:55:00.000Z');
    const military = readRfc822('Thu, 16 May 2024 11:55:00 Q');
    expect(military.ok && military.value.problems).toEqual([expect.stringContaining('military')]);
    const plain = readRfc822('Thu, 16 May 2024 11:55:00 +0000');
    expect(plain.ok && plain.value.problems).toEqual([]);
  });
});

describe('readRfc3339', () => {
  it('reads the instant, fraction included, and the offset written', () => {
    const read = readRfc3339('2024-05-16T11:55:00.5+08:00');
    expect(read.ok && new Date(read.value.instant).toISOString()).toBe('2024-05-16T03:55:00.500Z');
    expect(read.ok && read.value.offset).toBe(480);
    const west = readRfc3339('2024-05-16T11:55:00-03:30');
    expect(west.ok && west.value.offset).toBe(-210);
  });

  it('reads a year under 100 as that year, not as one in the 1900s', () => {
    const read = readRfc3339('0050-03-01T00:00:00Z');
    expect(read.ok && new Date(read.value.instant).getUTCFullYear()).toBe(50);
    const rss = readRfc822('Tue, 01 Mar 0050 00:00:00 +0000');
    expect(rss.ok && new Date(rss.value.instant).getUTCFullYear()).toBe(50);
  });

  it('refuses a date without a time or an offset, and a lowercase "t" only where Atom forbids it', () => {
    expect(readRfc3339('2024-05-16').ok).toBe(false);
    expect(readRfc3339('2024-05-16T11:55:00').ok).toBe(false);
    expect(readRfc3339('2024-05-16t11:55:00z').ok).toBe(true);
    expect(readRfc3339('2024-05-16t11:55:00z', { uppercase: true }).ok).toBe(false);
    expect(readRfc3339('2024-13-01T00:00:00Z').ok).toBe(false);
  });
});

describe('URLs and IRIs', () => {
  it('takes a URL with a scheme and, for http(s), a host; says "relative" for one without a scheme', () => {
    expect(checkUrl(' https://example.com/a ').ok).toBe(true);
    expect(checkUrl('mailto:desk@example.com').ok).toBe(true);
    expect(checkUrl('/articles/a/')).toEqual({ ok: false, reason: '"/articles/a/" is a relative URL' });
    expect(checkUrl('https:///a').ok).toBe(false);
    expect(checkUrl('https://example.com/a b').ok).toBe(false);
    expect(checkUrl('https://example.com/a^b')).toEqual({ ok: false, reason: '"https://example.com/a^b" holds "^", which a URL cannot hold; write it as "%5E"' });
    expect(checkUrl('https://example.com/100%')).toMatchObject({ ok: false, reason: expect.stringContaining('"%25"') });
    expect(checkUrl('https://例え.jp/記事').ok).toBe(true);
  });

  it('takes tag URIs of RFC 4151 and URNs as ids, and refuses malformed ones', () => {
    expect(checkIri('tag:example.com,2024-05-16:a').ok).toBe(true);
    expect(checkIri('tag:jo@example.com,2024:a/b').ok).toBe(true);
    expect(checkIri('urn:uuid:6f2d1c9a-3b0e-4c55-9a51-1f0b7f3c2e10').ok).toBe(true);
    expect(checkIri('tag:example.com:a').ok).toBe(false);
    expect(checkIri('a-slug').ok).toBe(false);
  });
});

describe('contactEmail', () => {
  it('finds the address in "email (Name)", "Name <email>" and a bare email, and nothing in a bare name', () => {
    expect(contactEmail('jo@example.com (Jo Doe)')).toBe('jo@example.com');
    expect(contactEmail('Jo Doe <jo@example.com>')).toBe('jo@example.com');
    expect(contactEmail(' jo@example.com ')).toBe('jo@example.com');
    expect(contactEmail('Jo Doe')).toBeUndefined();
  });
});

describe('markup in text', () => {
  it('finds HTML end tags and escaped entity references, not a lone "<" or "&"', () => {
    expect(markupIn('Crews had feared <b>worse</b>')).toBe('</b>');
    expect(markupIn('Capelin &amp; cod')).toBe('&amp;');
    expect(markupIn('Capelin & cod: catches <10% below')).toBeUndefined();
  });

  it('lists the href and src values of HTML, decoding references', () => {
    expect(htmlReferences('<p><a href="/about/">a</a> <img alt="" src=\'x.jpg\'> <a href=https://e.com/?a=1&amp;b=2>b</a></p>')).toEqual(['/about/', 'x.jpg', 'https://e.com/?a=1&b=2']);
  });
});

describe('w3cdtfProblem', () => {
  it('takes each precision W3C-DTF allows: a year, a month, a day, minutes or seconds with an offset', () => {
    for (const text of ['2024', '2024-05', '2024-05-16', '2024-05-16T11:55+08:00', '2024-05-16T11:55:00Z', '2024-05-16T11:55:00.25-05:00', ' 2024-02-29 ']) {
      expect(w3cdtfProblem(text), text).toBeUndefined();
    }
  });

  it('says what is wrong with a date that is not W3C-DTF, or not a day that exists', () => {
    expect(w3cdtfProblem('2024-05-16T11:55')).toMatch(/not a W3C-DTF date/);
    expect(w3cdtfProblem('2024-05-16 11:55:00Z')).toMatch(/not a W3C-DTF date/);
    expect(w3cdtfProblem('Thu, 16 May 2024 11:55:00 GMT')).toMatch(/not a W3C-DTF date/);
    expect(w3cdtfProblem('2023-02-29')).toBe('has day 29, but that month has 28 days');
    expect(w3cdtfProblem('2024-13')).toBe('has month 13');
    expect(w3cdtfProblem('2024-05-16T11:55+24:00')).toBe('has an offset out of range');
  });
});

import { describe, expect, it } from 'vitest';
import { chooseEncoding, notModified, qualities, wantsPage } from '../../src/serve/negotiate.js';

describe('chooseEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, br;q=0.8', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['deflate, compress', 'identity'],
    ['GZIP', 'gzip'],
  ] as const)('picks %j as %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('qualities', () => {
  it('reads each value with its quality, 1 when none is given, and clamps the rest to 0..1', () => {
    expect([...qualities('text/html, application/xml;q=0.9, */*;q=2, bad;q=x')]).toEqual([
      ['text/html', 1],
      ['application/xml', 0.9],
      ['*/*', 1],
      ['bad', 0],
    ]);
  });
});

describe('wantsPage', () => {
  it('is true for a browser navigation and false for feed readers', () => {
    expect(wantsPage('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/rss+xml')).toBe(true);
    expect(wantsPage('application/rss+xml, application/xml;q=0.9, text/html;q=0.1', 'application/rss+xml')).toBe(false);
    expect(wantsPage('application/atom+xml,application/rdf+xml,application/rss+xml,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1', 'application/atom+xml')).toBe(false);
    expect(wantsPage(undefined, 'application/rss+xml')).toBe(false);
    expect(wantsPage('*/*', 'application/rss+xml')).toBe(false);
    expect(wantsPage('text/html;q=0', 'application/rss+xml')).toBe(false);
  });
});

describe('notModified', () => {
  const etag = '"abc"';
  const mtime = Date.parse('2024-05-16T03:55:00.750Z');
  it('matches If-None-Match by weak comparison, in a list, and for *', () => {
    expect(notModified({ 'if-none-match': '"abc"' }, etag, mtime)).toBe(true);
    expect(notModified({ 'if-none-match': 'W/"abc"' }, etag, mtime)).toBe(true);
    expect(notModified({ 'if-none-match': '"x", "abc"' }, etag, mtime)).toBe(true);
    expect(notModified({ 'if-none-match': '*' }, etag, mtime)).toBe(true);
    expect(notModified({ 'if-none-match': '"abcd"' }, etag, mtime)).toBe(false);
  });
  it('compares If-Modified-Since to the second, and only without If-None-Match', () => {
    expect(notModified({ 'if-modified-since': 'Thu, 16 May 2024 03:55:00 GMT' }, etag, mtime)).toBe(true);
    expect(notModified({ 'if-modified-since': 'Thu, 16 May 2024 03:54:59 GMT' }, etag, mtime)).toBe(false);
    expect(notModified({ 'if-modified-since': 'not a date' }, etag, mtime)).toBe(false);
    expect(notModified({ 'if-modified-since': 'Thu, 16 May 2024 03:55:00 GMT', 'if-none-match': '"other"' }, etag, mtime)).toBe(false);
    expect(notModified({}, etag, mtime)).toBe(false);
  });
});

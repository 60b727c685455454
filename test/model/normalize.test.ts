import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config/config.js';
import { normalize } from '../../src/core/feeds.js';
import type { ArticleRecord } from '../../src/vocabulary/record.js';
import { BASE_CONFIG } from '../helpers.js';

const config = (extra: object = {}): Config => parseConfig(JSON.stringify({ ...BASE_CONFIG, ...extra }), 'feedwright.config.json').config!;
const date = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const record = (slug: string, published: string, extra: Partial<ArticleRecord> = {}): ArticleRecord => ({
  source: { file: `articles/${slug}.txt`, line: 1 },
  lines: {},
  slug,
  title: `Title of ${slug}`,
  published: date(published),
  contentHtml: '<p>Body</p>',
  ...extra,
});
const run = (records: ArticleRecord[], extra: object = {}, utc = false) => normalize(records, config(extra), { utc, articlesDir: 'articles' });

describe('normalize', () => {
  it('fills in link, tag URI id, authors and updated from the config and the dates', () => {
    const { feed, diagnostics } = run([record('port-opens', '2024-05-16T11:55:00+08:00')]);
    expect(diagnostics).toEqual([]);
    const [entry] = feed!.entries;
    expect(entry?.link).toBe('https://wire.example.org/articles/port-opens/');
    expect(entry?.id).toBe('tag:wire.example.org,2024-05-16:port-opens');
    expect(entry?.authors).toEqual([BASE_CONFIG.author]);
    expect(entry?.updated.toISO()).toBe(entry?.published.toISO());
  });

  it('dates the tag URI on the day its author wrote, and keeps it under --utc', () => {
    const late = record('late', '2024-05-16T07:30:00+08:00');
    expect(run([late]).feed!.entries[0]?.id).toBe('tag:wire.example.org,2024-05-16:late');
    const utc = run([late], {}, true).feed!.entries[0]!;
    expect(utc.id).toBe('tag:wire.example.org,2024-05-16:late');
    expect(utc.published.offset).toBe(0);
    expect(utc.published.toISO()).toBe('2024-05-15T23:30:00.000Z');
  });

  it('orders items newest first by instant, not by the local clock time', () => {
    const { feed } = run([
      record('tokyo-morning', '2024-05-16T09:00:00+09:00'), // 00:00Z
      record('london-night', '2024-05-15T23:30:00+00:00'), // 23:30Z the day before
      record('ny-evening', '2024-05-15T20:00:00-04:00'), // 00:00Z, same instant as Tokyo
    ]);
    expect(feed!.entries.map((e) => e.slug)).toEqual(['ny-evening', 'tokyo-morning', 'london-night']);
  });

  it('takes the feed dates from the items, keeping the offset of the item they came from', () => {
    const { feed } = run([
      record('a', '2024-05-16T11:55:00+08:00', { updated: date('2024-05-18T09:00:00-03:00') }),
      record('b', '2024-05-17T10:00:00+05:30'),
    ]);
    expect(feed!.published.toISO()).toBe('2024-05-17T10:00:00.000+05:30');
    expect(feed!.updated.toISO()).toBe('2024-05-18T09:00:00.000-03:00');
  });

  it('keeps at most limit items, and leaves drafts out', () => {
    const records = [1, 2, 3, 4].map((d) => record(`day-${d}`, `2024-05-0${d}T10:00:00Z`));
    const { feed } = run([...records, record('draft', '2024-06-01T10:00:00Z', { draft: true })], { limit: 2 });
    expect(feed!.entries.map((e) => e.slug)).toEqual(['day-4', 'day-3']);
  });

  it('refuses updated before published, naming both dates and the line', () => {
    const { feed, diagnostics } = run([record('a', '2024-05-16T11:55:00+08:00', { updated: date('2024-05-16T11:00:00+08:00'), lines: { updated: 5 } })]);
    expect(feed).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ file: 'articles/a.txt', line: 5, ruleId: 'input/updated-before-published' });
    expect(diagnostics[0]?.message).toContain('2024-05-16T11:00:00+08:00');
  });

  it('refuses two records with one slug, once, naming both files', () => {
    const { diagnostics } = run([record('same', '2024-05-16T11:55:00Z'), { ...record('same', '2024-05-17T11:55:00Z'), source: { file: 'articles/b/same.txt', line: 1 } }]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toContain('articles/same.txt');
    expect(diagnostics[0]?.file).toBe('articles/b/same.txt');
  });

  it('refuses two records with one id', () => {
    const { diagnostics } = run([record('a', '2024-05-16T11:55:00Z', { id: 'urn:x:1' }), record('b', '2024-05-17T11:55:00Z', { id: 'urn:x:1' })]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['input/duplicate-id']);
  });

  it('refuses a record with no author when the config gives none', () => {
    const noAuthor = { ...BASE_CONFIG, author: undefined };
    const { diagnostics } = normalize([record('a', '2024-05-16T11:55:00Z')], parseConfig(JSON.stringify(noAuthor), 'c.json').config!, { utc: false, articlesDir: 'articles' });
    expect(diagnostics[0]?.ruleId).toBe('input/no-author');
  });

  it('refuses an articles folder with nothing to publish', () => {
    const { diagnostics } = run([record('draft', '2024-06-01T10:00:00Z', { draft: true })]);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'articles', ruleId: 'input/no-articles' })]);
  });
});

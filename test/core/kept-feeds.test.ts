import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { feedFrom, memorySource, type RecordSource } from '../../src/core/feeds.js';
import type { Placement } from '../../src/model/place.js';
import type { ArticleRecord } from '../../src/vocabulary/record.js';
import { BASE_CONFIG } from '../helpers.js';

const config = parseConfig(JSON.stringify({ ...BASE_CONFIG, limit: 2, archive: { pageSize: 2 }, facets: { tags: 'tags/{slug}/' } }), 'feedwright.config.json').config!;
const record = (i: number): ArticleRecord => ({
  source: { file: `articles/r${i}.txt`, line: 1 },
  lines: {},
  slug: `r${i}`,
  title: `Report ${i}`,
  published: DateTime.fromISO(`2024-05-0${i}T08:00:00Z`, { setZone: true }),
  tags: [i % 2 === 1 ? 'rivers' : 'dams'],
  contentHtml: `<p>Report ${i}.</p>`,
});

/** The records in memory, each of a version (its bytes' hash, for a file), and the slugs of the records the model asked for. */
function versioned(records: ArticleRecord[], versions: Record<string, string>) {
  const memory = memorySource(records, config, {}, []);
  const asked: string[] = [];
  const source: RecordSource = {
    placements: () => memory.placements(),
    shown: (placements) => {
      asked.push(...placements.map((p) => p.slug));
      return memory.shown(placements);
    },
    versionOf: (p: Placement) => versions[p.slug],
  };
  return { source, asked };
}

const versions = (count: number, edited: Record<string, string> = {}) => ({ ...Object.fromEntries(Array.from({ length: count }, (_, k) => [`r${k + 1}`, 'v1'])), ...edited });

describe('the feeds of a set a build need not make again', () => {
  it('are fingerprinted by their place and their items, and their records are not asked for when the build says they are unchanged', () => {
    const first = versioned([1, 2, 3, 4, 5].map(record), versions(5));
    const made = feedFrom(first.source, config, { utc: false, articlesDir: 'articles' });
    const fingerprints = new Map(made.feeds.map((f) => [f.folder, f.fingerprint!]));
    // Main: head and pages 1, 2; rivers (1, 3, 5): head and page 1; dams (2, 4): head and page 1.
    expect([...fingerprints.keys()]).toEqual(['', 'archive/1/', 'archive/2/', 'tags/dams/', 'tags/dams/archive/1/', 'tags/rivers/', 'tags/rivers/archive/1/']);
    expect(new Set(fingerprints.values()).size).toBe(7);

    // Record 1 edited: the pages it is on change their fingerprints; the others are the build's to keep.
    const second = versioned([1, 2, 3, 4, 5].map(record), versions(5, { r1: 'v2' }));
    const asked: string[] = [];
    const modelled = feedFrom(second.source, config, {
      utc: false,
      articlesDir: 'articles',
      unchanged: (folder, fingerprint) => {
        asked.push(folder);
        return fingerprints.get(folder) === fingerprint;
      },
    });
    expect(asked).not.toContain('');
    expect(modelled.feeds.filter((f) => f.kept).map((f) => f.folder)).toEqual(['archive/2/', 'tags/dams/', 'tags/dams/archive/1/', 'tags/rivers/']);
    expect(modelled.feeds.filter((f) => !f.kept).map((f) => f.folder)).toEqual(['', 'archive/1/', 'tags/rivers/archive/1/']);
    // The main head (5, 4) and page 1 (2, 1), rivers' page (3, 1): what the feeds made show, once each; not page 2 (4, 3).
    expect(second.asked).toEqual(['r5', 'r4', 'r3', 'r2', 'r1']);
    const third = versioned([1, 2, 3, 4, 5].map(record), versions(5, { r1: 'v2' }));
    feedFrom(third.source, config, { utc: false, articlesDir: 'articles', unchanged: (folder) => folder !== 'archive/1/' });
    expect(third.asked).toEqual(['r5', 'r4', 'r2', 'r1']);
    const rivers = modelled.feeds.find((f) => f.folder === 'tags/rivers/')!;
    expect(rivers.kept && rivers.title).toBe('Test Wire: rivers');
  });

  it('has none when an item has no version, and is made', () => {
    const { source } = versioned([1, 2, 3].map(record), { r1: 'v1', r2: 'v1' });
    const modelled = feedFrom(source, config, { utc: false, articlesDir: 'articles', unchanged: () => true });
    // Page 1 holds records 1 and 2, which have versions: kept. Every feed with record 3 is made.
    expect(modelled.feeds.map((f) => [f.folder, f.kept === true, f.fingerprint !== undefined])).toEqual([
      ['', false, false],
      ['archive/1/', true, true],
      ['tags/dams/', true, true],
      ['tags/rivers/', false, false],
      ['tags/rivers/archive/1/', false, false],
    ]);
  });
});

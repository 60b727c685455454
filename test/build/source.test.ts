import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../src/build/source.js';
import { validateConfig } from '../../src/config/config.js';
import { feedFrom } from '../../src/core/feeds.js';
import type { Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { article, makeProject } from '../helpers.js';

const config = validateConfig({ title: 'Test Wire', siteUrl: 'https://wire.example.org', author: 'Wire Desk', limit: 1 }, 'feedwright.config.json').config!;

/** The record files of a project, as the build lists them, and a source over them that shows few records. */
async function source(files: Record<string, string>) {
  const dir = await makeProject(files, config);
  const names = Object.keys(files).sort();
  const diagnostics: Diagnostic[] = [];
  const recordFiles = names.map((name) => ({ path: join(dir, name), file: name }));
  const made = await fileSource(recordFiles, config, { context: { unknownFields: 'warn' }, statedAt: Date.now(), fewShown: true }, diagnostics);
  return { dir, made, diagnostics };
}

describe('the record files as a source that holds no record while it reads', () => {
  it('chooses again from a new reading when a file changed between its placing and its showing, and gives the messages of that reading once', async () => {
    const { dir, made, diagnostics } = await source({
      'articles/a.txt': article({ title: 'Older', dateline: '2024.05.10 08:00 GMT' }),
      'articles/b.txt': article({ title: 'Newer', dateline: '2024.05.12 08:00 GMT' }),
      'articles/c.md': '---\ntitle: Odd\ndate: 2024-05-01T08:00:00Z\nlayout: post\n---\nBody.\n',
    });
    const first = [...made.placements()];
    expect(first.map((p) => p.slug).sort()).toEqual(['a', 'b', 'c']);
    // The newest file now dates its record earlier: the one the feed chose is not as it was placed.
    await writeFile(join(dir, 'articles/b.txt'), article({ title: 'Newer', dateline: '2024.05.08 08:00 GMT' }));
    const newest = first.find((p) => p.slug === 'b')!;
    expect(made.shown([newest])).toBeUndefined();

    const modelled = feedFrom(made, config, { utc: false, articlesDir: 'articles' });
    expect(modelled.feed?.entries.map((e) => e.title)).toEqual(['Older']);
    expect(diagnostics).toEqual([]);
  });

  it('reports a file that cannot be read once, however many readings the build takes', async () => {
    const { dir, made, diagnostics } = await source({
      'articles/a.txt': article({ title: 'Older', dateline: '2024.05.10 08:00 GMT' }),
      'articles/b.txt': article({ title: 'Newer', dateline: '2024.05.12 08:00 GMT' }),
      'articles/c.txt': 'no dateline here\n',
    });
    const first = [...made.placements()];
    const found = diagnostics.length;
    expect(found).toBeGreaterThan(0);
    await writeFile(join(dir, 'articles/b.txt'), article({ title: 'Newer', dateline: '2024.05.08 08:00 GMT' }));
    expect(made.shown(first.filter((p) => p.slug === 'b'))).toBeUndefined();
    expect([...made.placements()].map((p) => p.published)).toHaveLength(2);
    expect(diagnostics).toHaveLength(found);
  });
});

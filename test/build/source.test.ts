import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../src/build/source.js';
import { FileMemo } from '../../src/cache/memo.js';
import { validateConfig } from '../../src/config/config.js';
import { feedFrom, type RecordSource } from '../../src/core/feeds.js';
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

describe('the records the memo keeps of what the feed showed', () => {
  it('are those of the bytes their file was placed from: a file edited during a build and put back is shown as it is', async () => {
    const text = (body: string) => article({ title: 'Tide tables', dateline: '2024.05.10 08:00 GMT', body: [body] });
    const dir = await makeProject({ 'articles/a.txt': text('The first body.') }, config);
    const path = join(dir, 'articles/a.txt');
    /** A build with the memo, running `between` once, after the files are placed and before the records are shown. */
    const build = async (between?: () => Promise<void>) => {
      const memo = FileMemo.open(join(dir, 'memo.jsonl'), 'k');
      const { size, mtimeMs, ctimeMs } = statSync(path);
      const made = await fileSource([{ path, file: 'articles/a.txt', stats: { size, mtimeMs, ctimeMs } }], config, { context: { unknownFields: 'warn' }, memo, statedAt: Date.now(), fewShown: true }, []);
      const placed = [...made.placements()];
      await between?.();
      // The build's own reading follows: the model's, as the pipeline runs it.
      const source: RecordSource = { placements: () => (placed.length > 0 ? placed.splice(0) : made.placements()), shown: (p) => made.shown(p) };
      const modelled = feedFrom(source, config, { utc: false, articlesDir: 'articles' });
      memo.save();
      return modelled.feed?.entries.map((e) => e.contentHtml);
    };
    // Edited at the same size while the first build runs: shown as it is then, and its records kept so.
    expect(await build(() => writeFile(path, text('A second body.')))).toEqual([expect.stringContaining('A second body.')]);
    // Put back: the memo vouches for the first bytes, and the records it kept are not of them.
    await writeFile(path, text('The first body.'));
    expect(await build()).toEqual([expect.stringContaining('The first body.')]);
  });
});

describe('a build whose files keep changing under it', () => {
  it('reads them three times, then stops with a message rather than read on', () => {
    let readings = 0;
    const placement = { file: 'articles/a.txt', slug: 'a', id: 'tag:wire.example.org,2024-05-10:a', link: 'https://wire.example.org/articles/a/', published: Date.UTC(2024, 4, 10), offset: 0 };
    const source: RecordSource = { placements: () => (readings++, [placement]), shown: () => undefined };
    const modelled = feedFrom(source, config, { utc: false, articlesDir: 'articles' });
    expect(readings).toBe(3);
    expect(modelled.feed).toBeUndefined();
    expect(modelled.diagnostics).toEqual([expect.objectContaining({ file: 'articles', severity: 'error', ruleId: 'input/changing' })]);
  });
});

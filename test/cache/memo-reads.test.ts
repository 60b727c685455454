import * as fs from 'node:fs';
import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { article, makeProject } from '../helpers.js';

/** Every record file the build reads, by name. */
const reads: string[] = [];
vi.mock('node:fs', async (original) => {
  const real = await original<typeof fs>();
  const readFileSync = ((path: fs.PathOrFileDescriptor, options?: unknown) => {
    if (/\.(txt|md|json)$/.test(String(path)) && String(path).includes('/articles/')) reads.push(String(path).slice(String(path).lastIndexOf('/') + 1));
    return real.readFileSync(path, options as never);
  }) as typeof fs.readFileSync;
  return { ...real, default: { ...real, readFileSync }, readFileSync };
});

afterEach(() => void reads.splice(0));

const OLD = new Date('2024-01-01T00:00:00Z');

describe('a rebuild after one record file was added', () => {
  it('reads that file alone (again once shown): the others are placed from the memo, and the shown records are kept whole in it', async () => {
    const config = { title: 'Test Wire', siteUrl: 'https://wire.example.org', author: { name: 'Wire Desk' }, limit: 2 };
    const dir = await makeProject(
      {
        'articles/a.txt': article({ title: 'Oldest', dateline: '2024.05.10 08:00 GMT' }),
        'articles/b.md': '---\ntitle: Middle\npublished: 2024-05-12T08:00:00Z\n---\nThe *middle* one.\n',
        'articles/c.json': JSON.stringify({ title: 'Newest', published: '2024-05-14T08:00:00Z', content_html: '<p>New.</p>' }),
      },
      config,
    );
    for (const name of ['a.txt', 'b.md', 'c.json']) await utimes(join(dir, 'articles', name), OLD, OLD);
    const { build } = await import('../../src/build/build.js');
    const run = () => build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', now: new Date('2025-01-01T00:00:00Z') });
    expect((await run()).exitCode).toBe(0);
    // Each file read and its records placed, then let go; the files of the two shown read again.
    expect(reads.sort()).toEqual(['a.txt', 'b.md', 'b.md', 'c.json', 'c.json']);

    reads.splice(0);
    await writeFile(join(dir, 'articles', 'd.txt'), article({ title: 'Between', dateline: '2024.05.13 08:00 GMT' }));
    const again = await run();
    expect(again.feed?.entries.map((e) => e.title)).toEqual(['Newest', 'Between']);
    expect(reads).toEqual(['d.txt', 'd.txt']);

    // The bytes of the records the feed shows are those of a build without the memo.
    const fresh = await build({ cwd: dir, articlesDir: 'articles', outDir: 'fresh', configPath: 'feedwright.config.json', now: new Date('2025-01-01T00:00:00Z'), cacheDir: false });
    for (const name of ['feed.xml', 'atom.xml', 'feed.json']) {
      expect(fs.readFileSync(join(dir, 'output', name), 'utf8'), name).toBe(fs.readFileSync(join(dir, 'fresh', name), 'utf8'));
    }
    expect(fresh.exitCode).toBe(0);
  });
});

describe('an export of many records, of which the feed shows a few', () => {
  it('keeps only the shown records in the memo, and reads the export again when the feed comes to show another of its records', async () => {
    const config = { title: 'Test Wire', siteUrl: 'https://wire.example.org', author: { name: 'Wire Desk' }, limit: 2 };
    const exported = Array.from({ length: 40 }, (_, i) => ({ title: `Exported ${i}`, slug: `exported-${i}`, published: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(), content_html: `<p>Body ${i} ${'x'.repeat(200)}</p>` }));
    const dir = await makeProject({ 'articles/export.json': JSON.stringify(exported), 'articles/news.txt': article({ title: 'News', dateline: '2024.06.01 08:00 GMT' }) }, config);
    for (const name of ['export.json', 'news.txt']) await utimes(join(dir, 'articles', name), OLD, OLD);
    const { build } = await import('../../src/build/build.js');
    const run = () => build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', now: new Date('2025-01-01T00:00:00Z') });
    expect((await run()).feed?.entries.map((e) => e.title)).toEqual(['News', 'Exported 39']);
    const memoFile = fs.readdirSync(join(dir, 'node_modules', '.cache', 'feedwright')).find((name) => name.startsWith('memo-'))!;
    const memo = fs.readFileSync(join(dir, 'node_modules', '.cache', 'feedwright', memoFile), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(memo.find((line) => line.file === 'articles/export.json').placements).toHaveLength(40);
    expect(memo.find((line) => line.shown === 'articles/export.json').records.map((r: { slug: string }) => r.slug)).toEqual(['exported-39']);

    // The newest record goes: the feed now shows two of the export's, one of them not kept.
    reads.splice(0);
    fs.rmSync(join(dir, 'articles', 'news.txt'));
    const again = await run();
    expect(again.feed?.entries.map((e) => e.title)).toEqual(['Exported 39', 'Exported 38']);
    expect(reads).toEqual(['export.json']);
    const fresh = await build({ cwd: dir, articlesDir: 'articles', outDir: 'fresh', configPath: 'feedwright.config.json', now: new Date('2025-01-01T00:00:00Z'), cacheDir: false });
    expect(fresh.exitCode).toBe(0);
    for (const name of ['feed.xml', 'atom.xml', 'feed.json']) expect(fs.readFileSync(join(dir, 'output', name), 'utf8'), name).toBe(fs.readFileSync(join(dir, 'fresh', name), 'utf8'));
  });
});

describe('a rebuild that takes unchanged files from the memo', () => {
  it("still counts their records' unknown fields, and leaves an item out once it expires", async () => {
    const config = { title: 'Test Wire', siteUrl: 'https://wire.example.org', author: { name: 'Wire Desk' } };
    const dir = await makeProject(
      {
        'articles/a.md': '---\ntitle: Expiring\ndate: 2024-05-10T08:00:00Z\nexpiryDate: 2024-07-01T00:00:00Z\nlayout: post\n---\nSoon gone.\n',
        'articles/b.md': '---\ntitle: Staying\ndate: 2024-05-11T08:00:00Z\n---\nStill here.\n',
      },
      config,
    );
    for (const name of ['a.md', 'b.md']) await utimes(join(dir, 'articles', name), OLD, OLD);
    const { build } = await import('../../src/build/build.js');
    const run = (now: string) => build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', now: new Date(now) });
    expect((await run('2024-06-01T00:00:00Z')).feed?.entries.map((e) => e.title)).toEqual(['Staying', 'Expiring']);
    reads.splice(0);
    // One more file, after the expiry: the two others come from the memo.
    await writeFile(join(dir, 'articles', 'c.md'), '---\ntitle: New\ndate: 2024-08-01T08:00:00Z\n---\nNew.\n');
    const later = await run('2024-09-01T00:00:00Z');
    expect(reads).toEqual(['c.md', 'c.md']);
    expect(later.feed?.entries.map((e) => e.title)).toEqual(['New', 'Staying']);
    expect(later.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'input/unknown-fields', message: expect.stringContaining('1 record has fields feedwright does not use: layout (1)') })]));
  });
});

import { readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build/build.js';
import { loadManifest, unchangedFeeds, type Manifest } from '../../src/cache/manifest.js';
import { article, makeProject } from '../helpers.js';

const OLD = new Date('2024-01-01T00:00:00Z');

async function project() {
  const dir = await makeProject({ 'articles/a.txt': article({ title: 'First' }), 'articles/b.txt': article({ dateline: '2024.05.18 08:00 GMT', title: 'Second' }) });
  for (const name of ['a.txt', 'b.txt']) await utimes(join(dir, 'articles', name), OLD, OLD);
  return dir;
}
const run = (dir: string, extra: Partial<BuildOptions> = {}) => build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', ...extra });

describe('a rebuild with nothing changed', () => {
  it('stops early, writes nothing and reports what the last build did', async () => {
    const dir = await project();
    const first = await run(dir);
    expect(first.feed).toBeDefined();
    const mtime = (await stat(join(dir, 'output', 'feed.xml'))).mtimeMs;
    const again = await run(dir);
    expect(again).toMatchObject({ exitCode: 0, items: 2, written: [], unchanged: ['feed.xml', 'atom.xml', 'feed.json'] });
    expect(again.feed).toBeUndefined();
    expect((await stat(join(dir, 'output', 'feed.xml'))).mtimeMs).toBe(mtime);
  });

  it('builds in full when an output file was changed by hand, and puts it back', async () => {
    const dir = await project();
    await run(dir);
    const good = await readFile(join(dir, 'output', 'feed.xml'), 'utf8');
    await writeFile(join(dir, 'output', 'feed.xml'), 'broken');
    const again = await run(dir);
    expect(again.written).toEqual(['feed.xml']);
    expect(await readFile(join(dir, 'output', 'feed.xml'), 'utf8')).toBe(good);
  });

  it('builds in full when an article, the config or an option changed', async () => {
    const dir = await project();
    await run(dir);
    expect((await run(dir, { utc: true })).feed).toBeDefined();
    await writeFile(join(dir, 'articles', 'b.txt'), article({ dateline: '2024.05.18 08:00 GMT', title: 'Second, edited' }));
    expect((await run(dir)).feed?.entries[0]?.title).toBe('Second, edited');
    const config = JSON.parse(await readFile(join(dir, 'feedwright.config.json'), 'utf8'));
    await writeFile(join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, title: 'Renamed' }));
    expect((await run(dir)).feed?.title).toBe('Renamed');
  });

  it('builds in full when a record left out as future has come due', async () => {
    const dir = await project();
    await writeFile(join(dir, 'articles', 'c.txt'), article({ dateline: '2024.06.01 00:00 GMT', title: 'Later' }));
    await utimes(join(dir, 'articles', 'c.txt'), OLD, OLD);
    expect((await run(dir, { now: new Date('2024-05-20T00:00:00Z') })).items).toBe(2);
    expect((await run(dir, { now: new Date('2024-05-21T00:00:00Z') })).feed).toBeUndefined();
    expect((await run(dir, { now: new Date('2024-06-02T00:00:00Z') })).items).toBe(3);
  });

  it('builds in full when the clock is set back before the last build, so that a record is future again', async () => {
    const dir = await project();
    expect((await run(dir, { now: new Date('2024-05-20T00:00:00Z') })).items).toBe(2);
    const back = await run(dir, { now: new Date('2024-05-17T00:00:00Z') });
    expect(back.feed?.entries.map((e) => e.title)).toEqual(['First']);
  });

  it('stops early after the project moved, with its cache, to another folder', async () => {
    const dir = await project();
    await run(dir);
    const moved = `${dir}-moved`;
    await rename(dir, moved);
    try {
      const again = await run(moved);
      expect(again).toMatchObject({ exitCode: 0, items: 2, written: [] });
      expect(again.feed).toBeUndefined();
    } finally {
      await rename(moved, dir);
    }
  });

  it('does not stop early without a cache', async () => {
    const dir = await project();
    await run(dir, { cacheDir: false });
    expect((await run(dir, { cacheDir: false })).feed).toBeDefined();
  });
});

describe('a rebuild after a broken link appeared', () => {
  it('reports the link instead of stopping early', async () => {
    const { symlink } = await import('node:fs/promises');
    const dir = await project();
    expect((await run(dir)).exitCode).toBe(0);
    await symlink(join(dir, 'nowhere.txt'), join(dir, 'articles', 'new.txt'));
    const again = await run(dir);
    expect(again.exitCode).toBe(1);
    expect(again.diagnostics.map((d) => d.ruleId)).toContain('input/broken-link');
  });
});

describe('a rebuild with nothing changed after a killed build', () => {
  it('does not stop early, and removes the temporary files the killed build left, writing nothing else', async () => {
    const { readdir } = await import('node:fs/promises');
    const dir = await project();
    await run(dir);
    await writeFile(join(dir, 'output', '.feed.xml.999999999.tmp'), 'half a feed');
    const again = await run(dir);
    expect(again.written).toEqual([]);
    expect((await readdir(join(dir, 'output'))).sort()).toEqual(['atom.xml', 'feed.json', 'feed.xml']);
  });
});

describe('the feeds of a set the last build made', () => {
  const manifest = (extra: Partial<Manifest> = {}): Manifest => ({
    format: 4,
    key: 'k',
    inputs: 'i',
    statedAt: 1000,
    builtAt: 1000,
    nextFuture: null,
    items: 1,
    outputs: [],
    diagnostics: [],
    feeds: { 'tags/rivers/': 'f1' },
    ...extra,
  });

  it('are kept only with the same key, fingerprint and files, and not with a clock set back before that build', async () => {
    const dir = await makeProject({ 'output/tags/rivers/feed.xml': '<rss/>' });
    const { size, mtimeMs } = await stat(join(dir, 'output', 'tags', 'rivers', 'feed.xml'));
    const last = manifest({ outputs: [{ name: 'tags/rivers/feed.xml', size, mtimeMs }] });
    const outDir = join(dir, 'output');
    expect(unchangedFeeds(last, { key: 'k', at: 2000, outDir })('tags/rivers/', 'f1')).toEqual(['tags/rivers/feed.xml']);
    expect(unchangedFeeds(last, { key: 'k', at: 2000, outDir })('tags/rivers/', 'f2')).toBeUndefined();
    expect(unchangedFeeds(last, { key: 'other', at: 2000, outDir })('tags/rivers/', 'f1')).toBeUndefined();
    // The proof measures dates from the clock: a build set back may warn where that one did not.
    expect(unchangedFeeds(last, { key: 'k', at: 500, outDir })('tags/rivers/', 'f1')).toBeUndefined();
    await writeFile(join(outDir, 'tags', 'rivers', 'feed.xml'), '<rss></rss>');
    expect(unchangedFeeds(last, { key: 'k', at: 2000, outDir })('tags/rivers/', 'f1')).toBeUndefined();
  });

  it('are none from a manifest whose fingerprints are not a table: it is not trusted at all', async () => {
    const dir = await makeProject({});
    for (const feeds of [null, [], 'f1']) {
      await writeFile(join(dir, 'build.json'), JSON.stringify({ ...manifest(), feeds }));
      expect(await loadManifest(join(dir, 'build.json'))).toBeUndefined();
    }
    await writeFile(join(dir, 'build.json'), JSON.stringify(manifest()));
    expect(await loadManifest(join(dir, 'build.json'))).toMatchObject({ feeds: { 'tags/rivers/': 'f1' } });
  });
});

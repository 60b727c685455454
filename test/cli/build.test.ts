import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, cli, makeProject } from '../helpers.js';

const FILES = {
  'articles/a.txt': article({ dateline: '2024.05.16 11:55 GMT+8', title: 'First' }),
  'articles/b.txt': article({ dateline: '2024.05.17 08:00 GMT-3', title: 'Second' }),
};
const read = (dir: string, name: string) => readFile(join(dir, name), 'utf8');

describe('feedwright build', () => {
  it('builds the three feeds from articles/ into output/ and ends with one summary line', async () => {
    const dir = await makeProject(FILES);
    const { code, stdout, stderr } = await cli(['build'], dir);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe('feedwright: 3 feeds, 2 items, 0 warnings in 0 ms; wrote feed.xml, atom.xml, feed.json\n');
    expect((await readdir(join(dir, 'output'))).sort()).toEqual(['atom.xml', 'feed.json', 'feed.xml']);
  });

  it('produces the same bytes on every build, and rewrites nothing when nothing changed', async () => {
    const dir = await makeProject(FILES);
    await cli(['build'], dir);
    const first = await read(dir, 'output/feed.xml');
    const mtime = (await stat(join(dir, 'output/feed.xml'))).mtimeMs;
    const { stdout } = await cli(['build'], dir);
    expect(stdout).toContain('wrote nothing (unchanged: feed.xml, atom.xml, feed.json)');
    expect(await read(dir, 'output/feed.xml')).toBe(first);
    expect((await stat(join(dir, 'output/feed.xml'))).mtimeMs).toBe(mtime);
  });

  it('takes --articles, --out and --config', async () => {
    const dir = await makeProject({ 'posts/a.txt': FILES['articles/a.txt'] });
    await writeFile(join(dir, 'site.json'), JSON.stringify({ title: 'Other', siteUrl: 'https://other.example.net', author: 'Desk' }));
    const { code } = await cli(['build', '--articles', 'posts', '--out', 'public/feeds', '--config', 'site.json'], dir);
    expect(code).toBe(0);
    expect(await read(dir, 'public/feeds/feed.xml')).toContain('<link>https://other.example.net/articles/a/</link>');
  });

  it('writes every date in UTC under --utc, and the ids stay the same', async () => {
    const dir = await makeProject(FILES);
    await cli(['build'], dir);
    const kept = JSON.parse(await read(dir, 'output/feed.json'));
    await cli(['build', '--utc'], dir);
    const utc = JSON.parse(await read(dir, 'output/feed.json'));
    expect(kept.items[1].date_published).toBe('2024-05-16T11:55:00+08:00');
    expect(utc.items[1].date_published).toBe('2024-05-16T03:55:00Z');
    expect(utc.items.map((i: { id: string }) => i.id)).toEqual(kept.items.map((i: { id: string }) => i.id));
    expect(await read(dir, 'output/feed.xml')).toContain('<pubDate>Thu, 16 May 2024 03:55:00 +0000</pubDate>');
  });

  it('honours "utc": true in the config', async () => {
    const dir = await makeProject(FILES, { title: 'T', siteUrl: 'https://example.org', author: 'Desk', utc: true });
    await cli(['build'], dir);
    expect(await read(dir, 'output/atom.xml')).toContain('<published>2024-05-17T11:00:00Z</published>');
  });

  it('--check writes nothing and exits 1 when output/ is stale, 0 when it is current', async () => {
    const dir = await makeProject(FILES);
    const missing = await cli(['build', '--check'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('output/feed.xml: error: is missing; run "feedwright build"');
    await expect(readdir(join(dir, 'output'))).rejects.toThrow();

    await cli(['build'], dir);
    expect((await cli(['build', '--check'], dir)).code).toBe(0);

    await writeFile(join(dir, 'articles/c.txt'), article({ dateline: '2024.05.18 08:00 GMT', title: 'Third' }));
    const stale = await cli(['build', '--check'], dir);
    expect(stale.code).toBe(1);
    expect(await read(dir, 'output/feed.json')).not.toContain('Third');
  });

  it('exits 2 for an unknown option or command, with the usage', async () => {
    const dir = await makeProject(FILES);
    const bad = await cli(['build', '--frobnicate'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage:');
    expect((await cli(['publish'], dir)).code).toBe(2);
  });

  it('exits 1 when the articles folder is missing or holds nothing publishable', async () => {
    const dir = await makeProject({});
    const empty = await cli(['build'], dir);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('articles: error: holds no publishable article');
    const missing = await cli(['build', '--articles', 'nope'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope: error: does not exist');
  });

  it('ignores hidden files, _-prefixed files and unknown extensions', async () => {
    const dir = await makeProject({ ...FILES, 'articles/.draft.txt': 'junk', 'articles/_notes.txt': 'junk', 'articles/photo.jpg': 'junk', 'articles/.git/x.txt': 'junk' });
    expect((await cli(['build'], dir)).code).toBe(0);
  });

  it('measures the length of an enclosure served from publicDir', async () => {
    const dir = await makeProject(
      { 'articles/a.txt': article({ front: 'image: https://example.org/media/photo.png' }), 'public/media/photo.png': new Uint8Array(777) },
      { title: 'T', siteUrl: 'https://example.org', author: 'Desk', publicDir: 'public' },
    );
    expect((await cli(['build'], dir)).code).toBe(0);
    expect(await read(dir, 'output/feed.xml')).toContain('<enclosure url="https://example.org/media/photo.png" length="777" type="image/png"/>');
    expect(await read(dir, 'output/atom.xml')).toContain('<link rel="enclosure" type="image/png" href="https://example.org/media/photo.png" length="777"/>');
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_CONFIG, article, cli, makeProject } from '../helpers.js';

const FILES = {
  'articles/a.txt': article({ dateline: '2024.05.16 11:55 GMT+8', title: 'First' }),
  'articles/b.txt': article({ dateline: '2024.05.17 08:00 GMT-3', title: 'Second' }),
};

/** A project built once, so that `build --check` has an output folder to compare with. */
async function built(config: object = BASE_CONFIG): Promise<string> {
  const dir = await makeProject(FILES, config);
  expect((await cli(['build'], dir)).code).toBe(0);
  return dir;
}

const check = (dir: string) => cli(['build', '--check'], dir);

describe('build --check', () => {
  it('names the first item that changed, the field, and both values', async () => {
    const dir = await built();
    await writeFile(join(dir, 'articles/a.txt'), article({ dateline: '2024.05.16 11:55 GMT+8', title: 'First, corrected' }));
    const { code, stderr } = await check(dir);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'output/feed.xml: error: is out of date: item 2 (tag:wire.example.org,2024-05-16:a): "title" is "First" on disk, the articles build "First, corrected"; run "feedwright build" and commit the result [output/stale]',
    );
    expect(stderr).toContain('output/atom.xml: error: is out of date: item 2 (tag:wire.example.org,2024-05-16:a): "title"');
    expect(stderr).toContain('output/feed.json: error: is out of date: item 2 (tag:wire.example.org,2024-05-16:a): "title"');
  });

  it('names a date that moved to another instant', async () => {
    const dir = await built();
    await writeFile(join(dir, 'articles/a.txt'), article({ dateline: '2024.05.16 11:55 GMT+9', title: 'First' }));
    const { stderr } = await check(dir);
    expect(stderr).toContain('output/atom.xml: error: is out of date: item 2 (tag:wire.example.org,2024-05-16:a): "published" is "2024-05-16T11:55:00+08:00" on disk, the articles build "2024-05-16T11:55:00+09:00"');
  });

  it('names a new item and an item no longer built', async () => {
    const dir = await built();
    await writeFile(join(dir, 'articles/c.txt'), article({ dateline: '2024.05.18 08:00 GMT', title: 'Third' }));
    expect((await check(dir)).stderr).toContain('output/feed.xml: error: is out of date: item 1 is new: tag:wire.example.org,2024-05-18:c "Third"; run "feedwright build"');

    const other = await built();
    await writeFile(join(other, 'articles/a.txt'), article({ dateline: '2024.05.16 11:55 GMT+8', title: 'First', front: 'draft: true' }));
    expect((await check(other)).stderr).toContain('output/feed.json: error: is out of date: item 2 on disk, tag:wire.example.org,2024-05-16:a "First", is no longer built');
  });

  it("names a change to the feed's own fields", async () => {
    const dir = await built();
    await writeFile(join(dir, 'feedwright.config.json'), JSON.stringify({ ...BASE_CONFIG, title: 'Test Wire Weekly' }));
    expect((await check(dir)).stderr).not.toContain('item');
    expect((await check(dir)).stderr).toContain(`output/feed.xml: error: is out of date: the feed's "title" is "Test Wire" on disk, the articles build "Test Wire Weekly"`);
  });

  it('gives the first differing line when the items are the same and only the bytes differ', async () => {
    const dir = await built();
    const path = join(dir, 'output/feed.xml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('<rss version="2.0"', '<rss  version="2.0"'));
    expect((await check(dir)).stderr).toContain('output/feed.xml:2: error: is out of date from this line on; run "feedwright build"');
  });

  it('says when the file on disk is not a feed it can read back', async () => {
    const dir = await built();
    await writeFile(join(dir, 'output/feed.json'), '{ "half": ');
    expect((await check(dir)).stderr).toContain('output/feed.json: error: is out of date: the file on disk cannot be read back (it is not valid JSON');
  });

  it('covers the stylesheet, the precompressed copies and _headers too', async () => {
    const dir = await built({ ...BASE_CONFIG, stylesheet: true, precompress: true, headers: true });
    expect((await check(dir)).code).toBe(0);
    await writeFile(join(dir, 'output/feed.xml.br'), 'not brotli');
    await writeFile(join(dir, 'output/_headers'), '# edited by hand\n');
    await writeFile(join(dir, 'output/feed.xsl'), '');
    const { code, stderr } = await check(dir);
    expect(code).toBe(1);
    expect(stderr).toContain('output/feed.xml.br: error: is out of date: it is not a compressed copy of feed.xml as the build writes it');
    expect(stderr).toContain('output/_headers:1: error: is out of date from this line on');
    expect(stderr).toContain('output/feed.xsl:1: error: is out of date from this line on');
    expect(stderr).not.toContain('output/feed.xml.gz');
  });
});

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRecordFiles, readRecords } from '../../src/build/files.js';
import { BASE_CONFIG, article, cli, makeProject } from '../helpers.js';

const feedItems = async (dir: string) => (JSON.parse(await readFile(join(dir, 'output', 'feed.json'), 'utf8')) as { items: Record<string, unknown>[] }).items;

describe('posts as other tools write them, built', () => {
  it('builds a Jekyll post dated by its name, a Hugo bundle and a TOML post together, each with its own link', async () => {
    const dir = await makeProject(
      {
        'articles/_posts/2024-05-14-harbour-cranes.markdown': ['---', 'layout: post', 'title:  "Harbour cranes return"', '---', '', 'The cranes are back.', ''].join('\n'),
        'articles/posts/river-walk/index.md': ['', '---', 'title: "River walk"', 'date: 2024-05-15T08:00:00+02:00', '---', '', 'A walk along the river.', ''].join('\n'),
        'articles/posts/lake-swim/index.md': ['+++', 'title = "Lake swim"', 'date = 2024-05-16T07:00:00', '+++', '', 'A swim in the lake.', ''].join('\n'),
      },
      { ...BASE_CONFIG, timezone: 'Europe/Lisbon' },
    );
    // Jekyll keeps its posts in _posts, which feedwright skips as it skips every `_` name: point it there.
    const posts = await cli(['build', '--articles', 'articles/_posts', '--out', 'jekyll-out'], dir);
    // Jekyll's `layout` means nothing to a feed: one warning for the build counts it, and nothing is refused.
    expect(posts.stderr).toMatch(/^articles\/_posts: warning: 1 record has fields feedwright does not use: layout \(1\); [^\n]* \[input\/unknown-fields\]\n$/);
    const jekyll = (JSON.parse(await readFile(join(dir, 'jekyll-out', 'feed.json'), 'utf8')) as { items: Record<string, unknown>[] }).items;
    expect(jekyll).toEqual([expect.objectContaining({ title: 'Harbour cranes return', date_published: '2024-05-14T00:00:00+01:00', url: expect.stringContaining('/harbour-cranes/') })]);

    const { code, stderr } = await cli(['build'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const items = await feedItems(dir);
    expect(items.map((i) => [i.title, i.date_published])).toEqual([
      ['Lake swim', '2024-05-16T07:00:00+01:00'],
      ['River walk', '2024-05-15T08:00:00+02:00'],
    ]);
    expect(items[0]?.url).toContain('/lake-swim/');
    expect(items[1]?.url).toContain('/river-walk/');
  });
});

describe("an Eleventy blog's folder", () => {
  it("builds its posts, and reads neither its directory data file nor a template's data file as records", async () => {
    const dir = await makeProject(
      {
        'articles/blog/blog.json': JSON.stringify({ tags: ['posts'], layout: 'layouts/post.njk' }, null, '\t'),
        'articles/blog/tide-tables.11tydata.json': JSON.stringify({ eleventyExcludeFromCollections: false }),
        'articles/blog/tide-tables.md': ['---', 'title: New tide tables', 'description: The harbour office printed this year’s tables.', 'date: 2024-05-01', 'tags:', '  - harbour', '---', 'The tables are out.', ''].join('\n'),
        // An export named for its folder is still read: it holds content.
        'articles/wire/wire.json': JSON.stringify({ title: 'Wire report', published: '2024-05-02T09:00:00Z', content_html: '<p>Report.</p>' }),
      },
      // A date without a time is midnight in the configured zone (UTC, as Eleventy reads it).
      { ...BASE_CONFIG, timezone: 'UTC' },
    );
    const { code, stderr } = await cli(['build'], dir);
    expect(stderr).toBe(
      'articles/blog/blog.json:1: info: is an Eleventy directory data file (a .json file named for its folder, with no content): it holds the folder\'s defaults for Eleventy, not a record, so it is not read [input/folder-data]\n',
    );
    expect(code).toBe(0);
    expect((await feedItems(dir)).map((i) => [i.title, i.summary, i.tags])).toEqual([
      ['Wire report', 'Report.', undefined],
      ['New tide tables', 'The harbour office printed this year’s tables.', ['harbour']],
    ]);
  });
});

describe('a year before 100', () => {
  it('is published as written, not as 19xx, and the proof warns that it is implausible', async () => {
    // Before, Date.UTC read the year 0050 as 1950.
    const dir = await makeProject({ 'articles/old.txt': article({ dateline: '0050.06.03 09:15 GMT+2', title: 'An old date' }) });
    const { code, stderr } = await cli(['build'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('is 0050-06-03T07:15:00Z, before 1990');
    expect((await feedItems(dir))[0]).toMatchObject({ title: 'An old date', date_published: '0050-06-03T09:15:00+02:00' });
  });
});

describe('names that are not UTF-8', () => {
  const LATIN1_E = Buffer.from([0xe9]);

  it('reports a record file and a folder whose names are not UTF-8, with their bytes, and reads the rest', async () => {
    const dir = await makeProject({ 'articles/good.txt': article() });
    const articles = join(dir, 'articles');
    await writeFile(Buffer.concat([Buffer.from(join(articles, 'caf')), LATIN1_E, Buffer.from('.md')]), article());
    const folder = Buffer.concat([Buffer.from(join(articles, 'r')), LATIN1_E, Buffer.from('sum')]);
    await mkdir(folder);
    await writeFile(Buffer.concat([folder, Buffer.from('/inside.txt')]), article());
    const files = listRecordFiles(articles);
    expect([...files.paths]).toEqual([join(articles, 'good.txt')]);
    expect(files.unlisted).toEqual([
      expect.objectContaining({ path: join(articles, 'caf\uFFFD.md'), severity: 'error', ruleId: 'input/name-not-utf8', message: expect.stringContaining('has a name that is not UTF-8 (its bytes: 63 61 66 E9 2E 6D 64)') }),
      expect.objectContaining({ path: join(articles, 'r\uFFFDsum'), severity: 'error', ruleId: 'input/name-not-utf8', message: expect.stringContaining('has a folder whose name is not UTF-8') }),
    ]);
    const { records, diagnostics } = readRecords(articles, {}, 'articles');
    expect(records).toHaveLength(1);
    expect(diagnostics.map((d) => d.file)).toEqual(['articles/caf\uFFFD.md', 'articles/r\uFFFDsum']);
  });

  it('reads a name that truly holds U+FFFD as any other', async () => {
    const dir = await makeProject({ 'articles/odd\uFFFD.txt': article() });
    const files = listRecordFiles(join(dir, 'articles'));
    expect([...files.paths]).toEqual([join(dir, 'articles', 'odd\uFFFD.txt')]);
    expect(files.unlisted).toEqual([]);
  });
});

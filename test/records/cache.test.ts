import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordCache } from '../../src/records/cache.js';
import { readRecords } from '../../src/records/index.js';
import { build } from '../../src/build.js';
import { article, BASE_CONFIG, makeProject } from '../helpers.js';

const OLD = new Date('2024-01-01T00:00:00Z');

async function project() {
  const dir = await makeProject({
    'articles/a.txt': article({ dateline: '2024.05.16 11:55 GMT+8', title: 'Plain text' }),
    'articles/b.md': '---\ntitle: Markdown\npublished: 2024-05-17 09:00 Europe/Lisbon\n---\nSome *emphasis*.\n',
  });
  // Old enough that size and mtime may stand in for the content.
  for (const name of ['a.txt', 'b.md']) await utimes(join(dir, 'articles', name), OLD, OLD);
  return dir;
}
const cachePath = (dir: string) => join(dir, 'cache', 'records');
/** The shard files of the cache, by name. */
const shards = async (dir: string) => Object.fromEntries(await Promise.all((await readdir(cachePath(dir))).map(async (name) => [name, await readFile(join(cachePath(dir), name), 'utf8')] as const)));
const read = async (dir: string, timezone?: string) => {
  const context = timezone ? { timezone } : {};
  const cache = RecordCache.open(cachePath(dir), context);
  const result = await readRecords(join(dir, 'articles'), context, { display: 'articles', cache });
  await cache.save();
  return result;
};
const summary = (r: Awaited<ReturnType<typeof read>>) =>
  r.records.map((x) => ({ slug: x.slug, title: x.title, published: x.published?.toISO(), zone: x.published?.zoneName, content: x.contentHtml, file: x.source.file }));

describe('the record cache', () => {
  it('gives back the same records, dates with their zones and content included', async () => {
    const dir = await project();
    const fresh = summary(await read(dir));
    expect(await readdir(join(dir, 'cache'))).toEqual(['records']);
    expect(Object.keys(await shards(dir)).every((name) => /^\d+\.json$/.test(name))).toBe(true);
    const cached = summary(await read(dir));
    expect(cached).toEqual(fresh);
    expect(cached[1]).toMatchObject({ zone: 'Europe/Lisbon', content: '<p>Some <em>emphasis</em>.</p>' });
  });

  it('keeps no article content in the cache file', async () => {
    const dir = await project();
    await read(dir);
    expect(Object.values(await shards(dir)).join('')).toContain('Markdown');
    expect(Object.values(await shards(dir)).join('')).not.toContain('emphasis');
  });

  it('parses a changed file again, even with the same size and mtime', async () => {
    const dir = await project();
    await read(dir);
    const file = join(dir, 'articles', 'a.txt');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Plain text', 'Plain tex!'));
    await utimes(file, OLD, OLD);
    // Same size, same mtime, but the write moved the ctime: the bytes are hashed again.
    expect(summary(await read(dir))[0]?.title).toBe('Plain tex!');
  });

  it('parses a file whose size or mtime changed', async () => {
    const dir = await project();
    await read(dir);
    await writeFile(join(dir, 'articles', 'a.txt'), article({ dateline: '2024.05.16 11:55 GMT+8', title: 'A new headline' }));
    expect(summary(await read(dir))[0]?.title).toBe('A new headline');
  });

  it('ignores a corrupt cache', async () => {
    const dir = await project();
    await read(dir);
    for (const name of Object.keys(await shards(dir))) await writeFile(join(cachePath(dir), name), '{"format": 4, "entries": {"a.txt": 7');
    expect(summary(await read(dir))[0]?.title).toBe('Plain text');
  });

  it('rewrites only the shard of a changed file', async () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`articles/n${i}.txt`, article({ title: `Note ${i}` })]));
    const dir = await makeProject(files);
    for (let i = 0; i < 40; i++) await utimes(join(dir, 'articles', `n${i}.txt`), OLD, OLD);
    await read(dir);
    const before = await shards(dir);
    expect(Object.keys(before).length).toBeGreaterThan(2);
    await writeFile(join(dir, 'articles', 'n7.txt'), article({ title: 'Note seven, revised' }));
    await utimes(join(dir, 'articles', 'n7.txt'), OLD, OLD);
    await read(dir);
    const after = await shards(dir);
    const rewritten = Object.keys(after).filter((name) => after[name] !== before[name]);
    expect(rewritten).toHaveLength(1);
    expect(after[rewritten[0]!]).toContain('Note seven, revised');
    expect((await read(dir)).records.find((r) => r.slug === 'n7')?.title).toBe('Note seven, revised');
  });

  it('ignores a cache made for another timezone', async () => {
    const dir = await makeProject({ 'articles/a.txt': article({ dateline: '2024.05.16 11:55', title: 'No zone' }) });
    await utimes(join(dir, 'articles', 'a.txt'), OLD, OLD);
    expect((await read(dir, 'Asia/Tokyo')).records[0]?.published?.toISO()).toBe('2024-05-16T11:55:00.000+09:00');
    expect((await read(dir, 'Europe/Paris')).records[0]?.published?.toISO()).toBe('2024-05-16T11:55:00.000+02:00');
  });

  it('replays the warnings a cached file gave, naming the file', async () => {
    const dir = await makeProject({ 'articles/a.txt': article({ title: 'Bell\u0007 rings' }) });
    await utimes(join(dir, 'articles', 'a.txt'), OLD, OLD);
    const first = await read(dir);
    const second = await read(dir);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.diagnostics[0]).toMatchObject({ file: 'articles/a.txt', ruleId: 'input/forbidden-character' });
  });
});

describe('the record cache, given a cache file it did not write', () => {
  it('treats a record of the wrong shape as a miss, never a crash', async () => {
    const dir = await project();
    await read(dir);
    for (const [name, text] of Object.entries(await shards(dir))) {
      const data = JSON.parse(text);
      for (const entry of Object.values(data.entries) as { records: { lines?: unknown }[] }[]) for (const record of entry.records) delete record.lines;
      await writeFile(join(cachePath(dir), name), JSON.stringify(data));
    }
    expect(summary(await read(dir)).map((r) => r.title)).toEqual(['Plain text', 'Markdown']);
  });
});

describe('the record cache in a build', () => {
  const config = { ...BASE_CONFIG, limit: 2 };
  const build3 = (dir: string) => build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', cacheDir: 'cache' });

  it('gives the same ids and dates from the cache as from the files', async () => {
    const dir = await makeProject(
      {
        'articles/late.md': '---\ntitle: Late\npublished: 2024-05-16 23:30 America/Los_Angeles\nupdated: 2024-11-03 01:30 -07:00\n---\nLate in the day.\n',
        'articles/early.txt': article({ dateline: '2024.05.17 00:15 GMT+14', title: 'Early' }),
        'articles/other.txt': article({ dateline: '2024.05.01 08:00 GMT', title: 'Other' }),
      },
      { ...config, limit: 3 },
    );
    for (const name of ['late.md', 'early.txt', 'other.txt']) await utimes(join(dir, 'articles', name), OLD, OLD);
    const view = (r: Awaited<ReturnType<typeof build3>>) => r.feed?.entries.map((e) => [e.id, e.published.toISO(), e.published.zoneName, e.updated.toISO()]);
    const fresh = view(await build3(dir));
    expect(fresh?.map((e) => e[0])).toEqual(['tag:wire.example.org,2024-05-16:late', 'tag:wire.example.org,2024-05-17:early', 'tag:wire.example.org,2024-05-01:other']);
    await writeFile(join(dir, 'articles', 'other.txt'), article({ dateline: '2024.05.01 08:00 GMT', title: 'Other, edited' }));
    expect(view(await build3(dir))).toEqual(fresh);
  });
});

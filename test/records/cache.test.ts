import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordCache } from '../../src/records/cache.js';
import { readRecords } from '../../src/records/index.js';
import { article, makeProject } from '../helpers.js';

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
const cachePath = (dir: string) => join(dir, 'cache', 'records.json');
const read = async (dir: string, timezone?: string) => {
  const context = timezone ? { timezone } : {};
  const cache = await RecordCache.open(cachePath(dir), context);
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
    expect(await readdir(join(dir, 'cache'))).toEqual(['records.json']);
    const cached = summary(await read(dir));
    expect(cached).toEqual(fresh);
    expect(cached[1]).toMatchObject({ zone: 'Europe/Lisbon', content: '<p>Some <em>emphasis</em>.</p>' });
  });

  it('keeps no article content in the cache file', async () => {
    const dir = await project();
    await read(dir);
    expect(await readFile(cachePath(dir), 'utf8')).not.toContain('emphasis');
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
    await writeFile(cachePath(dir), '{"format": 2, "entries": {"a.txt": 7');
    expect(summary(await read(dir))[0]?.title).toBe('Plain text');
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
    const data = JSON.parse(await readFile(cachePath(dir), 'utf8'));
    for (const entry of Object.values(data.entries) as { records: { lines?: unknown }[] }[]) for (const record of entry.records) delete record.lines;
    await writeFile(cachePath(dir), JSON.stringify(data));
    expect(summary(await read(dir)).map((r) => r.title)).toEqual(['Plain text', 'Markdown']);
  });
});

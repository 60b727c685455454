import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileMemo } from '../../src/cache/memo.js';
import type { Placement } from '../../src/model/place.js';

const OLD = { size: 10, mtimeMs: 1_000, ctimeMs: 1_000 };
const LATER = 1_000_000;
const placement = (file: string, slug: string): Placement => ({ file, slug, id: `tag:e.example,2024-06-01:${slug}`, link: `https://e.example/${slug}/`, published: Date.UTC(2024, 5, 1), offset: 0 });

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A memo kept of `names`, in that order, as a build that read those files leaves it. */
async function kept(names: readonly string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'fw-memo-stream-'));
  dirs.push(dir);
  const path = join(dir, 'memo.jsonl');
  const memo = FileMemo.open(path, 'k');
  for (const name of names) memo.keep(name, OLD, LATER, `hash-${name}`, [placement(name, name.replace(/\W/g, '-'))]);
  memo.save();
  return { dir, path };
}

describe('the memo as a stream of lines', () => {
  it('is one line a file, in the order the files were read, after a line naming its format, code and key', async () => {
    const { path } = await kept(['articles/a.txt', 'articles/b.txt']);
    const lines = (await readFile(path, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.file)).toEqual([undefined, 'articles/a.txt', 'articles/b.txt']);
    expect(lines[0]).toEqual({ format: expect.any(Number), code: expect.any(String), key: 'k' });
  });

  it('vouches for the files looked up in its order, passing over those gone, and not for one it does not hold', async () => {
    const { path } = await kept(['articles/a.txt', 'articles/b.txt', 'articles/c.txt', 'articles/d.txt']);
    const memo = FileMemo.open(path, 'k');
    const look = (file: string) => memo.lookup(file, join('/nowhere', file), OLD, LATER).fresh;
    // b.txt is gone, a new file sorts between, and the rest are still vouched for.
    expect([look('articles/a.txt'), look('articles/bb.txt'), look('articles/c.txt'), look('articles/d.txt')]).toEqual([true, false, true, true]);
    memo.save();
    const again = FileMemo.open(path, 'k');
    expect(['articles/a.txt', 'articles/c.txt', 'articles/d.txt'].map((file) => again.lookup(file, file, OLD, LATER).fresh)).toEqual([true, true, true]);
  });

  it('keeps the records the feed showed after the files, and gives them once every file has been looked up', async () => {
    const { path } = await kept(['articles/a.txt']);
    const memo = FileMemo.open(path, 'k');
    expect(memo.lookup('articles/a.txt', 'articles/a.txt', OLD, LATER).fresh).toBe(true);
    memo.keepShown('articles/a.txt', [{ slug: 'a', title: 'A', source: { file: 'articles/a.txt', line: 1 }, lines: {} } as never], 'hash-a');
    memo.save();
    const again = FileMemo.open(path, 'k');
    again.lookup('articles/a.txt', 'articles/a.txt', OLD, LATER);
    expect(again.keptRecords('articles/a.txt')).toEqual({ hash: 'hash-a', records: [expect.objectContaining({ title: 'A' })] });
    expect(again.keptRecords('articles/b.txt')).toBeUndefined();
  });

  it('removes what a killed build left and a memo of the format before, and saves in place of the last', async () => {
    const { dir, path } = await kept(['articles/a.txt']);
    await writeFile(`${path}.0123456789ab.tmp`, 'left by a killed build');
    await writeFile(join(dir, 'memo.json'), '{"format":3}');
    const memo = FileMemo.open(path, 'k');
    expect(memo.lookup('articles/a.txt', 'articles/a.txt', OLD, LATER).fresh).toBe(true);
    const names = await readdir(dir);
    expect(names).not.toContain('memo.jsonl.0123456789ab.tmp');
    expect(names).not.toContain('memo.json');
    memo.save();
    expect(await readdir(dir)).toEqual(['memo.jsonl']);
  });

  it('leaves the last memo as it was, and no temporary file, when the build stops before saving', async () => {
    const { dir, path } = await kept(['articles/a.txt']);
    const before = await readFile(path, 'utf8');
    const memo = FileMemo.open(path, 'k');
    memo.keep('articles/z.txt', OLD, LATER, 'hash-z', []);
    memo.discard();
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['memo.jsonl']);
  });
});

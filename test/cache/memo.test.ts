import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build/build.js';
import { article, makeProject } from '../helpers.js';

const OLD = new Date('2024-01-01T00:00:00Z');
const run = (dir: string, extra: Partial<BuildOptions> = {}) => build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', ...extra });

/** Two records whose files have not changed for long (older than the file system's timestamp granularity); the feed shows `limit` of them. */
async function project(limit = 50) {
  const config = { title: 'Test Wire', siteUrl: 'https://wire.example.org', author: { name: 'Wire Desk' }, limit };
  const dir = await makeProject({ 'articles/a.txt': article({ title: 'Older one' }), 'articles/b.txt': article({ dateline: '2024.05.18 08:00 GMT', title: 'Newer one' }) }, config);
  for (const name of ['a.txt', 'b.txt']) await utimes(join(dir, 'articles', name), OLD, OLD);
  return dir;
}

/** Rewrites a record file with other bytes of the same size, and sets its mtime back: as a tool that restores times leaves it. */
async function editInPlace(path: string, from: string, to: string) {
  const text = await readFile(path, 'utf8');
  expect(to.length).toBe(from.length);
  await writeFile(path, text.replace(from, to));
  await utimes(path, OLD, OLD);
}

const titles = async (dir: string) => JSON.parse(await readFile(join(dir, 'output', 'feed.json'), 'utf8')).items.map((i: { title: string }) => i.title);

describe('the memo of the per-file step', () => {
  it('sees a shown record\'s file edited at the same size with its mtime set back: its ctime tells', async () => {
    const dir = await project();
    await run(dir);
    await editInPlace(join(dir, 'articles', 'b.txt'), 'Newer one', 'Fresh one');
    await writeFile(join(dir, 'articles', 'c.txt'), article({ dateline: '2024.05.10 08:00 GMT', title: 'Oldest' }));
    expect((await run(dir)).exitCode).toBe(0);
    expect(await titles(dir)).toEqual(['Fresh one', 'Older one', 'Oldest']);
  });

  it('places the record again when a file changed its date without changing its size or mtime', async () => {
    const dir = await project();
    await run(dir);
    await editInPlace(join(dir, 'articles', 'a.txt'), '2024.05.16', '2024.05.19');
    await writeFile(join(dir, 'articles', 'c.txt'), article({ dateline: '2024.05.10 08:00 GMT', title: 'Oldest' }));
    expect((await run(dir)).exitCode).toBe(0);
    expect(await titles(dir)).toEqual(['Older one', 'Newer one', 'Oldest']);
  });

  it('is read again in full when the memo is corrupt, cut short or from another version', async () => {
    const dir = await project();
    await run(dir);
    const { readdir } = await import('node:fs/promises');
    const cache = join(dir, 'node_modules', '.cache', 'feedwright');
    const memo = (await readdir(cache)).find((n) => n.startsWith('memo-'))!;
    const text = await readFile(join(cache, memo), 'utf8');
    const [header, ...files] = text.trim().split('\n').map((line) => JSON.parse(line));
    expect(header).toEqual({ format: expect.any(Number), code: expect.any(String), key: expect.any(String) });
    expect(files[0]).toMatchObject({ file: 'articles/a.txt', size: expect.any(Number), mtimeMs: expect.any(Number), hash: expect.any(String), placements: [expect.objectContaining({ slug: expect.any(String), id: expect.any(String) })] });
    const lines = text.split('\n');
    const broken = [
      '{"format": 3, "files": {"articles/a.txt": [1, 2, 3]}}',
      text.slice(0, 40),
      text.slice(0, text.indexOf('\n') + 40),
      [JSON.stringify({ ...header, code: 'another' }), ...lines.slice(1)].join('\n'),
      [lines[0], JSON.stringify({ ...files[0], placements: [{ slug: 1 }] }), ...lines.slice(2)].join('\n'),
    ];
    for (const memoText of broken) {
      await writeFile(join(cache, memo), memoText);
      await editInPlace(join(dir, 'articles', 'a.txt'), 'Older one', 'Older two');
      expect((await run(dir)).exitCode).toBe(0);
      expect(await titles(dir)).toEqual(['Newer one', 'Older two']);
      await editInPlace(join(dir, 'articles', 'a.txt'), 'Older two', 'Older one');
      await run(dir);
    }
  });

  it('does not keep a file that gave a message, so that the message is given on every build', async () => {
    const dir = await project();
    await writeFile(join(dir, 'articles', 'c.json'), JSON.stringify({ title: 'Mind the type', published: '2024-05-10T08:00:00Z', content_html: '<p>x</p>', attachments: [{ url: 'https://wire.example.org/a.mp3', type: 'audio/x-made-up' }] }));
    await utimes(join(dir, 'articles', 'c.json'), OLD, OLD);
    const first = await run(dir);
    const again = await run(dir, { utc: true });
    expect(first.diagnostics.map((d) => d.ruleId)).toContain('input/media-type');
    expect(again.diagnostics.map((d) => d.ruleId)).toContain('input/media-type');
  });
});

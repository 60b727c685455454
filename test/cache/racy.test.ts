import * as fs from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { article, makeProject } from '../helpers.js';

/**
 * A file system with coarse timestamps (one second, two on FAT): an edit in
 * the same second as the last look at a file leaves its size and times as
 * they were. Here the record file's times are held still, as such a file
 * system would show them, and the clock runs as a long build's would.
 */
const still = { mtimeMs: 0, ctimeMs: 0 };
vi.mock('node:fs', async (original) => {
  const real = await original<typeof fs>();
  const statSync = ((path: fs.PathLike, options?: fs.StatSyncOptions) => {
    const stats = real.statSync(path, options);
    if (stats && String(path).endsWith('a.txt')) return Object.assign(Object.create(Object.getPrototypeOf(stats)), stats, still);
    return stats;
  }) as typeof fs.statSync;
  return { ...real, default: { ...real, statSync }, statSync };
});

afterEach(() => vi.restoreAllMocks());

describe('a record edited within the timestamp granularity of the moment the last build looked at it', () => {
  it('is read again, though the last build took long enough for its cache to be saved well after that moment', async () => {
    const dir = await makeProject({ 'articles/a.txt': article({ title: 'First draft' }) });
    const { build } = await import('../../src/build/build.js');
    const run = () => build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', now: new Date('2025-01-01T00:00:00Z') });
    // The file was last written one second before the build looked at it; the build then ran for five seconds.
    const lookedAt = Date.now();
    still.mtimeMs = still.ctimeMs = lookedAt - 1000;
    let calls = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => lookedAt + (calls++ === 0 ? 0 : 5000));
    expect((await run()).exitCode).toBe(0);
    vi.restoreAllMocks();
    // Edited in that same second: the same size, and to this file system the same times.
    const path = join(dir, 'articles', 'a.txt');
    await writeFile(path, (await readFile(path, 'utf8')).replace('First draft', 'Final draft'));
    expect((await run()).exitCode).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'output', 'feed.json'), 'utf8')).items[0].title).toBe('Final draft');
  });
});

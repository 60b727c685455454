import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WriteError } from '../../src/vocabulary/errors.js';
import { publish, Staging } from '../../src/write/publish.js';
import { tempDir } from '../temp.js';

/**
 * Failures a real disk gives rarely and a test cannot arrange otherwise (a
 * rename back that fails in the middle of a commit): the file system calls
 * of the module under test fail when `failing` says so.
 */
const failing = vi.hoisted(() => ({ when: undefined as ((call: string, ...paths: string[]) => boolean) | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const guarded =
    <A extends unknown[], R>(call: string, original: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      failing.when?.(call, ...args.filter((a): a is string => typeof a === 'string'))
        ? Promise.reject(Object.assign(new Error(`EIO: i/o error, ${call}`), { code: 'EIO' }))
        : original(...args);
  return { ...fs, open: guarded('open', fs.open), rename: guarded('rename', fs.rename), unlink: guarded('unlink', fs.unlink) };
});

afterEach(() => {
  failing.when = undefined;
});

const OLD = { 'feed.xml': 'old rss\n', 'atom.xml': 'old atom\n', 'feed.json': 'old json\n' };
const NEW = { 'feed.xml': 'new rss\n', 'atom.xml': 'new atom\n', 'feed.json': 'new json\n' };
const files = (texts: Record<string, string>) => Object.entries(texts).map(([name, text]) => ({ name, text }));
const contents = async (dir: string, names: readonly string[]) => Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')])));

describe('a commit that fails', () => {
  it('replaces no file when one of them cannot be written: the folder stays all old', async () => {
    const dir = await tempDir('feedwright-commit-');
    await publish(dir, files(OLD));
    failing.when = (call, path) => call === 'open' && basename(path ?? '').startsWith('.feed.json.');
    await expect(publish(dir, files(NEW))).rejects.toThrow(`cannot write ${join(dir, 'feed.json')}; the previous output was left as it was`);
    expect(await contents(dir, Object.keys(OLD))).toEqual(OLD);
    expect((await readdir(dir)).sort()).toEqual(Object.keys(OLD).sort());
  });

  it('says exactly which files are new and which old when even putting them back fails, and keeps the old version it could not put back', async () => {
    const dir = await tempDir('feedwright-commit-');
    await publish(dir, files(OLD));
    // feed.xml and atom.xml are replaced, feed.json fails; feed.xml cannot be put back, atom.xml can.
    failing.when = (call, from, to) => call === 'rename' && ((to === join(dir, 'feed.json') && from!.endsWith('.tmp')) || (to === join(dir, 'feed.xml') && from!.endsWith('.old')));
    const staging = await Staging.open(dir);
    for (const file of files(NEW)) await staging.add(file);
    const error = await staging.commit().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WriteError);
    const kept = (await readdir(dir)).filter((n) => n.endsWith('.old'));
    expect(kept).toHaveLength(1);
    expect((error as Error).message).toBe(
      `cannot replace ${join(dir, 'feed.json')}, and putting back the files already replaced failed too: new: feed.xml; as they were: atom.xml, feed.json; ` +
        `the previous versions are kept, until the next build, in ${dir}: feed.xml as ${kept[0]}; run the build again`,
    );
    expect(await contents(dir, Object.keys(OLD))).toEqual({ ...OLD, 'feed.xml': NEW['feed.xml'] });
    expect(await readFile(join(dir, kept[0]!), 'utf8')).toBe(OLD['feed.xml']);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp') || n === '.feedwright.lock')).toEqual([]);

    // The next build clears what this one kept, and writes the folder whole.
    failing.when = undefined;
    await publish(dir, files(NEW));
    expect((await readdir(dir)).sort()).toEqual(Object.keys(NEW).sort());
  });

  it('puts a removed file back when a later removal fails', async () => {
    const dir = await tempDir('feedwright-commit-');
    await publish(dir, [{ name: 'feed.xml.gz', text: 'gzip copy' }, { name: 'feed.xml.br', text: 'brotli copy' }]);
    failing.when = (call, path) => call === 'unlink' && path === join(dir, 'feed.xml.br');
    const staging = await Staging.open(dir);
    staging.remove('feed.xml.gz');
    staging.remove('feed.xml.br');
    await expect(staging.commit()).rejects.toThrow(`cannot remove ${join(dir, 'feed.xml.br')}; every file already replaced was put back: the previous output was left as it was`);
    expect(await contents(dir, ['feed.xml.gz', 'feed.xml.br'])).toEqual({ 'feed.xml.gz': 'gzip copy', 'feed.xml.br': 'brotli copy' });
    expect((await readdir(dir)).sort()).toEqual(['feed.xml.br', 'feed.xml.gz']);
  });

  it('removes a new file again, where there was none before, when a later rename fails', async () => {
    const dir = await tempDir('feedwright-commit-');
    await publish(dir, [{ name: 'feed.json', text: OLD['feed.json'] }]);
    failing.when = (call, from, to) => call === 'rename' && to === join(dir, 'feed.json') && from!.endsWith('.tmp');
    await expect(publish(dir, files(NEW))).rejects.toThrow(/every file already replaced was put back/);
    expect(await readdir(dir)).toEqual(['feed.json']);
    expect(await readFile(join(dir, 'feed.json'), 'utf8')).toBe(OLD['feed.json']);
  });
});

describe('a commit', () => {
  it('runs what must see the folder as it left it while it still holds the lock, and releases it after', async () => {
    const dir = await tempDir('feedwright-commit-');
    const staging = await Staging.open(dir);
    await staging.add({ name: 'feed.xml', text: '<rss/>' });
    let seen: { files: string[]; written: readonly string[] } | undefined;
    await staging.commit(async ({ written }) => {
      seen = { files: (await readdir(dir)).sort(), written };
    });
    expect(seen).toEqual({ files: ['.feedwright.lock', 'feed.xml'], written: ['feed.xml'] });
    expect(await readdir(dir)).toEqual(['feed.xml']);
  });
});

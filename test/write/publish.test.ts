import { chmod, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteError } from '../../src/vocabulary/errors.js';
import { Utf8Chunks } from '../../src/core/encode.js';
import { publish, Staging } from '../../src/write/publish.js';
import { tempDir } from '../temp.js';

const LOCK = '.feedwright.lock';
/** The temporary files in `dir` of the file `name`. */
const tempsOf = async (dir: string, name: string) => (await readdir(dir)).filter((n) => n.startsWith(`.${name}.`) && n.endsWith('.tmp'));

describe('publish', () => {
  it('writes each file and leaves no temporary file behind', async () => {
    const dir = await tempDir('feedwright-publish-');
    const result = await publish(dir, [{ name: 'feed.xml', text: '<rss/>\n' }, { name: 'feed.json', text: '{}\n' }]);
    expect(result.written).toEqual(['feed.xml', 'feed.json']);
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('<rss/>\n');
    expect((await readdir(dir)).sort()).toEqual(['feed.json', 'feed.xml']);
  });

  it('does not rewrite a file whose bytes did not change: its mtime stays', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.xml', text: 'same\n' }]);
    const before = (await stat(join(dir, 'feed.xml'))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const result = await publish(dir, [{ name: 'feed.xml', text: 'same\n' }]);
    expect(result).toEqual({ written: [], unchanged: ['feed.xml'], removed: [] });
    expect((await stat(join(dir, 'feed.xml'))).mtimeMs).toBe(before);
  });

  it('replaces a changed file through a rename, so the old inode is never half-written', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.xml', text: 'old\n' }]);
    const oldInode = (await stat(join(dir, 'feed.xml'))).ino;
    await publish(dir, [{ name: 'feed.xml', text: 'new\n' }]);
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('new\n');
    expect((await stat(join(dir, 'feed.xml'))).ino).not.toBe(oldInode);
  });

  it('removes the temporary and kept files left by killed builds, of this version and of earlier ones', async () => {
    const dir = await tempDir('feedwright-publish-');
    await writeFile(join(dir, '.feed.xml.999999999.tmp'), 'partial');
    await writeFile(join(dir, '.feed.xml.0123456789abcdef.tmp'), 'partial');
    await writeFile(join(dir, '.atom.xml.fedcba9876543210.old'), 'the version before');
    await publish(dir, [{ name: 'feed.xml', text: 'x\n' }]);
    expect(await readdir(dir)).toEqual(['feed.xml']);
  });

  it('throws a WriteError when the folder cannot be written, leaving the old file', async () => {
    if (process.getuid?.() === 0) {
      // root writes through permissions; a file where the folder should be fails for everyone.
      const dir = await tempDir('feedwright-publish-');
      await writeFile(join(dir, 'blocked'), 'a file, not a folder');
      await expect(publish(join(dir, 'blocked'), [{ name: 'feed.xml', text: 'x' }])).rejects.toBeInstanceOf(WriteError);
      return;
    }
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.xml', text: 'old\n' }]);
    await chmod(dir, 0o500);
    await expect(publish(dir, [{ name: 'feed.xml', text: 'new\n' }])).rejects.toBeInstanceOf(WriteError);
    await chmod(dir, 0o700);
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('old\n');
  });
});

describe('Staging', () => {
  it('writes a changed file to a temporary file at once, and renames it only on commit', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.xml', text: 'old\n' }]);
    const staging = await Staging.open(dir);
    await staging.add({ name: 'feed.xml', text: 'new\n' });
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('old\n');
    expect((await readdir(dir)).some((n) => n.endsWith('.tmp'))).toBe(true);
    expect(await staging.commit()).toEqual({ written: ['feed.xml'], unchanged: [], removed: [] });
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('new\n');
    expect(await readdir(dir)).toEqual(['feed.xml']);
  });

  it('leaves the folder as it was on abort: old files in place, no temporary file', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.xml', text: 'old rss\n' }, { name: 'feed.json', text: 'old json\n' }]);
    const staging = await Staging.open(dir);
    await staging.add({ name: 'feed.xml', text: 'new rss\n' });
    await staging.add({ name: 'feed.json', text: 'new json\n' });
    await staging.abort();
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('old rss\n');
    expect(await readFile(join(dir, 'feed.json'), 'utf8')).toBe('old json\n');
    expect((await readdir(dir)).sort()).toEqual(['feed.json', 'feed.xml']);
  });

  it('rewrites a file whose bytes changed, whether or not its size did', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'a.xml', text: 'abc\n' }, { name: 'b.xml', text: 'abc\n' }]);
    const result = await publish(dir, [{ name: 'a.xml', text: 'abd\n' }, { name: 'b.xml', text: 'abcd\n' }]);
    expect(result.written).toEqual(['a.xml', 'b.xml']);
    expect(await readFile(join(dir, 'a.xml'), 'utf8')).toBe('abd\n');
  });
});

describe('Staging commit, all or nothing', () => {
  it('puts back every file already replaced when a later rename fails, and says the folder is as it was', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.xml', text: 'old rss\n' }, { name: 'feed.json', text: 'old json\n' }]);
    const staging = await Staging.open(dir);
    await staging.add({ name: 'feed.xml', text: 'new rss\n' });
    await staging.add({ name: 'feed.json', text: 'new json\n' });
    // Its temporary file gone before the commit (removed by hand, or by a build that took it for a killed one's): the second rename fails.
    for (const temp of await tempsOf(dir, 'feed.json')) await rm(join(dir, temp));
    const failure = staging.commit();
    await expect(failure).rejects.toBeInstanceOf(WriteError);
    await expect(failure).rejects.toThrow(`cannot replace ${join(dir, 'feed.json')}; every file already replaced was put back: the previous output was left as it was`);
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('old rss\n');
    expect(await readFile(join(dir, 'feed.json'), 'utf8')).toBe('old json\n');
    expect((await readdir(dir)).sort()).toEqual(['feed.json', 'feed.xml']);
  });

  it('replaces no file when a folder stands where one of them goes', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.xml', text: 'old rss\n' }]);
    await mkdir(join(dir, 'feed.json'));
    await writeFile(join(dir, 'feed.json', 'inside'), 'a file in the folder');
    const failure = publish(dir, [{ name: 'feed.xml', text: 'new rss\n' }, { name: 'feed.json', text: 'new json\n' }]);
    await expect(failure).rejects.toThrow(`cannot replace ${join(dir, 'feed.json')}; nothing was replaced: the previous output was left as it was`);
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('old rss\n');
    expect((await readdir(dir)).sort()).toEqual(['feed.json', 'feed.xml']);
  });

  it('removes a file named for removal at commit, and reports it; a file that is not there is no change', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.xml', text: 'rss\n' }, { name: 'feed.xml.gz', text: 'stale copy' }]);
    const staging = await Staging.open(dir);
    await staging.add({ name: 'feed.xml', text: 'new rss\n' });
    staging.remove('feed.xml.gz');
    staging.remove('feed.xml.br');
    expect(await readdir(dir)).toContain('feed.xml.gz');
    expect(await staging.commit()).toEqual({ written: ['feed.xml'], unchanged: [], removed: ['feed.xml.gz'] });
    expect(await readdir(dir)).toEqual(['feed.xml']);
  });

  it('keeps a file named for removal when the commit fails', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.json', text: 'old json\n' }, { name: 'feed.json.gz', text: 'copy' }]);
    await mkdir(join(dir, 'feed.xml'));
    await writeFile(join(dir, 'feed.xml', 'inside'), 'a file in the folder');
    const staging = await Staging.open(dir);
    await staging.add({ name: 'feed.json', text: 'new json\n' });
    await staging.add({ name: 'feed.xml', text: 'new rss\n' });
    staging.remove('feed.json.gz');
    await expect(staging.commit()).rejects.toBeInstanceOf(WriteError);
    expect(await readFile(join(dir, 'feed.json'), 'utf8')).toBe('old json\n');
    expect(await readFile(join(dir, 'feed.json.gz'), 'utf8')).toBe('copy');
  });

  it('gives each temporary file a name of its own, not one made of the process id that a build in another container can share', async () => {
    const dir = await tempDir('feedwright-publish-');
    const names: string[] = [];
    for (let i = 0; i < 2; i++) {
      const staging = await Staging.open(dir);
      await staging.add({ name: 'feed.xml', text: 'new\n' });
      names.push(...(await tempsOf(dir, 'feed.xml')));
      await staging.abort();
    }
    expect(names).toHaveLength(2);
    expect(names).not.toContain(`.feed.xml.${process.pid}.tmp`);
    expect(names[0]).not.toBe(names[1]);
  });
});

describe('the output folder lock', () => {
  it('makes a second build into the folder wait, then stop with a message naming the lock, and leaves the first build its temporary files', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.xml', text: 'old\n' }]);
    const first = await Staging.open(dir);
    await first.add({ name: 'feed.xml', text: 'first\n' });
    const second = Staging.open(dir, { waitMs: 300 });
    await expect(second).rejects.toBeInstanceOf(WriteError);
    await expect(second).rejects.toThrow(
      new RegExp(`^another feedwright build is writing ${escape(dir)} \\(since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\); wait for it to finish, or remove ${escape(join(dir, LOCK))} if no build is running$`),
    );
    expect(await first.commit()).toEqual({ written: ['feed.xml'], unchanged: [], removed: [] });
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('first\n');
  });

  it('lets a waiting build in once the first one commits', async () => {
    const dir = await tempDir('feedwright-publish-');
    const first = await Staging.open(dir);
    await first.add({ name: 'feed.xml', text: 'first\n' });
    const second = Staging.open(dir, { waitMs: 60_000 });
    await first.commit();
    const staging = await second;
    await staging.add({ name: 'feed.xml', text: 'first\n' });
    expect(await staging.commit()).toEqual({ written: [], unchanged: ['feed.xml'], removed: [] });
  });

  it('is released by commit, abort and a failed write, leaving nothing in the folder', async () => {
    const dir = await tempDir('feedwright-publish-');
    await (await Staging.open(dir)).commit();
    expect(await readdir(dir)).toEqual([]);
    await (await Staging.open(dir, { waitMs: 0 })).abort();
    expect(await readdir(dir)).toEqual([]);
    const staging = await Staging.open(dir, { waitMs: 0 });
    // A name no file can have: the write fails, and leaves nothing.
    await expect(staging.add({ name: 'feed\0.xml', text: 'x' })).rejects.toBeInstanceOf(WriteError);
    expect(await readdir(dir)).toEqual([]);
    await (await Staging.open(dir, { waitMs: 0 })).abort();
  });

  it('is taken over once a killed build stopped refreshing it, and not while it is fresh', async () => {
    const dir = await tempDir('feedwright-publish-');
    await mkdir(join(dir, LOCK));
    await expect(Staging.open(dir, { waitMs: 0 })).rejects.toThrow(/another feedwright build is writing/);
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(join(dir, LOCK), minuteAgo, minuteAgo);
    await writeFile(join(dir, '.feed.xml.0123456789abcdef.tmp'), 'left by the killed build');
    const result = await publish(dir, [{ name: 'feed.xml', text: 'x\n' }]);
    expect(result.written).toEqual(['feed.xml']);
    expect(await readdir(dir)).toEqual(['feed.xml']);
  });

  it('is no longer held once another build took it over as stale: the commit then replaces nothing, and leaves the new holder its lock', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.xml', text: 'old\n' }]);
    const first = await Staging.open(dir);
    await first.add({ name: 'feed.xml', text: 'first\n' });
    // As if this build's event loop had been too busy to refresh its lock for a minute.
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(join(dir, LOCK), minuteAgo, minuteAgo);
    const second = await Staging.open(dir, { waitMs: 0 });
    await expect(first.commit()).rejects.toThrow(`another build took over the lock of ${dir} while this one held it; nothing was replaced: the previous output was left as it was`);
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('old\n');
    expect(await readdir(dir)).toContain(LOCK);
    await expect(Staging.open(dir, { waitMs: 0 })).rejects.toThrow(/another feedwright build is writing/);
    await second.add({ name: 'feed.xml', text: 'second\n' });
    expect((await second.commit()).written).toEqual(['feed.xml']);
    expect(await readdir(dir)).toEqual(['feed.xml']);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('Utf8Chunks', () => {
  it('encodes pieces across many chunks to the bytes of their text, and a file of chunks is written and recognised unchanged', async () => {
    const kinds = ['plain ascii text ', 'Łódź é ', '😀 emoji ', '<p>&amp;</p>\n', 'x'.repeat(5000)];
    const pieces = Array.from({ length: 3000 }, (_, i) => `${kinds[i % kinds.length]}${i}`);
    const chunks = new Utf8Chunks();
    for (const piece of pieces) chunks.write(piece);
    const bytes = chunks.end();
    expect(bytes.length).toBeGreaterThan(2);
    expect(Buffer.concat(bytes).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);

    const dir = await tempDir('feedwright-publish-');
    expect((await publish(dir, [{ name: 'feed.xml', text: bytes }])).written).toEqual(['feed.xml']);
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe(pieces.join(''));
    expect((await publish(dir, [{ name: 'feed.xml', text: bytes }])).unchanged).toEqual(['feed.xml']);
    // The same size, one byte different in the last chunk: written.
    const last = Buffer.from(bytes.at(-1)!);
    last[last.length - 1] = last[last.length - 1] === 0x41 ? 0x42 : 0x41;
    const changed = [...bytes.slice(0, -1), last];
    expect((await publish(dir, [{ name: 'feed.xml', text: changed }])).written).toEqual(['feed.xml']);
  });
});

import { readdir, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteError } from '../../src/errors.js';
import { mkdir } from 'node:fs/promises';
import { publish, Staging, Utf8Chunks } from '../../src/write/publish.js';
import { tempDir } from '../temp.js';


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
    expect(result).toEqual({ written: [], unchanged: ['feed.xml'] });
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

  it('removes a temporary file left by a killed build', async () => {
    const dir = await tempDir('feedwright-publish-');
    await writeFile(join(dir, '.feed.xml.999999999.tmp'), 'partial');
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

  it('replaces no file when one of them cannot be written: the folder stays all old', async () => {
    const dir = await tempDir('feedwright-publish-');
    await publish(dir, [{ name: 'feed.xml', text: 'old rss\n' }, { name: 'feed.json', text: 'old json\n' }]);
    // A folder where the temporary file of feed.json would go makes its write fail.
    await mkdir(join(dir, `.feed.json.${process.pid}.tmp`));
    await expect(publish(dir, [{ name: 'feed.xml', text: 'new rss\n' }, { name: 'feed.json', text: 'new json\n' }])).rejects.toBeInstanceOf(WriteError);
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('old rss\n');
    expect(await readFile(join(dir, 'feed.json'), 'utf8')).toBe('old json\n');
    expect((await readdir(dir)).filter((n) => n.startsWith('.feed.xml'))).toEqual([]);
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
    expect(await staging.commit()).toEqual({ written: ['feed.xml'], unchanged: [] });
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

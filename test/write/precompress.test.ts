import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { copiesOf, isCopyOf, precompress } from '../../src/write/precompress.js';
import { BASE_CONFIG, article, cli, makeProject } from '../helpers.js';
import { tempDir } from '../temp.js';

const CONFIG = { ...BASE_CONFIG, precompress: true };
const FILES = { 'articles/a.txt': article({ title: 'Harbor cranes return' }) };
const bytes = (dir: string, name: string) => readFile(join(dir, 'output', name));
const mtime = async (dir: string, name: string) => (await stat(join(dir, 'output', name))).mtimeMs;

describe('precompress', () => {
  it('writes a gzip and a brotli copy beside each feed that decompress to its exact bytes', async () => {
    const dir = await makeProject(FILES, CONFIG);
    const { code, stdout } = await cli(['build'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('wrote feed.xml, feed.xml.gz, feed.xml.br, atom.xml, atom.xml.gz, atom.xml.br, feed.json, feed.json.gz, feed.json.br');
    for (const name of ['feed.xml', 'atom.xml', 'feed.json']) {
      const feed = await bytes(dir, name);
      expect(gunzipSync(await bytes(dir, `${name}.gz`)).equals(feed), name).toBe(true);
      expect(brotliDecompressSync(await bytes(dir, `${name}.br`)).equals(feed), name).toBe(true);
    }
  });

  it('writes none without "precompress": true', async () => {
    const dir = await makeProject(FILES);
    expect((await cli(['build'], dir)).stdout).not.toContain('.gz');
  });

  it('leaves the copies untouched when the feeds did not change', async () => {
    const dir = await makeProject(FILES, CONFIG);
    await cli(['build'], dir);
    const before = await mtime(dir, 'feed.xml.br');
    expect((await cli(['build'], dir)).stdout).toContain('wrote nothing');
    expect(await mtime(dir, 'feed.xml.br')).toBe(before);
  });

  it('keeps a copy compressed another way when it holds the same feed, and replaces one that does not', async () => {
    const dir = await makeProject(FILES, CONFIG);
    await cli(['build'], dir);
    const other = gzipSync(await bytes(dir, 'atom.xml'), { level: 1 });
    await writeFile(join(dir, 'output/atom.xml.gz'), other);
    expect((await cli(['build', '--check'], dir)).code).toBe(0);
    expect((await cli(['build'], dir)).stdout).toContain('wrote nothing');
    expect((await bytes(dir, 'atom.xml.gz')).equals(other)).toBe(true);

    await writeFile(join(dir, 'output/atom.xml.gz'), gzipSync(Buffer.from('<feed/>')));
    expect((await cli(['build'], dir)).stdout).toContain('wrote atom.xml.gz');
    expect(gunzipSync(await bytes(dir, 'atom.xml.gz')).equals(await bytes(dir, 'atom.xml'))).toBe(true);
  });
});

describe('precompress turned off', () => {
  it('leaves no copy behind: build --check names each one, and the next build removes them with the feeds it writes', async () => {
    const dir = await makeProject(FILES, CONFIG);
    expect((await cli(['build'], dir)).code).toBe(0);
    await writeFile(join(dir, 'feedwright.config.json'), JSON.stringify(BASE_CONFIG));
    const check = await cli(['build', '--check'], dir);
    expect(check.code).toBe(1);
    for (const name of ['feed.xml.gz', 'feed.xml.br', 'atom.xml.gz', 'atom.xml.br', 'feed.json.gz', 'feed.json.br']) expect(check.stderr).toContain(`output/${name}: error:`);
    expect((await cli(['build'], dir)).code).toBe(0);
    expect((await readdir(join(dir, 'output'))).sort()).toEqual(['atom.xml', 'feed.json', 'feed.xml']);
    expect((await cli(['build', '--check'], dir)).code).toBe(0);
  });
});

describe('precompress, on its own', () => {
  it('keeps the bytes of a copy in the folder that decompresses to the file, and compresses afresh for one that does not', async () => {
    const dir = await tempDir('feedwright-precompress-');
    const feed = Buffer.from('<rss version="2.0"><channel><title>Wire</title></channel></rss>\n');
    const kept = gzipSync(feed, { level: 1 });
    await writeFile(join(dir, 'feed.xml.gz'), kept);
    await writeFile(join(dir, 'feed.xml.br'), brotliCompressSync(Buffer.from('<rss/>')));
    const copies = await precompress(dir, [{ name: 'feed.xml', text: feed }]);
    expect(copies.map((c) => [c.name, c.copyOf])).toEqual([
      ['feed.xml.gz', 'feed.xml'],
      ['feed.xml.br', 'feed.xml'],
    ]);
    expect(Buffer.from(copies[0]!.text as Uint8Array).equals(kept)).toBe(true);
    expect(brotliDecompressSync(copies[1]!.text as Uint8Array).equals(feed)).toBe(true);
  });

  it('tells a copy of the bytes from a copy of other bytes, a longer text, or no compressed data at all', () => {
    const feed = Buffer.from('{"version":"https://jsonfeed.org/version/1.1"}\n');
    expect(isCopyOf(gzipSync(feed), feed, 'gzip')).toBe(true);
    expect(isCopyOf(brotliCompressSync(feed), feed, 'br')).toBe(true);
    expect(isCopyOf(gzipSync(Buffer.concat([feed, feed])), feed, 'gzip')).toBe(false);
    expect(isCopyOf(brotliCompressSync(feed.subarray(1)), feed, 'br')).toBe(false);
    expect(isCopyOf(gzipSync(feed), feed, 'br')).toBe(false);
    expect(isCopyOf(Buffer.from('not compressed'), feed, 'gzip')).toBe(false);
  });
});

describe('copiesOf', () => {
  it('names the gzip and brotli copies of the given files present in the folder, and nothing else', async () => {
    const dir = await tempDir('feedwright-precompress-');
    for (const name of ['feed.xml', 'feed.xml.gz', 'feed.xml.br', 'atom.xml.br', 'feed.json', 'other.xml.gz', 'feed.json.zst']) await writeFile(join(dir, name), 'x');
    await mkdir(join(dir, 'feed.json.gz'));
    expect(await copiesOf(dir, ['feed.xml', 'atom.xml', 'feed.json'])).toEqual(['feed.xml.gz', 'feed.xml.br', 'atom.xml.br']);
    expect(await copiesOf(dir, [])).toEqual([]);
  });

  it('finds none in a folder that does not exist', async () => {
    const dir = await tempDir('feedwright-precompress-');
    expect(await copiesOf(join(dir, 'missing'), ['feed.xml'])).toEqual([]);
  });
});

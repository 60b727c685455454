import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BASE_CONFIG, article, cli, makeProject } from '../helpers.js';

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

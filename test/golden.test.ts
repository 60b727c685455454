import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { listRecordFiles } from '../src/build/files.js';
import { cli } from './helpers.js';
import { tempDir } from './temp.js';

const ROOT = join(import.meta.dirname, '..');

describe('the committed output/', () => {
  it('is reproduced byte for byte by a rebuild of articles/', async () => {
    const out = await tempDir('feedwright-golden-');
    const result = await build({ cwd: ROOT, articlesDir: 'articles', outDir: out, configPath: 'feedwright.config.json' });
    expect(result.diagnostics).toEqual([]);
    // The whole set: facets and archive pages in their folders.
    const files = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
    const committed = await files(join(ROOT, 'output'));
    expect(await files(out)).toEqual(committed);
    for (const name of ['archive/3/feed.xml', 'tags/harbor/atom.xml', 'authors/dispatch-desk/archive/2/feed.json', 'feeds.opml']) expect(committed, name).toContain(name);
    for (const name of committed) {
      expect(await readFile(join(out, name), 'utf8'), name).toBe(await readFile(join(ROOT, 'output', name), 'utf8'));
    }
  });

  it('comes from sample articles that show the plain-text format: offsets, an update, a caption, a copyright, front matter', async () => {
    const files = [...listRecordFiles(join(ROOT, 'articles')).paths].filter((f) => f.endsWith('.txt'));
    const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    expect(texts.length).toBeGreaterThanOrEqual(5);
    const offsets = new Set(texts.map((t) => /GMT[+-][\d:]+|GMT\b/.exec(t)?.[0]));
    expect(offsets.size).toBeGreaterThanOrEqual(5);
    expect(texts.some((t) => /^Updated /m.test(t))).toBe(true);
    expect(texts.some((t) => / \/[A-Z][\w ]+$/m.test(t))).toBe(true);
    expect(texts.some((t) => /^Copyright /m.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith('---\n') && /^author:/m.test(t) && /^tags:/m.test(t))).toBe(true);
  });

  it('and the podcast example\'s output/ is reproduced byte for byte from its own articles and config', async () => {
    const example = join(ROOT, 'examples', 'podcast');
    const out = await tempDir('feedwright-golden-podcast-');
    const result = await build({ cwd: example, articlesDir: 'articles', outDir: out, configPath: 'feedwright.config.json' });
    expect(result.diagnostics).toEqual([]);
    for (const name of ['feed.xml', 'atom.xml', 'feed.json']) expect(await readFile(join(out, name), 'utf8'), name).toBe(await readFile(join(example, 'output', name), 'utf8'));
  });

  it('passes every rule strictly, every file of the set, with each archive chain followed', async () => {
    const names = (await readdir(join(ROOT, 'output'), { recursive: true })).filter((n) => /\.(xml|json)$/.test(n)).map((n) => join('output', n));
    const { code, stdout } = await cli(['check', '--strict', ...names], ROOT);
    expect(stdout).toMatch(/check passed \(strict\): 63 files/);
    expect(code).toBe(0);
  });

  it('mixes all three record formats', async () => {
    const files = [...listRecordFiles(join(ROOT, 'articles')).paths];
    for (const extension of ['.txt', '.md', '.json']) expect(files.some((f) => f.endsWith(extension)), extension).toBe(true);
  });
});

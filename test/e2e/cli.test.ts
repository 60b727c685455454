import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../serve/wait.js';
import { PROJECT, feedwright, makeSite, startServer } from './harness.js';

describe('the feedwright bin', () => {
  it('build --check passes on the committed output/ folder: the CI gate on the project itself', async () => {
    const { code, stdout, stderr } = await feedwright(['build', '--check'], PROJECT).finished;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^feedwright: output is up to date: 63 feeds, 13 items/);
  });

  it('build --check exits 1 and names the first differing item once an article changes, and writes nothing', async () => {
    const { dir, feed } = await makeSite({ utc: false });
    // A plain-text article, whose title is its own line of the file.
    const position = feed.entries.findIndex((e) => e.source.file.endsWith('.txt'));
    const newest = feed.entries[position]!;
    const source = join(dir, newest.source.file);
    const before = await readFile(join(dir, 'output/feed.xml'));
    const text = await readFile(source, 'utf8');
    await writeFile(source, text.replace(newest.title, `${newest.title}, corrected`));
    const { code, stderr } = await feedwright(['build', '--check'], dir).finished;
    expect(code).toBe(1);
    expect(stderr).toContain(`output/feed.xml: error: is out of date: item ${position + 1} (${newest.id}): "title" is ${JSON.stringify(newest.title)} on disk`);
    expect(stderr).toContain('output/feed.xml.gz: error: is out of date: it is not a compressed copy of feed.xml');
    expect(await readFile(join(dir, 'output/feed.xml'))).toEqual(before);
  });

  it('serve stops on Ctrl-C and exits 0', async () => {
    const { dir } = await makeSite({ utc: false });
    const server = await startServer(dir);
    expect((await fetch(`${server.url}feed.json`)).status).toBe(200);
    const end = await server.stop();
    expect(end.code).toBe(0);
    expect(end.stdout).toContain('GET /feed.json 200');
    expect(end.stdout).toMatch(/feedwright: stopped\n$/);
  });

  it('build --watch rebuilds when an article is saved and exits 0 on Ctrl-C', async () => {
    const { dir, feed } = await makeSite({ utc: false });
    const watching = feedwright(['build', '--watch'], dir);
    await waitFor('the watching line', () => watching.out.stdout.includes('press Ctrl-C to stop'));
    const oldest = feed.entries.findLast((e) => e.source.file.endsWith('.txt'))!;
    const source = join(dir, oldest.source.file);
    await writeFile(source, (await readFile(source, 'utf8')).replace(oldest.title, `${oldest.title} (revised)`));
    await waitFor('the revised title in atom.xml', async () => (await readFile(join(dir, 'output/atom.xml'), 'utf8')).includes('(revised)'));
    watching.child.kill('SIGINT');
    const end = await watching.finished;
    expect(end.code).toBe(0);
    expect(end.stdout).toMatch(/feedwright: stopped watching\n$/);
  });
});

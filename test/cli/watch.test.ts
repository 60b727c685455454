import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/run.js';
import { debounced } from '../../src/cli/watch.js';
import { waitFor } from '../serve/wait.js';
import { BASE_CONFIG, article, cli, makeProject } from '../helpers.js';

/** `feedwright build --watch` in-process, stopped by `stop()`, with what it printed. */
function startWatch(cwd: string, argv: readonly string[] = []) {
  const controller = new AbortController();
  const out = { stdout: '', stderr: '' };
  const done = run(['build', '--watch', ...argv], { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), cwd, now: () => 0, signal: controller.signal });
  return {
    out,
    ready: () => waitFor('the watching line', () => out.stdout.includes('for changes; press Ctrl-C to stop')),
    /** How many rebuilds have ended so far; wait for it to grow to know that one more ended. */
    rebuilds: () => out.stdout.split('feedwright: watching for changes\n').length - 1,
    stop: () => {
      controller.abort();
      return done;
    },
  };
}

const FILES = { 'articles/a.txt': article({ title: 'Harbor cranes return' }) };
const feed = (dir: string) => readFile(join(dir, 'output/feed.xml'), 'utf8');
let watching: ReturnType<typeof startWatch> | undefined;

afterEach(async () => {
  await watching?.stop();
  watching = undefined;
});

describe('build --watch', () => {
  it('builds once, then again when an article changes or a new one appears in a new folder', async () => {
    const dir = await makeProject(FILES);
    watching = startWatch(dir);
    await watching.ready();
    expect(await feed(dir)).toContain('Harbor cranes return');

    await writeFile(join(dir, 'articles/a.txt'), article({ title: 'Harbor cranes return to full shifts' }));
    await waitFor('the changed title in feed.xml', async () => (await feed(dir)).includes('Harbor cranes return to full shifts'));
    await mkdir(join(dir, 'articles/2024/june'), { recursive: true });
    await writeFile(join(dir, 'articles/2024/june/b.txt'), article({ dateline: '2024.06.01 09:00 GMT+8', title: 'Ferry timetable changes' }));
    await waitFor('the new article in feed.xml', async () => (await feed(dir)).includes('Ferry timetable changes'));
    expect(watching.out.stdout).toContain('changed; rebuilding');
  });

  it('rebuilds when the config changes', async () => {
    const dir = await makeProject(FILES);
    watching = startWatch(dir);
    await watching.ready();
    await writeFile(join(dir, 'feedwright.config.json'), JSON.stringify({ ...BASE_CONFIG, title: 'Test Wire Weekly' }));
    await waitFor('the new feed title', async () => (await feed(dir)).includes('<title>Test Wire Weekly</title>'));
  });

  it('prints the diagnostics of a failed rebuild, keeps the last good output, and recovers once the article is fixed', async () => {
    const dir = await makeProject(FILES);
    watching = startWatch(dir);
    await watching.ready();
    const good = await feed(dir);

    await writeFile(join(dir, 'articles/a.txt'), article({ dateline: '2024.02.30 11:55 GMT+8', title: 'Harbor cranes, broken date' }));
    await waitFor('the failed build', () => watching!.out.stderr.includes('nothing was written'));
    expect(watching.out.stderr).toMatch(/articles\/a\.txt:1: error: /);
    expect(await feed(dir)).toBe(good);

    await writeFile(join(dir, 'articles/a.txt'), article({ title: 'Harbor cranes, date fixed' }));
    await waitFor('the fixed article in feed.xml', async () => (await feed(dir)).includes('Harbor cranes, date fixed'));
  });

  it('rebuilds on a change inside a folder renamed with its subfolders, whatever its new name', async () => {
    const dir = await makeProject({ ...FILES, 'articles/2024/june/b.txt': article({ dateline: '2024.06.01 09:00 GMT+8', title: 'Ferry timetable changes' }) });
    watching = startWatch(dir);
    await watching.ready();

    // The second name starts with the first: a watcher that forgets a folder by the prefix of its old name forgets the new one too.
    const moves = [['2024', '2023'], ['2023', '2023-archive']] as const;
    for (const [round, [from, to]] of moves.entries()) {
      await rename(join(dir, 'articles', from), join(dir, 'articles', to));
      await waitFor(`the rebuild after renaming ${from} to ${to}`, () => watching!.rebuilds() >= 2 * round + 1);
      await writeFile(join(dir, 'articles', to, 'june/b.txt'), article({ dateline: '2024.06.01 09:00 GMT+8', title: `Ferry timetable, edited in ${to}` }));
      await waitFor(`the article edited in ${to} in feed.xml`, async () => (await feed(dir)).includes(`Ferry timetable, edited in ${to}`));
      await waitFor(`the end of the rebuild after the edit in ${to}`, () => watching!.rebuilds() >= 2 * round + 2);
    }
  });

  it('reports the missing articles folder, goes on watching, and rebuilds from a record written once it is created again', async () => {
    const dir = await makeProject(FILES);
    watching = startWatch(dir);
    await watching.ready();

    await rm(join(dir, 'articles'), { recursive: true });
    await waitFor('the build that finds no articles folder', () => watching!.out.stderr.includes('articles: error: does not exist'));
    await waitFor('the end of that build', () => watching!.rebuilds() >= 1);
    await mkdir(join(dir, 'articles'));
    await writeFile(join(dir, 'articles/c.txt'), article({ title: 'Lighthouse keeper retires' }));
    await waitFor('the record in the new folder in feed.xml', async () => (await feed(dir)).includes('Lighthouse keeper retires'));
    expect(await feed(dir)).not.toContain('Harbor cranes return');
    expect(watching.out.stdout).toContain('feedwright: waiting for articles to be created again\n');
  });

  it('leaves out the output folder inside the articles folder, hidden files and _-prefixed names', async () => {
    const dir = await makeProject(FILES);
    watching = startWatch(dir, ['--out', 'articles/public']);
    await watching.ready();

    for (let round = 1; round <= 2; round++) {
      await mkdir(join(dir, 'articles/_drafts'), { recursive: true });
      await writeFile(join(dir, 'articles/_drafts/d.txt'), article({ title: `Draft ${round}` }));
      await writeFile(join(dir, 'articles/.a.txt.swp'), `swap ${round}`);
      await writeFile(join(dir, 'articles/a.txt'), article({ title: `Harbor cranes, round ${round}` }));
      await waitFor(`rebuild ${round} in articles/public`, async () => (await readFile(join(dir, 'articles/public/feed.xml'), 'utf8')).includes(`Harbor cranes, round ${round}`));
      await waitFor(`the end of rebuild ${round}`, () => watching!.rebuilds() >= round);
    }
    // Had anything else started a build, it would be named here, on a line of its own or as "and 1 more".
    const rebuilding = watching.out.stdout.split('\n').filter((line) => line.endsWith('; rebuilding'));
    expect(rebuilding.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rebuilding)).toEqual(new Set(['feedwright: articles/a.txt changed; rebuilding']));
  });

  it('leaves out the cache folder the config names inside the articles folder, so that a build does not start another', async () => {
    const dir = await makeProject(FILES, { ...BASE_CONFIG, cacheDir: 'articles/cache' });
    watching = startWatch(dir);
    await watching.ready();

    for (let round = 1; round <= 2; round++) {
      await writeFile(join(dir, 'articles/a.txt'), article({ title: `Harbor cranes, round ${round}` }));
      await waitFor(`rebuild ${round} in feed.xml`, async () => (await feed(dir)).includes(`Harbor cranes, round ${round}`));
      await waitFor(`the end of rebuild ${round}`, () => watching!.rebuilds() >= round);
    }
    // The second change waited for the first build to end: a build started by the cache the first wrote would be named here.
    const rebuilding = watching.out.stdout.split('\n').filter((line) => line.endsWith('; rebuilding'));
    expect(rebuilding.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rebuilding)).toEqual(new Set(['feedwright: articles/a.txt changed; rebuilding']));
  });

  it('stops cleanly when told to, and exits 0', async () => {
    const dir = await makeProject(FILES);
    const session = startWatch(dir);
    await session.ready();
    expect(await session.stop()).toBe(0);
    expect(session.out.stdout).toMatch(/feedwright: stopped watching\n$/);
    expect(session.out.stderr).toBe('');
  });

  it('exits 1 and says so when the articles folder cannot be watched', async () => {
    const dir = await makeProject(FILES);
    const session = startWatch(dir, ['--articles', 'missing']);
    expect(await session.stop()).toBe(1);
    expect(session.out.stderr).toContain('feedwright: cannot watch missing and feedwright.config.json (ENOENT); check that both exist');
  });

  it('does not go with --check', async () => {
    const dir = await makeProject(FILES);
    const { code, stderr } = await cli(['build', '--watch', '--check'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('--watch and --check do not go together');
  });
});

describe('debounced', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once for a burst of changes, with every path changed', async () => {
    vi.useFakeTimers();
    const runs: string[][] = [];
    const builds = debounced(async (changed) => void runs.push([...changed]), 100);
    for (const path of ['a.txt', 'b.txt', 'a.txt', 'c.txt']) {
      builds.touch(path);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual([['a.txt', 'b.txt', 'c.txt']]);
    await builds.close();
  });

  it('never runs twice at a time: changes during a run make one more run after it', async () => {
    vi.useFakeTimers();
    const runs: string[][] = [];
    let finish: () => void = () => {};
    let active = 0;
    let most = 0;
    const builds = debounced((changed) => {
      runs.push([...changed]);
      active++;
      most = Math.max(most, active);
      return new Promise<void>((resolve) => {
        finish = () => {
          active--;
          resolve();
        };
      });
    }, 100);
    builds.touch('a.txt');
    await vi.advanceTimersByTimeAsync(100);
    builds.touch('b.txt');
    builds.touch('c.txt');
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toEqual([['a.txt']]);
    finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual([['a.txt'], ['b.txt', 'c.txt']]);
    finish();
    await builds.close();
    expect(most).toBe(1);
  });

  it('runs nothing pending once closed, and close waits for the run under way', async () => {
    vi.useFakeTimers();
    const runs: string[][] = [];
    let ended = false;
    let finish: () => void = () => {};
    const builds = debounced((changed) => {
      runs.push([...changed]);
      return new Promise<void>((resolve) => {
        finish = () => {
          ended = true;
          resolve();
        };
      });
    }, 100);
    builds.touch('a.txt');
    await vi.advanceTimersByTimeAsync(100);
    builds.touch('b.txt');
    const closing = builds.close();
    finish();
    await closing;
    expect(ended).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    builds.touch('c.txt');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toEqual([['a.txt']]);
  });
});

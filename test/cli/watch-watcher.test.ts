import { readFile, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FSWatcher } from 'chokidar';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/run.js';
import { runWatch } from '../../src/cli/watch.js';
import { waitFor } from '../serve/wait.js';
import { article, makeProject } from '../helpers.js';

// The real chokidar, with each watcher it makes kept here: a test makes it report an error as the file system would.
const watchers = vi.hoisted(() => [] as FSWatcher[]);
vi.mock('chokidar', async (importOriginal) => {
  const real = await importOriginal<typeof import('chokidar')>();
  return {
    ...real,
    watch: (...args: Parameters<typeof real.watch>) => {
      const watcher = real.watch(...args);
      watchers.push(watcher);
      return watcher;
    },
  };
});

/** `feedwright build --watch` in-process, with what it printed and the exit code once it ends; without `signal`, Ctrl-C stops it. */
function startWatch(cwd: string, { signal = true } = {}) {
  const controller = new AbortController();
  const out = { stdout: '', stderr: '' };
  const io = { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), cwd, now: () => 0 };
  const done = run(['build', '--watch'], signal ? { ...io, signal: controller.signal } : io);
  return {
    out,
    done,
    ready: () => waitFor('the watching line', () => out.stdout.includes('for changes; press Ctrl-C to stop')),
    stop: () => {
      controller.abort();
      return done;
    },
  };
}

/** An error as the file system gives it to the watcher. */
function fsError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: watch ${path}`), { code, path, syscall: 'watch' });
}

const FILES = { 'articles/a.txt': article({ title: 'Harbor cranes return' }) };
let watching: ReturnType<typeof startWatch> | undefined;

afterEach(async () => {
  await watching?.stop();
  watching = undefined;
  watchers.length = 0;
  vi.unstubAllEnvs();
});

describe('build --watch, when watching fails', () => {
  it('reports a folder it cannot watch in one line, once, and goes on watching the rest', async () => {
    const dir = await makeProject(FILES);
    watching = startWatch(dir);
    await watching.ready();
    const [watcher] = watchers;

    watcher!.emit('error', fsError('EACCES', join(dir, 'articles/locked')));
    watcher!.emit('error', fsError('EACCES', join(dir, 'articles/locked')));
    expect(watching.out.stderr).toBe('feedwright: cannot watch articles/locked (EACCES); changes there do not start a build until "feedwright build --watch" is run again\n');

    await writeFile(join(dir, 'articles/a.txt'), article({ title: 'Harbor cranes return to full shifts' }));
    await waitFor('the changed title in feed.xml', async () => (await readFile(join(dir, 'output/feed.xml'), 'utf8')).includes('Harbor cranes return to full shifts'));
  });

  it("stops with a message, closes the watcher and exits 1 when the system's limit on watched files is reached", async () => {
    const dir = await makeProject(FILES);
    watching = startWatch(dir);
    await watching.ready();
    const [watcher] = watchers;

    watcher!.emit('error', fsError('ENOSPC', join(dir, 'articles/2024')));
    expect(await watching.done).toBe(1);
    expect(watching.out.stderr).toMatch(/^feedwright: cannot watch articles\/2024 \(ENOSPC\): the system's limit on watched files is reached; stopped watching\. .*fs\.inotify\.max_user_watches.*\n$/);
    expect(watching.out.stdout).not.toContain('stopped watching');
    expect(watcher!.closed).toBe(true);
  });
});

describe('runWatch', () => {
  it('reports a build that throws in one line and goes on watching', async () => {
    vi.stubEnv('FEEDWRIGHT_DEBUG', '');
    const dir = await makeProject(FILES);
    const controller = new AbortController();
    const out = { stdout: '', stderr: '' };
    let builds = 0;
    const rebuild = async () => {
      builds++;
      if (builds === 2) throw new Error('the disk went away');
      return 0;
    };
    const io = { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), cwd: dir, signal: controller.signal };
    const done = runWatch({ articles: 'articles', config: 'feedwright.config.json', out: 'output' }, rebuild, io, 50);
    try {
      await waitFor('the watching line', () => out.stdout.includes('press Ctrl-C to stop'));
      await writeFile(join(dir, 'articles/a.txt'), article({ title: 'Harbor cranes, first edit' }));
      await waitFor('the failed build', () => out.stderr !== '');
      expect(out.stderr).toMatch(/^feedwright: the build stopped with an unexpected error: the disk went away \(set FEEDWRIGHT_DEBUG=1 for the stack\)\n$/);

      await writeFile(join(dir, 'articles/a.txt'), article({ title: 'Harbor cranes, second edit' }));
      await waitFor('the build after it', () => builds >= 3);
    } finally {
      controller.abort();
    }
    expect(await done).toBe(0);
  });
});

describe('build --watch, with linked folders', () => {
  it('follows a linked articles folder, but not a linked folder inside it, even one that leads back up', async () => {
    const dir = await makeProject({ 'shared/2024/a.txt': article({ title: 'Harbor cranes return' }) });
    await rename(join(dir, 'articles'), join(dir, 'unused'));
    await symlink(join(dir, 'shared'), join(dir, 'articles'));
    await symlink('..', join(dir, 'shared/2024/loop'));
    watching = startWatch(dir);
    await watching.ready();
    const watched = Object.keys(watchers[0]!.getWatched());
    expect(watched).toContain(join(dir, 'articles/2024'));
    expect(watched.filter((path) => path.includes('loop'))).toEqual([]);

    await writeFile(join(dir, 'shared/2024/a.txt'), article({ title: 'Harbor cranes return to full shifts' }));
    await waitFor('the changed title in feed.xml', async () => (await readFile(join(dir, 'output/feed.xml'), 'utf8')).includes('Harbor cranes return to full shifts'));
    expect(watching.out.stderr).not.toContain('cannot watch');
  });
});

describe('build --watch, when stopped', () => {
  it('closes the watcher when stopped, and exits 0', async () => {
    const dir = await makeProject(FILES);
    watching = startWatch(dir);
    await watching.ready();
    expect(watchers).toHaveLength(1);
    expect(watchers[0]!.closed).toBe(false);

    expect(await watching.stop()).toBe(0);
    expect(watchers[0]!.closed).toBe(true);
  });

  it('stops on Ctrl-C, closes the watcher, and leaves no handler of the signal behind', async () => {
    const dir = await makeProject(FILES);
    const before = process.listenerCount('SIGINT');
    const session = startWatch(dir, { signal: false });
    await session.ready();
    expect(process.listenerCount('SIGINT')).toBe(before + 1);

    // As the terminal's Ctrl-C reaches the process, without signalling the test runner itself.
    process.emit('SIGINT');
    expect(await session.done).toBe(0);
    expect(session.out.stdout).toMatch(/feedwright: stopped watching\n$/);
    expect(watchers[0]!.closed).toBe(true);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});

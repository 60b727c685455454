import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCli } from '../built-cli.js';
import { article } from '../helpers.js';
import { random } from '../../bench/corpus.js';
import { tempDir } from '../temp.js';

/**
 * Crash safety: real builds of a large corpus, in child processes, killed
 * with SIGKILL at seeded random moments. After every kill each feed file is
 * the complete old version or the complete new one, never partial or
 * missing; the next build that finishes takes over the lock a killed build
 * left and leaves no temporary file, nor the lock, behind.
 */

const FEEDS = ['feed.xml', 'atom.xml', 'feed.json'] as const;
const LOCK = '.feedwright.lock';
const ARTICLES = 120;
const KILLS = 50;
/** The test gives up after this long, whatever it has done. */
const DEADLINE_MS = 150_000;

// The benchmark's seeded generator, so that a failing run can be run again as it was.
const SEED = Number(process.env.FEEDWRIGHT_CRASH_SEED ?? 20_261_129);

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly ms: number;
  readonly stderr: string;
  /** With `watch`: when a temporary file first showed in the output folder, in ms from the start. */
  readonly firstTemp?: number;
  /** Whether the build left a temporary or kept file of its own. */
  readonly leftItsOwn: boolean;
}

describe('a build killed at any moment', () => {
  let cli: string;
  let remove: () => Promise<void>;
  let project: string;

  beforeAll(async () => {
    ({ cli, remove } = await compileCli());
    project = await tempDir('feedwright-crash-');
    await mkdir(join(project, 'articles'));
    // Long articles: megabytes of feed, so that writing the files takes a while to be caught in.
    const paragraph = 'Dock workers restarted the cranes on Thursday morning, and the port expects a full schedule by the weekend. '.repeat(8);
    await Promise.all(
      Array.from({ length: ARTICLES }, (_, i) => {
        const day = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000);
        const dateline = `${day.getUTCFullYear()}.${String(day.getUTCMonth() + 1).padStart(2, '0')}.${String(day.getUTCDate()).padStart(2, '0')} ${String(day.getUTCHours()).padStart(2, '0')}:00 GMT+8`;
        return writeFile(join(project, 'articles', `a${i}.txt`), article({ dateline, title: `Harbor report number ${i} & <more>`, body: Array.from({ length: 12 }, () => paragraph) }));
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await remove?.();
  });

  /**
   * Runs the real bin in the project. With `killAfter`, sends SIGKILL that
   * many milliseconds after the start; with `killWriting`, that many after
   * the first temporary file shows in the output folder (the folder is
   * looked at every millisecond). With `watch`, notes when that file showed.
   */
  function build(options: { killAfter?: number; killWriting?: number; watch?: boolean } = {}): Promise<Run> {
    const out = join(project, 'output');
    // Temporary file names are random: the build's own are those that were not there before it.
    const leftovers = () => (existsSync(out) ? readdirSync(out) : []).filter((n) => n.endsWith('.tmp') || n.endsWith('.old'));
    const before = new Set(leftovers());
    return new Promise((resolve) => {
      const started = Date.now();
      const child = spawn(process.execPath, [cli, 'build'], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
      const timer = options.killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfter);
      let firstTemp: number | undefined;
      let writingTimer: NodeJS.Timeout | undefined;
      const watcher =
        options.watch || options.killWriting !== undefined
          ? setInterval(() => {
              // Its own: a killed build's temporary files stay until a later build reaches its writing.
              if (firstTemp !== undefined || !leftovers().some((n) => !before.has(n))) return;
              firstTemp = Date.now() - started;
              if (options.killWriting !== undefined) writingTimer = setTimeout(() => child.kill('SIGKILL'), options.killWriting);
            }, 1)
          : undefined;
      // A build that hangs is killed too, and fails the test below by its signal.
      const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        clearTimeout(writingTimer);
        clearTimeout(guard);
        clearInterval(watcher);
        const leftItsOwn = leftovers().some((n) => !before.has(n));
        resolve({ code, signal, ms: Date.now() - started, stderr, leftItsOwn, ...(firstTemp === undefined ? {} : { firstTemp }) });
      });
    });
  }

  const config = (title: string) => writeFile(join(project, 'feedwright.config.json'), JSON.stringify({ title, siteUrl: 'https://wire.example.org', author: 'Wire Desk <desk@wire.example.org>', limit: ARTICLES }));
  const locked = async (dir: string) => (await readdir(dir)).includes(LOCK);
  const read = async (dir: string) => Object.fromEntries(await Promise.all(FEEDS.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));

  it('leaves each feed file whole, old or new, after each of 50 kills, and no temporary file after the next build', async () => {
    const deadline = Date.now() + DEADLINE_MS;
    const out = join(project, 'output');
    // The two versions the builds go back and forth between (every feed file differs between them),
    // and when, in a build, the files are written: where the kills that matter most must land.
    const versions: Record<string, Record<string, string>> = {};
    const timings: Run[] = [];
    for (const title of ['Crash Wire A', 'Crash Wire B', 'Crash Wire A', 'Crash Wire B', 'Crash Wire A']) {
      await config(title);
      const run = await build({ watch: versions[title] !== undefined || title.endsWith('B') });
      expect(run.code, run.stderr).toBe(0);
      const now = await read(out);
      if (versions[title]) expect(now).toEqual(versions[title]);
      versions[title] = now;
      if (run.firstTemp !== undefined) timings.push(run);
    }
    for (const f of FEEDS) expect(versions['Crash Wire A']![f]).not.toBe(versions['Crash Wire B']![f]);
    let onDisk = await read(out);
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const typical = median(timings.map((t) => t.ms));
    const writing = median(timings.map((t) => t.firstTemp!));
    expect(timings.length).toBeGreaterThanOrEqual(3);

    const next = random(SEED);
    let kills = 0;
    let finished = 0;
    let caughtWriting = 0;
    let mixed = 0;
    let locksLeft = 0;
    let title = 'Crash Wire A';
    while (kills < KILLS && Date.now() < deadline) {
      title = title === 'Crash Wire A' ? 'Crash Wire B' : 'Crash Wire A';
      await config(title);
      // Half the kills anywhere in the build, half while the files are written (their rename included).
      const anywhere = next() < 0.5;
      // Writing the three files takes a few tens of milliseconds.
      const at = Math.round(anywhere ? 10 + next() * 0.9 * typical : next() * 25);
      const run = await build(anywhere ? { killAfter: at } : { killWriting: at });
      const when = anywhere ? `${at} ms after the start` : `${at} ms after the first temporary file`;
      if (run.signal !== 'SIGKILL') {
        finished++;
        // Finished before the kill: it must have succeeded, and written the new version.
        expect(run.code, run.stderr).toBe(0);
        expect(await read(out)).toEqual(versions[title]);
        expect(await locked(out), 'the lock after a build that finished').toBe(false);
        onDisk = versions[title]!;
        continue;
      }
      kills++;
      const now = await read(out);
      for (const f of FEEDS) {
        expect([onDisk[f], versions[title]![f]], `${f} after a kill ${when} (seed ${SEED})`).toContain(now[f]);
      }
      if (FEEDS.some((f) => now[f] !== onDisk[f]) && FEEDS.some((f) => now[f] !== versions[title]![f])) mixed++;
      // Its own temporary file: killed between writing a file and renaming it.
      if (run.leftItsOwn) caughtWriting++;
      onDisk = now;
      // A lock left by a killed build is taken over only once it is stale, seconds later: removed here, as its message
      // says to when no build is running, but for the last kill, whose lock the next build must take over itself.
      if (await locked(out)) {
        locksLeft++;
        if (kills < KILLS) await rm(join(out, LOCK), { recursive: true });
      }
    }
    expect(kills, `only ${kills} kills before the deadline`).toBeGreaterThanOrEqual(KILLS);

    // The next build that finishes writes the new version whole and removes what killed builds left, their lock included.
    const last = await build();
    expect(last.code, last.stderr).toBe(0);
    expect(await read(out)).toEqual(versions[title]);
    expect((await readdir(out)).sort()).toEqual([...FEEDS].sort());
    console.info(
      `crash test (seed ${SEED}): ${kills} kills (${finished} builds finished first), ${caughtWriting} left their temporary file, ${mixed} left old and new files side by side, ${locksLeft} left the lock; ` +
        `a build took ${typical} ms and began writing at ${writing} ms`,
    );
    // The kills reached the writing: without that, the test would prove nothing about it.
    expect(caughtWriting + mixed).toBeGreaterThan(0);
  }, DEADLINE_MS + 60_000);
});

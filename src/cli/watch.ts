import { lstatSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseConfig } from '../config/config.js';
import type { Io } from './io.js';
import { stopped, stopSignal } from './stop.js';

/** How long a burst of saves may last and still be one build. */
export const DEBOUNCE_MS = 150;

export interface WatchPaths {
  /** The articles folder, watched with everything under it, through its parent so that it may be removed and created again. */
  readonly articles: string;
  /** The config file, watched through its folder so that an editor's save-by-rename is seen. */
  readonly config: string;
  /** Changes here are the build's own, never a reason to build. */
  readonly out: string;
}

/**
 * Errors after which the watch cannot be trusted to see every change: the
 * system's limit on watched folders or open files is reached.
 */
const FATAL = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);

/**
 * `build --watch`: one build, then another after each burst of changes to
 * the articles or the config, until Ctrl-C (or `io.signal`). `rebuild` is a
 * whole build with its report; a build that fails has written nothing, so
 * the last good output stays where it is. Returns 0 once stopped, 1 when
 * the watch could not start or had to stop (docs/cli.md#build---watch).
 */
export async function runWatch(paths: WatchPaths, rebuild: () => Promise<number>, io: Io, delayMs = DEBOUNCE_MS): Promise<number> {
  const { signal, dispose } = stopSignal(io);
  try {
    return await watchUntilStopped(paths, rebuild, io, delayMs, signal);
  } finally {
    dispose();
  }
}

async function watchUntilStopped(paths: WatchPaths, rebuild: () => Promise<number>, io: Io, delayMs: number, signal: AbortSignal): Promise<number> {
  const at = (path: string) => resolve(io.cwd, path);
  const show = (path: string) => relative(io.cwd, path) || '.';
  const articles = at(paths.articles);
  const config = at(paths.config);
  const out = at(paths.out);
  // Read again before each build, before the build writes there: the config may have just moved it.
  let cache = await cacheFolder(config, io.cwd);
  const builds = debounced(async (changed) => {
    const [first, ...more] = changed;
    io.stdout(`feedwright: ${first === undefined ? 'a file' : show(first)}${more.length > 0 ? ` and ${more.length} more` : ''} changed; rebuilding\n`);
    cache = await cacheFolder(config, io.cwd);
    await rebuild().catch((error: unknown) => {
      // One line, as the build reports its own internal errors; the watch goes on.
      const detail = process.env.FEEDWRIGHT_DEBUG ? `\n${(error as Error).stack}` : ' (set FEEDWRIGHT_DEBUG=1 for the stack)';
      io.stderr(`feedwright: the build stopped with an unexpected error: ${(error as Error).message ?? String(error)}${detail}\n`);
    });
    if (!(await isFolder(articles))) io.stdout(`feedwright: waiting for ${paths.articles} to be created again\n`);
    io.stdout('feedwright: watching for changes\n');
  }, delayMs);

  await rebuild();
  const missing = (await Promise.all([isFolder(articles, true), isFolder(dirname(config), true)])).find((problem) => problem !== true);
  if (missing !== undefined) {
    io.stderr(`feedwright: cannot watch ${paths.articles} and ${paths.config} (${missing}); check that both exist\n`);
    return 1;
  }

  // Loaded only here, so that a build without --watch does not load it.
  const { watch } = await import('chokidar');
  const watcher = watch([...new Set([dirname(articles), dirname(config)])], {
    ignored: ignoredBy(articles, config, () => [out, cache]),
    ignoreInitial: true,
  });
  const failed = new AbortController();
  let failure: string | undefined;
  const said = new Set<string>();
  watcher.on('all', (_event, path) => builds.touch(path));
  watcher.on('error', (error: unknown) => {
    const { code, path } = error as NodeJS.ErrnoException;
    const what = `${path === undefined ? `the files under ${paths.articles}` : show(path)} (${code ?? (error as Error).message})`;
    if (code !== undefined && FATAL.has(code)) {
      // Some folders would go unseen without a word: better to stop and say so.
      failure ??= `feedwright: cannot watch ${what}: the system's limit on watched files is reached; stopped watching. Raise the limit (on Linux, fs.inotify.max_user_watches) and run "feedwright build --watch" again\n`;
      failed.abort();
      return;
    }
    const line = `feedwright: cannot watch ${what}; changes there do not start a build until "feedwright build --watch" is run again\n`;
    if (!said.has(line)) io.stderr(line);
    said.add(line);
  });
  const ends = [stopped(signal), stopped(failed.signal)];
  // Not events.once: it would reject on the first 'error', which the handler above reports.
  await Promise.race([new Promise<void>((ready) => watcher.once('ready', () => ready())), ...ends]);
  if (!signal.aborted && !failed.signal.aborted) {
    io.stdout(`feedwright: watching ${paths.articles} and ${paths.config} for changes; press Ctrl-C to stop\n`);
    await Promise.race(ends);
  }
  await watcher.close();
  await builds.close();
  if (failure !== undefined) {
    io.stderr(failure);
    return 1;
  }
  io.stdout('feedwright: stopped watching\n');
  return 0;
}

/**
 * What the watch leaves out. It watches the parent folders of the articles
 * and of the config, so it takes from them only the articles folder (its
 * name, so that it is seen removed and created again) and the config file.
 * Under the articles folder it leaves out what records leave out (hidden
 * and `_`-prefixed names, at any depth: an editor's swap files, the build's
 * lock and temporary files; linked folders below it) and the build's own
 * folders (the output, the cache), when they are in there. Links are
 * followed otherwise, as records follow a linked file and a linked articles
 * folder (docs/records.md).
 */
function ignoredBy(articles: string, config: string, own: () => readonly (string | undefined)[]): (path: string, stats?: Stats) => boolean {
  const under = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);
  const roots = new Set([dirname(articles), dirname(config)]);
  // Never the articles folder itself, nor a folder that holds it: that would leave out every record.
  const ours = (path: string) => own().some((folder) => folder !== undefined && folder !== articles && under(folder, articles) && under(path, folder));
  return (path, stats) => {
    if (roots.has(path) || path === config) return false;
    if (!under(path, articles)) return true;
    if (ours(path)) return true;
    if (path !== articles && stats?.isDirectory() === true && isLink(path)) return true;
    return relative(articles, path)
      .split(sep)
      .some((name) => name.startsWith('.') || name.startsWith('_'));
  };
}

/** Whether `path` is a symbolic link; asked only of folders, which chokidar sees through their links. A link back up the tree would be watched without end. */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The cache folder the config names, if it names one: the build writes
 * there, and never reads a record from there. The default one, under
 * node_modules/.cache, is hidden, so left out anyway.
 */
async function cacheFolder(config: string, cwd: string): Promise<string | undefined> {
  const text = await readFile(config, 'utf8').catch(() => undefined);
  const cacheDir = text === undefined ? undefined : parseConfig(text, config).config?.cacheDir;
  return cacheDir === undefined ? undefined : resolve(cwd, cacheDir);
}

/** Whether `path` is a folder; with `why`, the error code when it is not. */
async function isFolder(path: string): Promise<boolean>;
async function isFolder(path: string, why: true): Promise<true | string>;
async function isFolder(path: string, why = false): Promise<boolean | string> {
  try {
    if ((await stat(path)).isDirectory()) return true;
    return why ? 'ENOTDIR' : false;
  } catch (error) {
    return why ? ((error as NodeJS.ErrnoException).code ?? (error as Error).message) : false;
  }
}

export interface Debounced {
  /** Notes a change; the run starts once no change came for the delay. */
  touch(path: string): void;
  /** Cancels a run not yet started and waits for the one running, if any. */
  close(): Promise<void>;
}

/**
 * Runs `run` once per burst of `touch`es, with the paths touched, never two
 * at a time: a burst during a run makes one more run after it. `run`
 * reports its own errors; it must not reject.
 */
export function debounced(run: (changed: readonly string[]) => Promise<void>, delayMs: number): Debounced {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(fire, delayMs);
  };
  const fire = () => {
    timer = undefined;
    if (closed || changed.size === 0) return;
    if (running) return; // the run's end re-arms
    const batch = [...changed];
    changed.clear();
    running = run(batch).finally(() => {
      running = undefined;
      if (changed.size > 0 && timer === undefined) arm();
    });
  };
  return {
    touch(path) {
      if (closed) return;
      changed.add(path);
      arm();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}

import { watch as watchFs, type FSWatcher } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Io } from './io.js';
import { stopped, stopSignal } from './stop.js';

/** How long a burst of saves may last and still be one build. */
export const DEBOUNCE_MS = 150;

export interface WatchPaths {
  /** The articles folder, watched with everything under it. */
  readonly articles: string;
  /** The config file, watched through its folder so that an editor's save-by-rename is seen. */
  readonly config: string;
  /** Changes here are the build's own, never a reason to build. */
  readonly out: string;
}

/**
 * `build --watch`: one build, then another after each burst of changes to
 * the articles or the config, until Ctrl-C (or `io.signal`). `rebuild` is a
 * whole build with its report; a build that fails has written nothing, so
 * the last good output stays where it is. Returns 0 once stopped.
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
  const out = at(paths.out);
  const config = at(paths.config);
  const builds = debounced(async (changed) => {
    const [first, ...more] = changed;
    io.stdout(`feedwright: ${first === undefined ? 'a file' : show(first)}${more.length > 0 ? ` and ${more.length} more` : ''} changed; rebuilding\n`);
    await rebuild().catch((error: unknown) => io.stderr(`feedwright: the build stopped with an unexpected error: ${(error as Error).stack ?? String(error)}\n`));
    io.stdout('feedwright: watching for changes\n');
  }, delayMs);

  await rebuild();
  const watchers: FSWatcher[] = [];
  const inOutput = (path: string) => path === out || path.startsWith(out + sep);
  try {
    watchers.push(
      watchFs(articles, { recursive: true }, (_event, name) => {
        const path = name === null ? articles : join(articles, name.toString());
        // Hidden files are an editor's swap files or a build's temporary files; records ignore them.
        if (!inOutput(path) && !basename(path).startsWith('.')) builds.touch(path);
      }),
      watchFs(dirname(config), (_event, name) => {
        if (name !== null && name.toString() === basename(config)) builds.touch(config);
      }),
    );
  } catch (error) {
    for (const w of watchers) w.close();
    io.stderr(`feedwright: cannot watch ${paths.articles} and ${paths.config} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that both exist\n`);
    return 1;
  }
  for (const w of watchers) w.on('error', (error) => io.stderr(`feedwright: watching stopped working (${error.message}); restart "feedwright build --watch"\n`));
  io.stdout(`feedwright: watching ${paths.articles} and ${paths.config} for changes; press Ctrl-C to stop\n`);

  await stopped(signal);
  for (const w of watchers) w.close();
  await builds.close();
  io.stdout('feedwright: stopped watching\n');
  return 0;
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

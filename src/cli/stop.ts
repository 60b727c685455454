import type { Io } from './io.js';

/**
 * What stops a command that runs until stopped: the caller's signal (tests,
 * a library user), or else Ctrl-C (SIGINT) or SIGTERM of this process,
 * handled so that the command can close what it opened and return.
 */
export function stopSignal(io: Io): { readonly signal: AbortSignal; readonly dispose: () => void } {
  if (io.signal) return { signal: io.signal, dispose: () => {} };
  const controller = new AbortController();
  const stop = () => controller.abort();
  // Kept until disposed, not `once`: the output folder's lock (proper-lockfile, through signal-exit) kills the process
  // again with the signal when its own handler is the only one left, which would end the command before it closes.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** Resolves when `signal` is aborted (at once if it already is). */
export function stopped(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

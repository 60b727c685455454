import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type * as ProperLockfile from 'proper-lockfile';
import { WriteError } from '../vocabulary/errors.js';
import { onFirstUse } from '../vocabulary/on-first-use.js';
import { LOCK_NAME } from './leftovers.js';

const lockfile = onFirstUse<typeof ProperLockfile>('proper-lockfile');

/**
 * The lock of an output folder, inside it: beside the files it guards, so
 * that builds in containers sharing only that folder see it. Hidden, so
 * that `serve` never sends it and no record reader lists it; an empty
 * folder (proper-lockfile's `mkdir`), so that one left by a killed build
 * is never committed with the output (git keeps no empty folder).
 */

/**
 * A holder refreshes its lock's mtime every half of this; a lock not
 * refreshed for this long is a killed build's, and is taken over. Judged by
 * mtime, not by a process id, so that it holds across PID namespaces. Long
 * enough for a build whose event loop is busy proving a large feed.
 */
const STALE_MS = 8_000;

/** Longer than STALE_MS, so that a build started just after another was killed waits its lock out instead of failing. */
const DEFAULT_WAIT_MS = 10_000;

const RETRY_MS = 100;

export interface FolderLock {
  /** The lock's own path, for messages. */
  readonly path: string;
  /** Why the lock is no longer this build's (another build took it over as stale), if it is not. */
  lost(): Promise<Error | undefined>;
  /** Removes the lock; once, and never another build's. */
  release(): Promise<void>;
}

/**
 * Takes the lock of `dir` (which must exist), waiting up to `waitMs` for a
 * build that holds it; then fails with a WriteError that says who holds it
 * and how to clear it. A second lock from the same process is refused too.
 */
export async function lockFolder(dir: string, waitMs = DEFAULT_WAIT_MS): Promise<FolderLock> {
  const path = join(dir, LOCK_NAME);
  const deadline = Date.now() + waitMs;
  let lost: Error | undefined;
  for (;;) {
    let release: () => Promise<void>;
    try {
      // Lost, the lock is recorded rather than thrown: the commit refuses to rename on a lock it no longer holds.
      release = await lockfile().lock(dir, { lockfilePath: path, stale: STALE_MS, onCompromised: (error) => void (lost = error) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw new WriteError(`cannot lock the output folder ${dir}; nothing was written`, { cause: error });
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new WriteError(`another feedwright build is writing ${dir} (since ${await heldSince(path)}); wait for it to finish, or remove ${path} if no build is running`);
      }
      await sleep(Math.min(RETRY_MS, left));
      continue;
    }
    // Which folder is ours: proper-lockfile notices a takeover only at its next refresh, which a busy event loop delays.
    const ours = await identity(path);
    const check = async () => lost ?? (ours === undefined || (await identity(path)) === ours ? undefined : new Error(`${path} is no longer the one this build made`));
    let released = false;
    return {
      path,
      lost: check,
      release: async () => {
        if (released) return;
        released = true;
        // Never another build's lock; one that cannot be removed goes stale.
        if ((await check()) === undefined) await release().catch(() => undefined);
      },
    };
  }
}

/** A folder's inode and birth time: a folder made again in its place may get the inode back, not the time. */
async function identity(path: string): Promise<string | undefined> {
  const info = await stat(path, { bigint: true }).catch(() => undefined);
  return info && `${info.ino}:${info.birthtimeNs}`;
}

/** When the lock was taken: its birth time where the file system keeps one (its mtime is refreshed while held). */
async function heldSince(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 'a moment ago';
  const at = info.birthtimeMs > 0 ? info.birthtime : info.mtime;
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

import { randomBytes } from 'node:crypto';

/**
 * A temporary file (`tmp`) or the old file kept until a commit ends (`old`):
 * hidden, never served; a random part, so that builds in separate PID
 * namespaces sharing the folder never take each other's names.
 */
export const leftoverName = (name: string, kind: 'tmp' | 'old'): string => {
  // Beside the file, in its own folder (a facet's feed, an archive page: docs/feed-set.md).
  const slash = name.lastIndexOf('/') + 1;
  return `${name.slice(0, slash)}.${name.slice(slash)}.${randomBytes(8).toString('hex')}.${kind}`;
};

/** Today's names, and the `.<name>.<pid>.tmp` of earlier versions. */
const LEFTOVER = /^\..+\.[0-9a-f]+\.(?:tmp|old)$/;

/** Whether a name in an output folder is a temporary or kept-old file of a build. */
export const isTemporary = (name: string): boolean => LEFTOVER.test(name);

/** The output folder's lock: a hidden folder, there only while a build writes (see lock.ts). */
export const LOCK_NAME = '.feedwright.lock';

/** Whether a name in an output folder is there only while a build runs, or after one was killed: its temporary files or its lock. */
export const isLeftover = (name: string): boolean => name === LOCK_NAME || isTemporary(name);

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * What the memo and the build manifest share: results kept between builds,
 * trusted only as far as the files they came from are unchanged.
 */

/**
 * How far apart two writes to a file must be for their mtimes to differ:
 * a file changed within this long before it was looked at may change again
 * with the same size and mtime (git's "racy" rule), so its bytes are read.
 * Two seconds covers the coarsest file systems (FAT); see docs/caching.md.
 */
export const GRANULARITY_MS = 2000;

export const sha1 = (data: string | Uint8Array): string => createHash('sha1').update(data).digest('hex');

/** Writes kept state as JSON, by a temporary file of its own and a rename; a failure only costs the next build some time. */
export async function storeJson(path: string, data: unknown): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, JSON.stringify(data));
    await rename(temp, path);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

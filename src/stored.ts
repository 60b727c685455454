import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * What the placements and the build manifest share: results kept between
 * builds, trusted only as far as the files they came from are unchanged.
 */

/** A file changed within this long of a kept result could share its mtime with the change (git's "racy" rule): look at its bytes. */
export const RACY_MS = 2000;

export const sha1 = (data: string | Uint8Array): string => createHash('sha1').update(data).digest('hex');

/** Writes kept state as JSON, by temporary file and rename; a failure only costs the next build some time. */
export const storeJson = (path: string, data: unknown): Promise<void> => storeText(path, JSON.stringify(data));

/** Writes kept state, by temporary file and rename; a failure only costs the next build some time. */
export async function storeText(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, text);
    await rename(temp, path);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

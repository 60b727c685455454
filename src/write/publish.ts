import { open, readdir, readFile, rename, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { WriteError } from '../errors.js';

export interface OutputFile {
  readonly name: string;
  /** Text is written as UTF-8; bytes (a precompressed copy) as they are. */
  readonly text: string | Uint8Array;
}

const toBytes = (text: string | Uint8Array): Buffer => (typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength));

export interface PublishResult {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
}

const tempName = (name: string) => `.${name}.${process.pid}.tmp`;
const TEMP = /^\..+\.(\d+)\.tmp$/;

/**
 * Writes the files atomically (SPEC section 6): every changed file first to
 * a temporary file in the same folder, flushed; only when all of them are
 * written are they renamed over the old ones, so that a reader never sees
 * half a file and a failed write leaves every old file in place. A file
 * whose bytes are unchanged is left alone, mtime and all.
 */
export async function publish(dir: string, files: readonly OutputFile[]): Promise<PublishResult> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (cause) {
    throw new WriteError(`cannot create the output folder ${dir}`, { cause });
  }
  await removeStaleTemps(dir);
  const changed: OutputFile[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    if (await sameBytes(join(dir, file.name), toBytes(file.text))) unchanged.push(file.name);
    else changed.push(file);
  }
  const temps = changed.map((file) => join(dir, tempName(file.name)));
  try {
    for (const [i, file] of changed.entries()) {
      const handle = await open(temps[i]!, 'w');
      try {
        await handle.writeFile(toBytes(file.text));
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  } catch (cause) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true }).catch(() => undefined)));
    throw new WriteError(`cannot write the output files in ${dir}`, { cause });
  }
  for (const [i, file] of changed.entries()) {
    try {
      await rename(temps[i]!, join(dir, file.name));
    } catch (cause) {
      await Promise.all(temps.slice(i).map((temp) => rm(temp, { force: true }).catch(() => undefined)));
      throw new WriteError(`cannot replace ${join(dir, file.name)}`, { cause });
    }
  }
  return { written: changed.map((f) => f.name), unchanged };
}

async function sameBytes(path: string, bytes: Buffer): Promise<boolean> {
  try {
    return bytes.equals(await readFile(path));
  } catch {
    return false;
  }
}

/** Temporary files left by a build that was killed before its rename (not those of a build still running). */
export async function removeStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => {
    const pid = TEMP.exec(n)?.[1];
    return pid !== undefined && !isRunning(Number(pid));
  });
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true }).catch(() => undefined)));
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

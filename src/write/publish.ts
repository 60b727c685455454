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
 * Writes each file atomically (SPEC section 6): to a temporary file in the
 * same folder, flushed, then renamed over the old one, so that a reader
 * never sees half a file. A file whose bytes are unchanged is left alone,
 * mtime and all.
 */
export async function publish(dir: string, files: readonly OutputFile[]): Promise<PublishResult> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (cause) {
    throw new WriteError(`cannot create the output folder ${dir}`, { cause });
  }
  await removeStaleTemps(dir);
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const bytes = toBytes(file.text);
    if (await sameBytes(join(dir, file.name), bytes)) {
      unchanged.push(file.name);
      continue;
    }
    const temp = join(dir, tempName(file.name));
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, join(dir, file.name));
    } catch (cause) {
      await rm(temp, { force: true });
      throw new WriteError(`cannot write ${join(dir, file.name)}`, { cause });
    }
    written.push(file.name);
  }
  return { written, unchanged };
}

/** The names among `files` whose bytes on disk differ from the new ones (or that are missing). */
export async function staleFiles(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  const stale: string[] = [];
  for (const file of files) if (!(await sameBytes(join(dir, file.name), toBytes(file.text)))) stale.push(file.name);
  return stale;
}

async function sameBytes(path: string, bytes: Buffer): Promise<boolean> {
  try {
    return bytes.equals(await readFile(path));
  } catch {
    return false;
  }
}

/** Temporary files left by a build that was killed before its rename (not those of a build still running). */
async function removeStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => {
    const pid = TEMP.exec(n)?.[1];
    return pid !== undefined && !isRunning(Number(pid));
  });
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true })));
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

import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
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
  const staging = await Staging.open(dir);
  for (const file of files) await staging.add(file);
  return staging.commit();
}

/**
 * A publish in steps, so that a build can hand over each file as soon as it
 * is proven and keep nothing of it: `add` writes a changed file to its
 * temporary file, `commit` renames them all, `abort` removes them. On any
 * failure the temporary files written so far are removed and the folder
 * stays as it was.
 */
export class Staging {
  private readonly staged: { name: string; temp: string }[] = [];
  private readonly unchanged: string[] = [];

  private constructor(private readonly dir: string) {}

  static async open(dir: string): Promise<Staging> {
    try {
      await mkdir(dir, { recursive: true });
    } catch (cause) {
      throw new WriteError(`cannot create the output folder ${dir}`, { cause });
    }
    await removeStaleTemps(dir);
    return new Staging(dir);
  }

  async add(file: OutputFile): Promise<void> {
    const bytes = toBytes(file.text);
    if (await sameBytes(join(this.dir, file.name), bytes)) {
      this.unchanged.push(file.name);
      return;
    }
    const temp = join(this.dir, tempName(file.name));
    this.staged.push({ name: file.name, temp });
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (cause) {
      await this.abort();
      throw new WriteError(`cannot write the output files in ${this.dir}`, { cause });
    }
  }

  async commit(): Promise<PublishResult> {
    for (const [i, { name, temp }] of this.staged.entries()) {
      try {
        await rename(temp, join(this.dir, name));
      } catch (cause) {
        await removeAll(this.staged.slice(i).map((s) => s.temp));
        throw new WriteError(`cannot replace ${join(this.dir, name)}`, { cause });
      }
    }
    return { written: this.staged.map((s) => s.name), unchanged: this.unchanged };
  }

  /** Removes every temporary file written: the folder is left as it was. */
  async abort(): Promise<void> {
    await removeAll(this.staged.map((s) => s.temp));
  }
}

const removeAll = (paths: readonly string[]) => Promise.all(paths.map((path) => rm(path, { force: true }).catch(() => undefined)));

/** Compares sizes first: a changed feed usually changes its size, and then the old file need not be read. */
async function sameBytes(path: string, bytes: Buffer): Promise<boolean> {
  try {
    if ((await stat(path)).size !== bytes.length) return false;
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
  await removeAll(stale.map((n) => join(dir, n)));
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

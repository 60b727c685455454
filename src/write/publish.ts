import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { WriteError } from '../errors.js';

export interface OutputFile {
  readonly name: string;
  /** Text is written as UTF-8; bytes (a precompressed copy, a feed encoded as it was written: see Utf8Chunks) as they are. */
  readonly text: string | Uint8Array | readonly Uint8Array[];
}

/** A file's bytes, in the chunks they come in. */
const chunksOf = (text: OutputFile['text']): readonly Uint8Array[] => (typeof text === 'string' ? [Buffer.from(text, 'utf8')] : text instanceof Uint8Array ? [text] : text);

/** A file's bytes as one buffer: for the steps that need them whole (a compressed copy, `build --check`). */
export const bytesOf = (text: OutputFile['text']): Buffer => {
  const chunks = chunksOf(text);
  return chunks.length === 1 ? Buffer.from(chunks[0]!.buffer, chunks[0]!.byteOffset, chunks[0]!.byteLength) : Buffer.concat(chunks);
};

/**
 * Text encoded to UTF-8 as it is written, straight into buffers of a
 * megabyte: a feed written a piece at a time is never one string, nor are
 * its pieces joined first, and its bytes take half the memory of the
 * two-byte string a text beyond Latin-1 makes.
 */
export class Utf8Chunks {
  private readonly chunks: Uint8Array[] = [];
  private buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  write(text: string): void {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.seal();
      this.buffer = Buffer.allocUnsafe(Math.max(CHUNK, text.length * 3));
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  end(): readonly Uint8Array[] {
    this.seal();
    return this.chunks;
  }

  private seal(): void {
    if (this.used > 0) this.chunks.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.alloc(0);
    this.used = 0;
  }
}

const CHUNK = 1 << 20;

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
    const bytes = chunksOf(file.text);
    if (await sameBytes(join(this.dir, file.name), bytes)) {
      this.unchanged.push(file.name);
      return;
    }
    const temp = join(this.dir, tempName(file.name));
    this.staged.push({ name: file.name, temp });
    try {
      const handle = await open(temp, 'w');
      try {
        // Each chunk from where the last one ended.
        for (const chunk of bytes) await handle.writeFile(chunk);
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

/**
 * Compares sizes first: a changed feed usually changes its size, and then the
 * old file need not be read. Otherwise the old file is read a chunk at a time
 * beside the new one, never whole.
 */
async function sameBytes(path: string, chunks: readonly Uint8Array[]): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    if ((await handle.stat()).size !== chunks.reduce((size, c) => size + c.byteLength, 0)) return false;
    let scratch = Buffer.alloc(0);
    for (const chunk of chunks) {
      if (scratch.length < chunk.byteLength) scratch = Buffer.alloc(chunk.byteLength);
      const old = scratch.subarray(0, chunk.byteLength);
      const { bytesRead } = await handle.read(old, 0, old.length, null);
      if (bytesRead !== old.length || !old.equals(chunk)) return false;
    }
    return true;
  } catch {
    return false;
  } finally {
    await handle?.close();
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

import { isTemporary, leftoverName } from './leftovers.js';
import { constants, copyFile, link, mkdir, open, readdir, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { WriteError } from '../vocabulary/errors.js';
import { lockFolder, type FolderLock } from './lock.js';

export interface OutputFile {
  readonly name: string;
  /** Text is written as UTF-8; bytes (a precompressed copy, a feed encoded as it was rendered) as they are. */
  readonly text: string | Uint8Array | readonly Uint8Array[];
}

/** A file's bytes, in the chunks they come in. */
const chunksOf = (text: OutputFile['text']): readonly Uint8Array[] => (typeof text === 'string' ? [Buffer.from(text, 'utf8')] : text instanceof Uint8Array ? [text] : text);

/** A file's bytes as one buffer: for the steps that need them whole (a compressed copy, `build --check`). */
export const bytesOf = (text: OutputFile['text']): Buffer => {
  const chunks = chunksOf(text);
  return chunks.length === 1 ? Buffer.from(chunks[0]!.buffer, chunks[0]!.byteOffset, chunks[0]!.byteLength) : Buffer.concat(chunks);
};

export interface PublishResult {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}


/** Writes the files atomically and all or nothing: Staging in one call. */
export async function publish(dir: string, files: readonly OutputFile[]): Promise<PublishResult> {
  const staging = await Staging.open(dir);
  try {
    for (const file of files) await staging.add(file);
  } catch (error) {
    await staging.abort();
    throw error;
  }
  return staging.commit();
}

/** One change a commit makes: a temporary file renamed over `name`, or `name` removed; and the old file, kept until the commit ends. */
interface Change {
  readonly name: string;
  readonly temp?: string;
  backup?: string;
}

/**
 * A publication in steps, so that a build can hand over each file as soon
 * as it is proven and keep nothing of it. `open` takes the output folder's
 * lock (one build writes a folder at a time) and clears what killed builds
 * left; `add` writes a changed file to a temporary file in the folder,
 * flushed; `remove` names a file to go; `commit` makes every change or none;
 * `abort` removes the temporary files; either releases the lock.
 *
 * The commit first keeps each file it will replace or remove under a second
 * name (a hard link: the file stays in place for its readers), then renames
 * and removes; should one of these fail, the kept files are renamed back, so
 * the folder is again as it was, and the error says so, or says exactly
 * which files are new and which old when even that failed. A reader sees
 * each file whole, old or new, at every moment, and a build killed at any
 * moment leaves each file whole.
 */
export class Staging {
  private readonly writes: { readonly name: string; readonly temp: string }[] = [];
  private readonly removals = new Set<string>();
  private readonly unchanged: string[] = [];
  /** The folders this publication created, deepest last. */
  private readonly made: string[] = [];
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly lock: FolderLock,
  ) {}

  /** Creates the folder, takes its lock (waiting up to `waitMs`, default 10 s, for another build) and clears what killed builds left. */
  static async open(dir: string, options: { readonly waitMs?: number } = {}): Promise<Staging> {
    try {
      await mkdir(dir, { recursive: true });
    } catch (cause) {
      throw new WriteError(`cannot create the output folder ${dir}; nothing was written`, { cause });
    }
    const lock = await lockFolder(dir, options.waitMs);
    // Holding the lock, this build knows that every temporary or kept file present is a killed build's, in the feed set's folders too.
    const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
    await removeAll(names.filter((name) => isTemporary(basename(name))).map((name) => join(dir, name)));
    return new Staging(dir, lock);
  }

  /** Writes a changed file to its temporary file; a file whose bytes are unchanged is left alone, mtime and all. */
  async add(file: OutputFile): Promise<void> {
    this.usable(file.name);
    const bytes = chunksOf(file.text);
    if (await sameBytes(join(this.dir, file.name), bytes)) {
      this.unchanged.push(file.name);
      return;
    }
    const temp = join(this.dir, leftoverName(file.name, 'tmp'));
    this.writes.push({ name: file.name, temp });
    try {
      if (file.name.includes('/')) await this.folderFor(file.name);
      const handle = await open(temp, 'wx');
      try {
        // Each chunk from where the last one ended.
        for (const chunk of bytes) await handle.writeFile(chunk);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (cause) {
      await this.abort();
      throw new WriteError(`cannot write ${join(this.dir, file.name)}; the previous output was left as it was`, { cause });
    }
  }

  /** Creates the folders of a file in a subfolder (a facet's feed, an archive page), noting those it made, to be removed again if nothing is written. */
  private async folderFor(name: string): Promise<void> {
    const parts = name.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const folder = join(this.dir, ...parts.slice(0, i));
      if (this.made.includes(folder)) continue;
      const created = await mkdir(folder).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') return false;
          throw error;
        },
      );
      if (created) this.made.push(folder);
    }
  }

  /** Names a file to be removed by the commit, if it is there then; put back if the commit fails. */
  remove(name: string): void {
    this.usable(name);
    this.removals.add(name);
  }

  /** Makes every change or none, then runs `whileLocked` (what must see the folder as this publication left it, such as the build's record of its files), and releases the lock. */
  async commit(whileLocked?: (result: PublishResult) => Promise<void>): Promise<PublishResult> {
    if (this.closed) throw new Error('this publication is already committed or aborted');
    this.closed = true;
    try {
      const lost = await this.lock.lost();
      if (lost) {
        await removeAll(this.writes.map((w) => w.temp));
        throw new WriteError(`another build took over the lock of ${this.dir} while this one held it; nothing was replaced: the previous output was left as it was`, { cause: lost });
      }
      const result = await this.apply();
      await whileLocked?.(result);
      return result;
    } finally {
      await this.lock.release();
    }
  }

  /** Removes every temporary file written: the folder is left as it was. The lock is released. */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await removeAll(this.writes.map((w) => w.temp));
      // The folders it made, now empty again: the folder is as it was.
      for (const folder of [...this.made].reverse()) await rmdir(folder).catch(() => undefined);
    } finally {
      await this.lock.release();
    }
  }

  private usable(name: string): void {
    if (this.closed) throw new Error('this publication is already committed or aborted');
    if (this.removals.has(name) || this.writes.some((w) => w.name === name)) throw new Error(`${name} is already part of this publication`);
  }

  private async apply(): Promise<PublishResult> {
    const changes: Change[] = [...this.writes, ...[...this.removals].map((name) => ({ name }))];
    const target = (change: Change) => join(this.dir, change.name);
    const verb = (change: Change) => (change.temp ? 'replace' : 'remove');
    const temps = () => changes.flatMap((c) => (c.temp ? [c.temp] : []));
    const backups = (of: readonly Change[]) => of.flatMap((c) => (c.backup ? [c.backup] : []));

    for (const change of changes) {
      try {
        const backup = await keep(target(change), join(this.dir, leftoverName(change.name, 'old')));
        if (backup) change.backup = backup;
      } catch (cause) {
        await removeAll([...temps(), ...backups(changes)]);
        throw new WriteError(`cannot ${verb(change)} ${target(change)}; nothing was replaced: the previous output was left as it was`, { cause });
      }
    }
    // A removal of a file that is not there is no change.
    const made = changes.filter((c) => c.temp !== undefined || c.backup !== undefined);

    const done: Change[] = [];
    for (const change of made) {
      try {
        if (change.temp) await rename(change.temp, target(change));
        else await unlink(target(change));
        done.push(change);
      } catch (cause) {
        const failed = await this.putBack(done);
        const kept = new Set(failed);
        await removeAll([...temps(), ...backups(made.filter((c) => !kept.has(c)))]);
        await syncFolder(this.dir);
        if (failed.length === 0) throw new WriteError(`cannot ${verb(change)} ${target(change)}; every file already replaced was put back: the previous output was left as it was`, { cause });
        throw new WriteError(`cannot ${verb(change)} ${target(change)}, and putting back the files already replaced failed too: ${this.state(made, failed)}; run the build again`, { cause });
      }
    }
    await removeAll(backups(made));
    // A facet's folder or an archive page's, emptied by the removals, goes with them.
    const emptied = [...new Set(made.filter((c) => !c.temp && c.name.includes('/')).flatMap((c) => parentsOf(c.name)))].sort((a, b) => b.length - a.length);
    for (const folder of emptied) await rmdir(join(this.dir, folder)).catch(() => undefined);
    await syncFolder(this.dir);
    return {
      written: made.filter((c) => c.temp).map((c) => c.name),
      unchanged: this.unchanged,
      removed: made.filter((c) => !c.temp).map((c) => c.name),
    };
  }

  /** Undoes the changes made, last first; returns those that could not be undone. */
  private async putBack(done: readonly Change[]): Promise<Change[]> {
    const failed: Change[] = [];
    for (const change of [...done].reverse()) {
      const target = join(this.dir, change.name);
      try {
        if (change.backup) await rename(change.backup, target);
        else await unlink(target);
      } catch {
        failed.push(change);
      }
    }
    return failed;
  }

  /** The folder as a failed commit that could not put everything back leaves it, file by file. */
  private state(made: readonly Change[], failed: readonly Change[]): string {
    const list = (changes: readonly Change[]) => changes.map((c) => c.name).join(', ');
    const parts: string[] = [];
    const replaced = failed.filter((c) => c.temp && c.backup);
    const added = failed.filter((c) => c.temp && !c.backup);
    const removed = failed.filter((c) => !c.temp);
    if (replaced.length > 0) parts.push(`new: ${list(replaced)}`);
    if (added.length > 0) parts.push(`new, where there was none: ${list(added)}`);
    if (removed.length > 0) parts.push(`removed: ${list(removed)}`);
    const old = [...made.filter((c) => !failed.includes(c)).map((c) => c.name), ...this.unchanged];
    if (old.length > 0) parts.push(`as they were: ${old.join(', ')}`);
    const kept = failed.filter((c) => c.backup).map((c) => `${c.name} as ${basename(c.backup!)}`);
    if (kept.length > 0) parts.push(`the previous versions are kept, until the next build, in ${this.dir}: ${kept.join(', ')}`);
    return parts.join('; ');
  }
}

/** The folders a name is in, under the output folder: "a/b/c.xml" is in "a/b" and "a". */
const parentsOf = (name: string): string[] => name.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'));

/**
 * Keeps the file at `path` under `backup`: a hard link, or a copy where the
 * file system has none. Undefined when there is no file at `path`; throws
 * when it cannot be kept (a folder in the way).
 */
async function keep(path: string, backup: string): Promise<string | undefined> {
  try {
    await link(path, backup);
    return backup;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  try {
    await copyFile(path, backup, constants.COPYFILE_EXCL);
    return backup;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Flushes the folder itself, so that its renames survive a power cut; where a folder cannot be opened for that, nothing more can be done. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  try {
    await handle?.sync();
  } catch {
    // Some file systems refuse fsync on a folder.
  } finally {
    await handle?.close();
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

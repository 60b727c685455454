import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keep, revive } from '../cache/records.js';
import { WriteError } from '../vocabulary/errors.js';
import type { ArticleRecord } from '../vocabulary/record.js';

/** How many bytes of records are gathered before they are written. */
const CHUNK = 1 << 20;

/**
 * Records kept out of memory: written to a temporary file as they are read,
 * each as the memo keeps a record (plain data), and read back one at a time
 * when a feed is made, so that a build of a feed set holds one feed's records
 * at a time, not all of them (docs/performance.md). The file is removed as
 * soon as it is opened where the system allows (it lives while it is open,
 * and nothing is left of it should the build be killed), else when the
 * spill is closed.
 */
export class RecordSpill {
  /** Where each record starts in the file, and where the last one ends. */
  private readonly starts: number[] = [0];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;
  private closed = false;

  private constructor(
    private readonly fd: number,
    /** Its path while it still has one. */
    private readonly path: string | undefined,
  ) {}

  static open(): RecordSpill {
    const path = join(tmpdir(), `feedwright-records-${randomBytes(8).toString('hex')}`);
    let fd: number;
    try {
      fd = openSync(path, 'wx+');
    } catch (cause) {
      throw spillError(cause);
    }
    try {
      unlinkSync(path);
      return new RecordSpill(fd, undefined);
    } catch {
      // Removed when the spill is closed.
      return new RecordSpill(fd, path);
    }
  }

  /** Writes a record; returns its number, to read it back by. */
  put(record: ArticleRecord): number {
    if (this.closed) throw new Error('a record was written aside after the build let the others go');
    const bytes = Buffer.from(JSON.stringify(keep(record)), 'utf8');
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.starts.push(this.starts.at(-1)! + bytes.length);
    if (this.pendingBytes >= CHUNK) this.flush();
    return this.starts.length - 2;
  }

  /** The record written as number `index`. */
  get(index: number): ArticleRecord {
    this.flush();
    const start = this.starts[index]!;
    const bytes = Buffer.allocUnsafe(this.starts[index + 1]! - start);
    try {
      for (let done = 0; done < bytes.length; ) {
        const read = readSync(this.fd, bytes, done, bytes.length - done, start + done);
        if (read === 0) throw new Error('the file was cut short');
        done += read;
      }
    } catch (cause) {
      throw spillError(cause);
    }
    return revive(JSON.parse(bytes.toString('utf8')))!;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    if (this.path !== undefined) rmSync(this.path, { force: true });
  }

  private flush(): void {
    // After close, its descriptor may be another file's.
    if (this.closed) throw new Error('the records written aside were asked for after the build let them go');
    if (this.pendingBytes === 0) return;
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, this.written + done);
    } catch (cause) {
      throw spillError(cause);
    }
    this.written += bytes.length;
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** What a failing temporary file is to the user: the folder, and what to do (a full disk, a folder that cannot be written). */
const spillError = (cause: unknown): WriteError =>
  new WriteError(`cannot write the feed set's records aside in the temporary folder ${tmpdir()}; set TMPDIR to a folder that can be written and has room for them. Nothing was written`, { cause });

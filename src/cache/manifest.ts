import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GRANULARITY_MS, sha1, storeJson } from './store.js';
import type { Diagnostic } from '../vocabulary/diagnostic.js';
import type { FileStats } from './memo.js';

/**
 * What the last successful build read and wrote, so that a rebuild with
 * nothing changed can stop after looking at file sizes and times: the
 * same record files (paths, sizes, mtimes, ctimes), the same config and options,
 * the same feedwright, no record whose publication time has come since (nor
 * a clock set back before the last build's), and the output files as that
 * build left them. Anything else, or a file changed too close to the moment
 * its times were looked at to tell by its mtime (git's "racy" rule), and the
 * build runs in full (see docs/caching.md).
 */

const FORMAT = 4;

interface Output {
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface Manifest {
  readonly format: number;
  /** The config, the options and feedwright's version, hashed. */
  readonly key: string;
  /** Every record file's path, size, mtime and ctime, hashed. */
  readonly inputs: string;
  /** When the build looked at the record files' sizes and times (epoch ms): a file changed less than the granularity before cannot be told by them. */
  readonly statedAt: number;
  /** The build's clock (epoch ms): a clock set back can make a published record future again. */
  readonly builtAt: number;
  /** When the earliest record left out as future is published (epoch ms), or null. */
  readonly nextFuture: number | null;
  readonly items: number;
  readonly outputs: readonly Output[];
  readonly diagnostics: readonly Diagnostic[];
  /** The fingerprint of each feed of the set whose documents drew no message, by folder: what they were made of. */
  readonly feeds: Readonly<Record<string, string>>;
}

export const hashOf = (...parts: readonly string[]): string => sha1(parts.join('\0'));

/**
 * The signature of a set of record files, the newest mtime among them, when
 * they were looked at, and each file's size and times for the reading that
 * follows: three numbers a file, in the order of `files` (see `statsAt`).
 * Node's whole Stats of a million files held some 600 MB (docs/performance.md).
 */
export function inputSignature(dir: string, files: { readonly length: number; at(index: number): string | undefined }): { signature: string; newest: number; statedAt: number; stats: Float64Array } {
  const statedAt = Date.now();
  const hash = createHash('sha1');
  const all = new Float64Array(files.length * 3).fill(NaN);
  let lines: string[] = [];
  let newest = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files.at(i)!;
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats === undefined) continue;
    const { size, mtimeMs, ctimeMs } = stats;
    all[i * 3] = size;
    all[i * 3 + 1] = mtimeMs;
    all[i * 3 + 2] = ctimeMs;
    // ctime too: it changes with the content even when a tool sets the mtime back.
    lines.push(`${file.slice(dir.length)}\0${size}\0${mtimeMs}\0${ctimeMs}\n`);
    newest = Math.max(newest, mtimeMs);
    // Hashed a thousand files at a time: one call each would be slow, one for all would hold them all.
    if (lines.length === 1000) {
      hash.update(lines.join(''));
      lines = [];
    }
  }
  hash.update(lines.join(''));
  return { signature: hash.digest('hex'), newest, statedAt, stats: all };
}

/** The size and times of the `i`th file given to `inputSignature`, or none for a file gone since it was listed. */
export function statsAt(stats: Float64Array, i: number): FileStats | undefined {
  const size = stats[i * 3]!;
  return Number.isNaN(size) ? undefined : { size, mtimeMs: stats[i * 3 + 1]!, ctimeMs: stats[i * 3 + 2]! };
}

export async function loadManifest(path: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest;
    const { feeds } = manifest;
    return manifest.format === FORMAT && Array.isArray(manifest.outputs) && Array.isArray(manifest.diagnostics) && typeof feeds === 'object' && feeds !== null && !Array.isArray(feeds) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the last build's output is still what a full build would write. */
export function stillCurrent(manifest: Manifest, now: { key: string; inputs: string; newest: number; at: number; outDir: string }): boolean {
  if (manifest.key !== now.key || manifest.inputs !== now.inputs) return false;
  if (now.newest >= manifest.statedAt - GRANULARITY_MS) return false;
  if (now.at < manifest.builtAt || (manifest.nextFuture !== null && now.at >= manifest.nextFuture)) return false;
  return manifest.outputs.every((o) => sameStats(now.outDir, o));
}

/**
 * The feeds of the set the last build made that a build with the same key
 * need not make again: `unchanged(folder, fingerprint)` gives the names of
 * the feed's files in the output folder (its documents and their compressed
 * copies) when the last build made it of the same (its fingerprint) without
 * a message, and each of them is still as it left it (size and mtime); else
 * undefined (see docs/caching.md). None with a clock set back before the
 * last build's: the proof measures dates from it.
 */
export function unchangedFeeds(manifest: Manifest, now: { key: string; at: number; outDir: string }): (folder: string, fingerprint: string) => readonly string[] | undefined {
  const { key, outDir } = now;
  const byFolder = new Map<string, Output[]>();
  if (manifest.key === key && now.at >= manifest.builtAt) {
    for (const output of manifest.outputs) {
      const folder = output.name.slice(0, output.name.lastIndexOf('/') + 1);
      if (!byFolder.has(folder)) byFolder.set(folder, []);
      byFolder.get(folder)!.push(output);
    }
  }
  return (folder, fingerprint) => {
    const outputs = byFolder.get(folder);
    if (outputs === undefined || manifest.feeds[folder] !== fingerprint || !outputs.every((o) => sameStats(outDir, o))) return undefined;
    return outputs.map((o) => o.name);
  };
}

/** Whether an output file is as a build left it: its size and mtime. */
function sameStats(outDir: string, output: Output): boolean {
  const stats = statSync(join(outDir, output.name), { throwIfNoEntry: false });
  return stats !== undefined && stats.size === output.size && stats.mtimeMs === output.mtimeMs;
}

export async function saveManifest(path: string, manifest: Omit<Manifest, 'format' | 'outputs'>, outDir: string, names: readonly string[]): Promise<void> {
  try {
    const outputs = names.map((name) => {
      const stats = statSync(join(outDir, name));
      return { name, size: stats.size, mtimeMs: stats.mtimeMs };
    });
    await storeJson(path, { format: FORMAT, ...manifest, outputs });
  } catch {
    // Without a manifest the next build only runs in full.
  }
}

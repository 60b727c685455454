import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { bytesOf, type OutputFile } from './publish.js';

/** A precompressed copy, and the file it is a copy of. */
export type CopyFile = OutputFile & { readonly copyOf: string };

/** The encodings a precompressed copy is written in, by the suffix hosts look for (nginx `gzip_static`, Caddy `precompressed`). */
export const ENCODINGS = {
  gzip: { suffix: '.gz', compress: (b: Buffer) => gzipSync(b, { level: 9 }), decompress: (b: Buffer, max: number) => gunzipSync(b, { maxOutputLength: max }) },
  br: {
    suffix: '.br',
    compress: (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
    decompress: (b: Buffer, max: number) => brotliDecompressSync(b, { maxOutputLength: max }),
  },
} as const;

/**
 * A gzip and a brotli copy of each file, to be written beside it. A copy
 * already in `dir` that decompresses to the same bytes is kept as it is:
 * compressors differ between versions of zlib, and a copy that says the same
 * must not count as changed (nor be rewritten, nor fail `build --check`).
 */
export async function precompress(dir: string, files: readonly OutputFile[]): Promise<CopyFile[]> {
  const out: CopyFile[] = [];
  for (const file of files) {
    const bytes = bytesOf(file.text);
    for (const [encoding, { suffix, compress }] of Object.entries(ENCODINGS) as [keyof typeof ENCODINGS, (typeof ENCODINGS)[keyof typeof ENCODINGS]][]) {
      const name = file.name + suffix;
      const existing = await readFile(join(dir, name)).catch(() => undefined);
      const same = existing !== undefined && isCopyOf(existing, bytes, encoding);
      out.push({ name, text: same ? existing : compress(bytes), copyOf: file.name });
    }
  }
  return out;
}

/**
 * The precompressed copies of `names` present in `dir`, by file name: what
 * a build without `precompress` removes, and `build --check` reports, so
 * that no copy outlives the feed it was made from.
 */
export async function copiesOf(dir: string, names: readonly string[]): Promise<string[]> {
  const candidates = names.flatMap((name) => Object.values(ENCODINGS).map(({ suffix }) => name + suffix));
  const present = await Promise.all(candidates.map(async (name) => (await lstat(join(dir, name)).catch(() => undefined))?.isDirectory() === false));
  return candidates.filter((_, i) => present[i]);
}

/**
 * Whether `compressed` decompresses to exactly `bytes`: what makes a copy
 * current, whatever its mtime says (a checkout gives every file the same
 * one). A copy that would inflate beyond them is stopped there.
 */
export function isCopyOf(compressed: Buffer, bytes: Buffer, encoding: keyof typeof ENCODINGS): boolean {
  try {
    return ENCODINGS[encoding].decompress(compressed, bytes.length + 1).equals(bytes);
  } catch {
    return false;
  }
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { bytesOf, type OutputFile } from './publish.js';
import type { PlannedFile } from './stale.js';

/** The encodings a precompressed copy is written in, by the suffix hosts look for (nginx `gzip_static`, Caddy `precompressed`). */
export const ENCODINGS = {
  gzip: { suffix: '.gz', compress: (b: Buffer) => gzipSync(b, { level: 9 }), decompress: (b: Buffer) => gunzipSync(b) },
  br: {
    suffix: '.br',
    compress: (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
    decompress: (b: Buffer) => brotliDecompressSync(b),
  },
} as const;

/**
 * A gzip and a brotli copy of each file, to be written beside it. A copy
 * already in `dir` that decompresses to the same bytes is kept as it is:
 * compressors differ between versions of zlib, and a copy that says the same
 * must not count as changed (nor be rewritten, nor fail `build --check`).
 */
export async function precompress(dir: string, files: readonly OutputFile[]): Promise<PlannedFile[]> {
  const out: PlannedFile[] = [];
  for (const file of files) {
    const bytes = bytesOf(file.text);
    for (const encoding of Object.values(ENCODINGS)) {
      const name = file.name + encoding.suffix;
      const existing = await readFile(join(dir, name)).catch(() => undefined);
      const same = existing !== undefined && decompressesTo(existing, bytes, encoding.decompress);
      out.push({ name, text: same ? existing : encoding.compress(bytes), copyOf: file.name });
    }
  }
  return out;
}

function decompressesTo(compressed: Buffer, bytes: Buffer, decompress: (b: Buffer) => Buffer): boolean {
  try {
    return decompress(compressed).equals(bytes);
  } catch {
    return false;
  }
}

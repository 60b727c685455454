import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** feedwright's version, from its package.json: the nearest one above this module (src/, dist/ or a bench build alike). */
function findVersion(): string {
  for (let url = new URL('../package.json', import.meta.url); ; url = new URL('../package.json', url)) {
    try {
      const data = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (data.name === 'feedwright' && data.version) return data.version;
    } catch {
      // Not here: one folder up.
    }
    if (url.pathname === '/package.json') return '0.0.0';
  }
}

/** feedwright's version, as its package.json gives it: what `feedwright --version` prints. */
export const VERSION = findVersion();

/**
 * What a cached result was made by: this version's code, byte for byte (a
 * git checkout or a linked package changes without a new version number),
 * and the time-zone data that placed its dates.
 */
function codeId(): string {
  const hash = createHash('sha1').update(`${VERSION}\0${process.versions.tz ?? ''}\0`);
  // The whole of the code: the folder above this one (src/ or dist/).
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  for (const file of codeFiles(root, '').sort()) hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

/** The code's files under `dir`, named from the root with "/": walked by hand, which took a tenth of the time readdir's `recursive` took. */
function codeFiles(dir: string, prefix: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...codeFiles(join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (/\.(?:js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(prefix + entry.name);
  }
  return found;
}

export const CODE_ID = codeId();

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { isLanguageTag } from '../vocabulary/values.js';
import { ENCODINGS } from '../write/precompress.js';

/**
 * The files an earlier build wrote for its feed set that this build does
 * not write (docs/feed-set.md): the feeds of a tag no record has any more,
 * archive pages of a feed that has fewer now. Only files named as the feeds
 * are (and their compressed copies), in the folders the set's patterns make:
 * `archive/<k>/` under each head, and each facet's folders, found under the
 * pattern's fixed start (`tags/`), or for a pattern that starts with its
 * value, folders named as language tags. Nothing else in the output folder
 * is touched.
 */
export async function staleSetFiles(outDir: string, config: Config, heads: readonly string[], planned: ReadonlySet<string>): Promise<string[]> {
  if (config.facets === undefined && config.archive === undefined) return [];
  const names = Object.values(config.files).flatMap((name) => [name, ...Object.values(ENCODINGS).map(({ suffix }) => name + suffix)]);
  const list = async (folder: string) => (await readdir(join(outDir, folder), { withFileTypes: true }).catch(() => [])).filter((e) => !e.name.startsWith('.'));
  const folders = new Set(heads);
  for (const [kind, pattern] of Object.entries(config.facets ?? {})) {
    const at = pattern.indexOf('{');
    const start = pattern.slice(0, at);
    const rest = pattern.slice(pattern.indexOf('}') + 1);
    if (start === '' && kind !== 'language') continue;
    for (const entry of await list(start)) {
      if (entry.isDirectory() && (start !== '' || isLanguageTag(entry.name))) folders.add(start + entry.name + rest);
    }
  }
  const stale: string[] = [];
  const collect = async (folder: string) => {
    for (const entry of await list(folder)) if (entry.isFile() && names.includes(entry.name) && !planned.has(folder + entry.name)) stale.push(folder + entry.name);
  };
  for (const folder of folders) {
    if (!heads.includes(folder)) await collect(folder);
    for (const page of await list(`${folder}archive/`)) if (page.isDirectory() && /^[1-9]\d*$/.test(page.name)) await collect(`${folder}archive/${page.name}/`);
  }
  return stale.sort();
}

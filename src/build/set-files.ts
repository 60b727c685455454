import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { ENCODINGS } from '../write/precompress.js';

/**
 * The files an earlier build wrote for its feed set that this build does
 * not write (docs/feed-set.md): the feeds of a tag no record has any more,
 * archive pages of a feed that has fewer now. A candidate is a file named as
 * the feeds are, in `archive/<k>/` under a head (with `archive` configured)
 * or in a folder under a facet pattern's fixed start (`tags/`); it is taken
 * as feedwright's only when it names itself by the URL the build would give
 * it (its self link, or JSON Feed's `feed_url`), and its compressed copies
 * go with it. A pattern with no fixed start (`{value}/`) is not searched:
 * nothing else in the output folder is touched.
 */
export async function staleSetFiles(outDir: string, config: Config, heads: readonly string[], planned: ReadonlySet<string>): Promise<string[]> {
  if (config.facets === undefined && config.archive === undefined) return [];
  const feedNames = Object.values(config.files);
  const list = async (folder: string) => (await readdir(join(outDir, folder), { withFileTypes: true }).catch(() => [])).filter((e) => !e.name.startsWith('.'));
  const folders = new Set(heads);
  for (const pattern of Object.values(config.facets ?? {})) {
    const start = pattern.slice(0, pattern.indexOf('{'));
    if (start === '') continue;
    const rest = pattern.slice(pattern.indexOf('}') + 1);
    for (const entry of await list(start)) if (entry.isDirectory()) folders.add(start + entry.name + rest);
  }
  const stale: string[] = [];
  const collect = async (folder: string) => {
    const entries = await list(folder);
    const present = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    for (const name of feedNames) {
      const path = folder + name;
      if (!present.has(name) || planned.has(path) || !(await namesItself(join(outDir, path), config.feedUrl + path))) continue;
      stale.push(path);
      for (const { suffix } of Object.values(ENCODINGS)) if (present.has(name + suffix) && !planned.has(path + suffix)) stale.push(path + suffix);
    }
  };
  for (const folder of folders) {
    if (!heads.includes(folder)) await collect(folder);
    if (config.archive === undefined) continue;
    for (const page of await list(`${folder}archive/`)) if (page.isDirectory() && /^[1-9]\d*$/.test(page.name)) await collect(`${folder}archive/${page.name}/`);
  }
  return stale.sort();
}

/** Whether a feed file gives `url` as its own (RSS and Atom self link, JSON Feed feed_url): one feedwright wrote there. */
async function namesItself(path: string, url: string): Promise<boolean> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const head = text.slice(0, 4096);
  const escaped = url.replace(/&/g, '&amp;');
  return head.includes(`href="${escaped}" rel="self"`) || head.includes(`rel="self" type="application/atom+xml" href="${escaped}"`) || head.includes(`"feed_url": ${JSON.stringify(url)}`);
}

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DateTime } from 'luxon';
import type { Entry, Feed } from '../src/vocabulary/types.js';
import { run } from '../src/cli/run.js';
import { tempDir } from './temp.js';

export const BASE_CONFIG = {
  title: 'Test Wire',
  description: 'Articles written for the tests.',
  siteUrl: 'https://wire.example.org',
  author: { name: 'Wire Desk', email: 'desk@wire.example.org' },
};

/** A fresh project folder: feedwright.config.json plus the given files (paths relative to it). */
export async function makeProject(files: Readonly<Record<string, string | Uint8Array>>, config: object = BASE_CONFIG): Promise<string> {
  const dir = await tempDir('feedwright-test-');
  await writeFile(join(dir, 'feedwright.config.json'), JSON.stringify(config, null, 2));
  await mkdir(join(dir, 'articles'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** Runs the CLI in-process, capturing what it prints. */
export async function cli(argv: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, now: () => 0 });
  return { code, stdout, stderr };
}

/** A plain-text article in the plain-text format (docs/records.md). */
export function article(options: { dateline?: string; title?: string; updated?: string; front?: string; body?: string[]; rights?: string } = {}): string {
  const parts: string[] = [];
  if (options.front !== undefined) parts.push(`---\n${options.front}\n---`);
  parts.push(options.dateline ?? '2024.05.16 11:55 GMT+8');
  parts.push(options.title ?? 'Harbor cranes return to work after the storm');
  if (options.updated !== undefined) parts.push(`Updated ${options.updated}`);
  parts.push(...(options.body ?? ['Dock workers restarted the cranes on Thursday morning.', 'The port expects a full schedule by the weekend.']));
  if (options.rights !== undefined) parts.push(options.rights);
  return parts.join('\n\n') + '\n';
}


/** A feed model built fresh for each test; `entries` override the two default items. */
export function makeFeed(entries?: Partial<Entry>[], extra: Partial<Feed> = {}): Feed {
  const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
  const base = (i: number): Entry => ({
    source: { file: `articles/item-${i}.txt`, line: 1 },
    slug: `item-${i}`,
    id: `tag:wire.example.org,2024-05-1${i}:item-${i}`,
    title: `Item ${i}`,
    link: `https://wire.example.org/articles/item-${i}/`,
    published: at(`2024-05-1${i}T11:55:00+08:00`),
    updated: at(`2024-05-1${i}T12:30:00+08:00`),
    summary: `Summary ${i}.`,
    contentHtml: `<p>Body ${i}.</p>`,
    authors: [{ name: 'Wire Desk', email: 'desk@wire.example.org' }],
    tags: [],
    attachments: [],
    captions: [],
  });
  const items = (entries ?? [{}, {}]).map((e, i) => ({ ...base(entries ? i + 1 : 2 - i), ...e }));
  return {
    title: 'Test Wire',
    description: 'Articles written for the tests.',
    homePageUrl: 'https://wire.example.org',
    feedUrls: { rss: 'https://wire.example.org/feed.xml', atom: 'https://wire.example.org/atom.xml', json: 'https://wire.example.org/feed.json' },
    language: 'en',
    authors: [{ name: 'Wire Desk', email: 'desk@wire.example.org' }],
    updated: items.reduce((a, e) => (e.updated > a ? e.updated : a), items[0]!.updated),
    published: items.reduce((a, e) => (e.published > a ? e.published : a), items[0]!.published),
    entries: items,
    ...extra,
  };
}

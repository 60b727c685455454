import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Feed } from 'feed';

/**
 * The npm feed package (6.0.0) doing the same job the way its README shows:
 * node build/bench/bench/feed-baseline.js ITEMS_JSON [render-only]
 * ITEMS_JSON holds the records as JSON (written by the bench from the same
 * corpus). Loads them, renders RSS, Atom and JSON Feed, writes the three
 * files; prints one JSON line with its timings.
 */
interface Item {
  readonly title: string;
  readonly id: string;
  readonly link: string;
  readonly published: string;
  readonly updated: string;
  readonly summary?: string;
  readonly content: string;
  readonly author: string;
}
const [itemsFile] = process.argv.slice(2);
const timings: Record<string, number> = {};
const time = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T> => {
  const start = performance.now();
  const value = await fn();
  timings[stage] = performance.now() - start;
  return value;
};

const items = await time('load', async () => JSON.parse(await readFile(itemsFile!, 'utf8')) as Item[]);
const feed = new Feed({ title: 'Bench', id: 'https://bench.example.org/', link: 'https://bench.example.org/', copyright: '', feedLinks: { atom: 'https://bench.example.org/atom.xml', json: 'https://bench.example.org/feed.json' }, updated: new Date(items[0]!.updated) });
for (const item of items) {
  feed.addItem({ title: item.title, id: item.id, link: item.link, date: new Date(item.updated), published: new Date(item.published), description: item.summary, content: item.content, author: [{ name: item.author }] });
}
const documents = await time('render', () => [feed.rss2(), feed.atom1(), feed.json1()]);
const out = await mkdtemp(join(tmpdir(), 'feedwright-bench-feed-'));
await time('write', () => Promise.all(documents.map((text, i) => writeFile(join(out, `feed-${i}`), text))));
await rm(out, { recursive: true, force: true });
console.log(JSON.stringify({ items: items.length, ...timings, maxRssMB: process.resourceUsage().maxRSS / 1024 }));

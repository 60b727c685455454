import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * A deterministic synthetic corpus of article records in the project's three
 * formats: the same seed gives the same files, byte for byte (no Math.random).
 */

/** mulberry32: a small, well-known seeded generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'harbor', 'council', 'river', 'ferry', 'market', 'library', 'bridge', 'station', 'forecast', 'survey',
  'café', 'naïve', 'São Paulo', 'Zürich', 'Kraków', 'Łódź', 'Ōsaka', 'Reykjavík', 'Düsseldorf', 'Māori',
  'tide', 'quota', 'season', 'timetable', 'archive', 'observatory', 'trail', 'volunteers', 'budget', 'storm',
];
const TITLE_MARKS = [' & ', ' < ', ' > ', ' "', '" ', ' R&D ', ' <3 '];
// Offsets the corpus spreads its dates over, as newsrooms write them.
const OFFSETS = ['GMT+8', 'GMT+05:30', 'GMT+05:45', 'GMT-3', 'GMT', 'GMT+9', 'GMT-02:30', 'GMT+12', 'GMT-09:30', 'GMT+1'];

export interface CorpusOptions {
  readonly count: number;
  readonly seed?: number;
  /** About this many bytes of body per record. */
  readonly bodyBytes?: number;
  /** How many records a JSON file holds (default 10). */
  readonly perJsonFile?: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The corpus's text: seeded sentences, bodies, titles and datelines. */
function writer(options: CorpusOptions) {
  const rand = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(rand() * 10) }, () => pick(WORDS));
    const s = words.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(rand() * 3) }, sentence).join(' ');
  const body = () => {
    const paragraphs: string[] = [];
    let size = 0;
    while (size < (options.bodyBytes ?? 2000)) {
      const p = paragraph();
      paragraphs.push(p);
      size += p.length + 2;
    }
    return paragraphs;
  };
  const title = (i: number) => `${sentence().slice(0, -1)}${pick(TITLE_MARKS)}${pick(WORDS)} ${i}`;
  // Spread over about eight years, a minute apart at least, in many offsets.
  const day = (i: number) => new Date(Date.UTC(2018, 0, 1) + Math.floor((i * 8 * 365 * 86400000) / Math.max(options.count, 1)));
  const stamp = (day: Date) => `${day.getUTCFullYear()}.${pad(day.getUTCMonth() + 1)}.${pad(day.getUTCDate())} ${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))} ${pick(OFFSETS)}`;
  return { rand, pick, body, title, day, stamp };
}

/** A record as JSON: as a CMS exports it. */
const jsonRecord = (w: ReturnType<typeof writer>, i: number, stamp: string) => ({
  title: w.title(i),
  slug: `item-${i}`,
  published: stamp,
  tags: [w.pick(WORDS)],
  content_html: w.body().map((p) => `<p>${p.replace(/&/g, '&amp;')}</p>`).join('\n'),
});

/**
 * Writes `count` records as one JSON file, an array, as a CMS exports them:
 * with bodies of 2,800 bytes, 100,000 records make some 300 MB.
 */
export async function writeExport(path: string, options: CorpusOptions): Promise<void> {
  const w = writer(options);
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? undefined : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('[\n');
  for (let i = 0; i < options.count; i++) await write(JSON.stringify(jsonRecord(w, i, w.stamp(w.day(i))), null, 2) + (i + 1 < options.count ? ',\n' : '\n'));
  await new Promise<void>((resolve) => out.end(']\n', resolve));
}

/** Writes `count` records under `dir`: about 40% plain text, 30% Markdown, 30% JSON (in files of ten, or `perJsonFile`). */
export async function writeCorpus(dir: string, options: CorpusOptions): Promise<void> {
  const w = writer(options);
  const { rand, pick, body, title } = w;

  await mkdir(dir, { recursive: true });
  const folders = new Map<string, Promise<unknown>>();
  const writes: Promise<void>[] = [];
  const put = async (path: string, text: string) => {
    const folder = join(dir, path.slice(0, path.lastIndexOf('/')));
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    await folders.get(folder);
    await writeFile(join(dir, path), text);
  };
  let json: object[] = [];
  for (let i = 0; i < options.count; i++) {
    const day = w.day(i);
    const stamp = w.stamp(day);
    const folder = `${day.getUTCFullYear()}/${pad(day.getUTCMonth() + 1)}`;
    const kind = rand();
    if (kind < 0.4) {
      writes.push(put(`${folder}/wire-${i}.txt`, [stamp, title(i), ...body()].join('\n\n') + '\n'));
    } else if (kind < 0.7) {
      const front = [`title: ${JSON.stringify(title(i))}`, `published: ${JSON.stringify(stamp)}`, `tags: [${pick(WORDS)}, ${pick(WORDS)}]`];
      const md = body().map((p, n) => (n === 1 ? `Read the [earlier report](../wire-${i - 1}/) and *more*: ${p}` : p));
      writes.push(put(`${folder}/post-${i}.md`, `---\n${front.join('\n')}\n---\n${md.join('\n\n')}\n`));
    } else {
      json.push(jsonRecord(w, i, stamp));
      if (json.length === (options.perJsonFile ?? 10)) {
        writes.push(put(`${folder}/items-${i}.json`, JSON.stringify(json, null, 2) + '\n'));
        json = [];
      }
    }
    if (writes.length >= 256) await Promise.all(writes.splice(0));
  }
  if (json.length > 0) writes.push(put(`rest/items-last.json`, JSON.stringify(json, null, 2) + '\n'));
  await Promise.all(writes);
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fastXmlParser } from '../src/check/check.js';
import { startProof } from '../src/check/prove.js';
import type { FeedFormat } from '../src/vocabulary/types.js';
import { renderPieces } from '../src/render/feeds.js';
import { readRecords } from '../src/build/files.js';
import { loadConfig } from '../src/config/load.js';
import { normalize } from '../src/core/feeds.js';
import { publish } from '../src/write/publish.js';

/**
 * One measured run of the pipeline, stage by stage, in this process:
 * node build/bench/bench/stages.js PROJECT_DIR. Prints one JSON line.
 */
const [project, exportFile] = process.argv.slice(2);
const timings: Record<string, number> = {};
// Run with --expose-gc: each stage starts on a collected heap, so that it is not charged for the garbage of the one before.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
const time = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T> => {
  collect();
  const start = performance.now();
  const value = await fn();
  timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
  return value;
};

// The proof loads fast-xml-parser when it first needs it; it is loaded here, before any stage is
// timed, as the bare parse's own import above is.
fastXmlParser();

const { config } = await loadConfig(join(project!, 'feedwright.config.json'));
const { records } = await time('load', () => readRecords(join(project!, 'articles'), config!.timezone ? { timezone: config!.timezone } : {}));
const { feed } = await time('normalize', () => normalize(records, config!, { utc: false, articlesDir: 'articles', now: Date.UTC(2030, 0, 1) }));
// As a build renders and proves: a piece at a time (head, each item, tail). The stages are timed
// apart, so each format's pieces are kept from its render to its proof.
const rendered: { format: FeedFormat; file: string; head: string; items: string[]; tail: string; text: string }[] = [];
for (const format of ['rss', 'atom', 'json'] as const) {
  const { head, items, tail } = await time(`render ${format}`, () => {
    const pieces = renderPieces(feed!, format);
    return { head: pieces.head, items: feed!.entries.map((entry, index) => pieces.item(entry, index)), tail: pieces.tail };
  });
  // The proof and the bare parse read the same text. A string made by + or a template is kept
  // by V8 as a tree of its parts until something reads it, which then copies it into one: the
  // document the bare parse reads is joined before its timing starts, so the pieces the proof
  // reads are cut from that document, and neither is timed copying the renderer's output.
  const text = [head, ...items, tail].join('');
  let at = head.length;
  const cut = items.map((item) => text.slice(at, (at += item.length)));
  rendered.push({ format, file: join('out', config!.files[format]), head, items: cut, tail, text });
}
let problems = 0;
for (const doc of rendered) {
  problems += (
    await time('proof', () => {
      const proof = startProof(feed!, doc, { now: Date.UTC(2030, 0, 1) });
      for (const item of doc.items) proof.item(item);
      return proof.finish();
    })
  ).length;
}
if (problems > 0) throw new Error(`the proof found ${problems} problems`);

// The baseline the proof is held against: a bare parse of the same documents, whole.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });
for (const doc of rendered) await time('bare parse', () => (doc.format === 'json' ? JSON.parse(doc.text) : parser.parse(doc.text)));

const out = await mkdtemp(join(tmpdir(), 'feedwright-bench-out-'));
await time('write', () => publish(out, rendered.map((d) => ({ name: config!.files[d.format], text: d.text }))));
await rm(out, { recursive: true, force: true });

if (exportFile) {
  // The same items as JSON, for the feed@6.0.0 baseline to load.
  const items = feed!.entries.map((e) => ({ title: e.title, id: e.id, link: e.link, published: e.published.toISO(), updated: e.updated.toISO(), summary: e.summary, content: e.contentHtml, author: e.authors[0]?.name ?? '' }));
  await writeFile(exportFile, JSON.stringify(items));
}
console.log(JSON.stringify({ items: feed!.entries.length, records: records.length, ...timings, maxRssMB: process.resourceUsage().maxRSS / 1024 }));

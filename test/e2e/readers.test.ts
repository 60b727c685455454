import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extract } from '@extractus/feed-extractor';
import { parseFeed } from '@rowanmanning/feed-parser';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveView } from '../../src/check/chain.js';
import { rfc3339, rfc822 } from '../../src/dates/index.js';
import type { Feed } from '../../src/vocabulary/types.js';
import { expectedItems, makeSite, PROJECT, startServer } from './harness.js';

/** Debian's python3, where the python3-feedparser package installs feedparser. */
const PYTHON = process.env.FEEDWRIGHT_PYTHON ?? '/usr/bin/python3';

/** Reads a feed over HTTP with feedparser, twice (the second time with the ETag), and prints what it saw as JSON. */
const FEEDPARSER = `
import calendar, json, sys
import feedparser

url = sys.argv[1]
d = feedparser.parse(url)
again = feedparser.parse(url, etag=d.get('etag'))
instant = lambda t: calendar.timegm(t) if t else None
print(json.dumps({
    'bozo': bool(d.bozo),
    'exception': repr(d.get('bozo_exception')),
    'version': d.version,
    'status': d.get('status'),
    'contentType': d.headers.get('content-type'),
    'contentEncoding': d.headers.get('content-encoding'),
    'title': d.feed.get('title'),
    'again': again.get('status'),
    'entries': [{
        'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'),
        'published': e.get('published'), 'updated': e.get('updated'),
        'publishedAt': instant(e.get('published_parsed')), 'updatedAt': instant(e.get('updated_parsed')),
    } for e in d.entries],
}))
`;

/** Each entry's link, Media RSS content and credit, and summary, as feedparser reads them. */
const MEDIA = `
import json, sys
import feedparser
d = feedparser.parse(sys.argv[1])
print(json.dumps([{'link': e.get('link'), 'media': e.get('media_content'), 'credit': e.get('media_credit'), 'summary': e.get('summary'), 'caption': e.get('summary_detail', {}).get('value')} for e in d.entries]))
`;

interface FeedparserView {
  readonly bozo: boolean;
  readonly exception: string;
  readonly version: string;
  readonly status: number;
  readonly contentType: string;
  readonly contentEncoding?: string;
  readonly title: string;
  readonly again: number;
  readonly entries: readonly { id: string; title: string; link: string; published: string; updated: string; publishedAt: number; updatedAt: number }[];
}

async function feedparser(url: string): Promise<FeedparserView> {
  const { stdout } = await promisify(execFile)(PYTHON, ['-c', FEEDPARSER, url], { timeout: 30_000 });
  return JSON.parse(stdout) as FeedparserView;
}

const at = (text: unknown) => Date.parse(String(text));

describe.each([
  { utc: false, label: 'with each date in the offset its author wrote' },
  { utc: true, label: 'built with --utc' },
])('real feed readers over HTTP from feedwright serve, feeds $label', ({ utc }) => {
  let feed: Feed;
  let dir: string;
  let server: Awaited<ReturnType<typeof startServer>>;
  let want: ReturnType<typeof expectedItems>;

  beforeAll(async () => {
    const site = await makeSite({ utc });
    feed = site.feed;
    dir = site.dir;
    want = expectedItems(feed);
    server = await startServer(site.dir);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('writes the dates in the offsets the build asked for', () => {
    const offsets = new Set(feed.entries.map((e) => e.published.offset));
    if (utc) expect([...offsets]).toEqual([0]);
    else expect(offsets.size).toBeGreaterThan(1);
  });

  it.each(['rss', 'atom'] as const)("Python's feedparser reads the %s feed with no bozo, every item's title, link, id and exact instants, and gets a 304 with the ETag", async (format) => {
    const seen = await feedparser(server.url + feed.feedUrls[format].split('/').pop()!);
    expect(seen.bozo, seen.exception).toBe(false);
    expect(seen.version).toBe(format === 'rss' ? 'rss20' : 'atom10');
    expect(seen.status).toBe(200);
    expect(seen.contentType).toBe(format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8');
    expect(seen.contentEncoding).toBe('gzip');
    expect(seen.title).toBe(feed.title);
    expect(seen.again).toBe(304);
    expect(seen.entries.map((e) => ({ id: e.id, title: e.title, link: e.link, published: e.publishedAt * 1000, updated: e.updatedAt * 1000 }))).toEqual(want);
    // The dates as written, offsets included, reach the reader unchanged.
    expect(seen.entries.map((e) => e.published)).toEqual(feed.entries.map((e) => (format === 'rss' ? rfc822(e.published) : rfc3339(e.published))));
    expect(seen.entries.map((e) => e.updated)).toEqual(feed.entries.map((e) => rfc3339(e.updated)));
  });

  it('rss-parser reads the RSS and Atom feeds: every title, link, id and exact instant', async () => {
    const parser = new Parser<Record<string, unknown>, Record<string, string>>({ customFields: { item: ['atom:updated', 'updated'] } });
    const rss = await parser.parseURL(`${server.url}feed.xml`);
    expect(rss.title).toBe(feed.title);
    expect(rss.items.map((i) => ({ id: i.guid, title: i.title, link: i.link, published: at(i.isoDate), updated: at(i['atom:updated']) }))).toEqual(want);
    expect(rss.items.map((i) => i.pubDate)).toEqual(feed.entries.map((e) => rfc822(e.published)));

    const atom = await parser.parseURL(`${server.url}atom.xml`);
    expect(atom.title).toBe(feed.title);
    expect(atom.items.map((i) => ({ id: i.id, title: i.title, link: i.link, published: at(i.isoDate), updated: at(i.updated) }))).toEqual(want);
  });

  it('@rowanmanning/feed-parser reads the RSS and Atom feeds fetched over HTTP: every title, link, id and exact instant', async () => {
    const rss = parseFeed(await (await fetch(`${server.url}feed.xml`)).text());
    expect(rss.title).toBe(feed.title);
    // This parser reads an RSS item's pubDate only (not atom:updated), so an RSS item has no update date of its own here.
    expect(rss.items.map((i) => ({ id: i.id, title: i.title, link: i.url, published: i.published?.getTime() }))).toEqual(want.map(({ updated: _, ...rest }) => rest));

    const atom = parseFeed(await (await fetch(`${server.url}atom.xml`)).text());
    expect(atom.title).toBe(feed.title);
    expect(atom.items.map((i) => ({ id: i.id, title: i.title, link: i.url, published: i.published?.getTime(), updated: i.updated?.getTime() }))).toEqual(want);
  });

  it('@extractus/feed-extractor reads all three feeds, brotli-compressed: every title, link, id and exact instant', async () => {
    const raw = (fields: readonly string[]) => ({ descriptionMaxLen: 0, getExtraEntryFields: (entry: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [`raw_${f.replace(':', '_')}`, entry[f]])) });
    const [rss, atom, json] = await Promise.all([
      extract(`${server.url}feed.xml`, raw(['atom:updated'])),
      extract(`${server.url}atom.xml`, raw(['published', 'updated'])),
      extract(`${server.url}feed.json`, raw(['date_published', 'date_modified'])),
    ]);
    type Entry = { id: string; title: string; link: string; published: string } & Record<string, unknown>;
    const entries = (data: { entries?: unknown[] }) => (data.entries ?? []) as Entry[];
    expect([rss.title, atom.title, json.title]).toEqual([feed.title, feed.title, feed.title]);
    expect(entries(rss).map((e) => ({ id: e.id, title: e.title, link: e.link, published: at(e.published), updated: at(e.raw_atom_updated) }))).toEqual(want);
    // For an Atom entry this reader reports the last update as "published"; the entry's own published date is read raw.
    expect(entries(atom).map((e) => ({ id: e.id, title: e.title, link: e.link, published: at(e.published), updated: at(e.raw_updated) }))).toEqual(want.map((w) => ({ ...w, published: w.updated })));
    expect(entries(atom).map((e) => at(e.raw_published))).toEqual(want.map((w) => w.published));
    expect(entries(json).map((e) => ({ id: e.id, title: e.title, link: e.link, published: at(e.published), updated: at(e.raw_date_modified) }))).toEqual(want);
    expect(entries(json).map((e) => e.raw_date_published)).toEqual(feed.entries.map((e) => rfc3339(e.published)));
  });

  it.each([
    ['tags/harbor/feed.xml', 'rss20'],
    ['authors/dispatch-desk/atom.xml', 'atom10'],
    ['archive/1/atom.xml', 'atom10'],
    ['tags/harbor/archive/1/feed.xml', 'rss20'],
  ])("Python's feedparser reads the facet feed or archive page %s over HTTP with no bozo, every item's id", async (path, version) => {
    const seen = await feedparser(server.url + path);
    expect(seen.bozo, seen.exception).toBe(false);
    expect(seen.version).toBe(version);
    const view = archiveView(await readFile(join(dir, 'output', path), 'utf8'))!;
    expect(view.ids.length).toBeGreaterThan(0);
    expect(seen.entries.map((e) => e.id)).toEqual(view.ids);
  });

  it("Python's feedparser reads a wire photo's URL, caption and credit over HTTP", async () => {
    const path = ['1', '2', '3'].map((k) => `archive/${k}/feed.xml`).find((p) => readFileSync(join(dir, 'output', p), 'utf8').includes('monsoon-boats.jpg'))!;
    const { stdout } = await promisify(execFile)(PYTHON, ['-c', MEDIA, server.url + path], { timeout: 30_000 });
    const photo = (JSON.parse(stdout) as { link: string; media: { url: string; medium: string }[]; credit: { content: string }[]; summary: string; caption: string }[]).find((e) => e.link.includes('monsoon'))!;
    expect(photo.media).toEqual([expect.objectContaining({ url: 'https://dispatch.example.com/media/monsoon-boats.jpg', medium: 'image' })]);
    expect(photo.credit).toEqual([expect.objectContaining({ content: 'Dispatch Photo' })]);
    // The item's summary stays its description; feedparser gives media:description in summary_detail (docs/formats.md, "Photos").
    expect(photo.summary).toMatch(/^The regional weather office said on Wednesday/);
    expect(photo.caption).toBe("Fishing boats wait at anchor off the western coast ahead of the season's first storms, April 2, 2025.");
  });

  it('@extractus/feed-extractor reads an archive page and a facet feed in JSON Feed over HTTP, every item\'s id', async () => {
    for (const path of ['archive/2/feed.json', 'tags/harbor/feed.json']) {
      const data = await extract(server.url + path);
      const view = archiveView(await readFile(join(dir, 'output', path), 'utf8'))!;
      expect((data.entries ?? []).map((e) => e.id), path).toEqual(view.ids);
    }
    const page = await fetch(`${server.url}archive/2/feed.json`);
    expect(page.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers a second request for each feed, in each encoding, with 304 Not Modified when it sends the ETag', async () => {
    for (const name of ['feed.xml', 'atom.xml', 'feed.json']) {
      for (const encoding of ['identity', 'gzip', 'br']) {
        const first = await fetch(server.url + name, { headers: { 'Accept-Encoding': encoding } });
        await first.arrayBuffer();
        expect(first.status, `${name} ${encoding}`).toBe(200);
        const etag = first.headers.get('etag')!;
        const again = await fetch(server.url + name, { headers: { 'Accept-Encoding': encoding, 'If-None-Match': etag } });
        expect(again.status, `${name} ${encoding}`).toBe(304);
        expect(again.headers.get('etag')).toBe(etag);
      }
    }
  });
});

describe("the podcast example, read by Python's feedparser", () => {
  it("gives each episode's duration, number and enclosure, and the show's artwork and categories", async () => {
    const script = `
import json, sys
import feedparser
d = feedparser.parse(sys.argv[1])
print(json.dumps({'bozo': bool(d.bozo), 'image': d.feed.get('image', {}).get('href'), 'categories': [t['term'] for t in d.feed.get('tags', [])],
  'episodes': [{'duration': e.get('itunes_duration'), 'episode': e.get('itunes_episode'), 'enclosures': [[x.get('href'), x.get('length'), x.get('type')] for x in e.get('enclosures', [])]} for e in d.entries]}))
`;
    const { stdout } = await promisify(execFile)(PYTHON, ['-c', script, join(PROJECT, 'examples', 'podcast', 'output', 'feed.xml')], { timeout: 30_000 });
    const seen = JSON.parse(stdout) as { bozo: boolean; image: string; categories: string[]; episodes: { duration: string; episode: string; enclosures: string[][] }[] };
    expect(seen.bozo).toBe(false);
    expect(seen.image).toBe('https://dispatch.example.com/media/audio/show-3000.jpg');
    expect(seen.categories).toEqual(['News', 'Daily News', 'Science', 'Earth Sciences']);
    expect(seen.episodes.map((e) => [e.episode, e.duration])).toEqual([['3', '365'], ['2', '1110'], ['1', '872']]);
    expect(seen.episodes[1]!.enclosures).toEqual([['https://dispatch.example.com/media/audio/s1e2-tide-gauge.mp3', '17760000', 'audio/mpeg']]);
  });
});

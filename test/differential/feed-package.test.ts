import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Feed as FeedPackage } from 'feed';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/build/build.js';
import { check } from '../../src/check/check.js';
import { readBack } from '../../src/check/prove.js';
import { parseDate } from '../../src/dates/parse.js';
import type { Entry, Feed, FeedFormat } from '../../src/vocabulary/types.js';
import { article, makeProject } from '../helpers.js';

/**
 * The npm `feed` package (6.0.0) is where most users start. For the same
 * items, feedwright carries every fact `feed` carries, and each defect
 * measured in `feed` is a test that feedwright passes and `feed` fails.
 */

const ARTICLES = {
  'articles/shanghai.txt': article({ dateline: '2024.05.16 11:55 GMT+8', title: 'Port opens second terminal', updated: '2024.05.17 09:45 GMT+8' }),
  'articles/kathmandu.txt': article({ dateline: '2024.05.14 07:45 GMT+05:45', title: 'Trail reopens after repairs', body: ['Walkers returned on Tuesday.', 'Bridges were rebuilt.'] }),
  'articles/recife.txt': article({ dateline: '2024.05.12 22:10 GMT-3', title: 'Observatory opens its roof', body: ['Visitors climbed the hill.'] }),
};

async function ours(files: Record<string, string> = ARTICLES) {
  const dir = await makeProject(files);
  const result = await build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const read = async (name: string) => readFile(join(dir, 'output', name), 'utf8');
  return { feed: result.feed!, rss: await read('feed.xml'), atom: await read('atom.xml'), json: await read('feed.json') };
}

/** The same feed, made with the `feed` package the way its README shows. */
function theirs(feed: Feed, tweak?: (item: Parameters<FeedPackage['addItem']>[0], entry: Entry) => void): FeedPackage {
  const out = new FeedPackage({
    title: feed.title,
    description: feed.description,
    id: feed.homePageUrl,
    link: feed.homePageUrl,
    language: feed.language,
    copyright: feed.rights ?? '',
    feedLinks: { json: feed.feedUrls.json, atom: feed.feedUrls.atom, rss: feed.feedUrls.rss },
    author: feed.authors[0],
  });
  for (const entry of feed.entries) {
    const item = {
      title: entry.title,
      id: entry.id,
      link: entry.link,
      date: entry.updated.toJSDate(),
      published: entry.published.toJSDate(),
      description: entry.summary,
      content: entry.contentHtml,
      author: entry.authors.map((a) => ({ ...a })),
      category: entry.tags.map((t) => ({ name: t, term: t })),
    };
    tweak?.(item, entry);
    out.addItem(item);
  }
  return out;
}

const view = (format: FeedFormat, text: string) => {
  const { view, error } = readBack(format, text);
  if (!view) throw new Error(error?.message);
  return view;
};
const instant = (text: string | undefined) => {
  const d = parseDate(text ?? '');
  return d.ok ? d.value.toMillis() : NaN;
};
/** Well-formed XML 1.0: fast-xml-parser's validator, the scan that finds what it lets through, and the characters XML forbids. */
const NOT_XML = new Set(['feed/well-formed', 'feed/forbidden-character']);
const wellFormed = (xml: string) => !check(xml, { file: '' }).diagnostics.some((d) => NOT_XML.has(d.ruleId));

afterEach(() => {
  vi.useRealTimers();
});

describe('feedwright against feed@6.0.0', () => {
  it.each([
    ['rss', 'rss2'],
    ['atom', 'atom1'],
    ['json', 'json1'],
  ] as const)('carries in %s every fact that feed carries: titles, links, ids, instants, content', async (format, method) => {
    const mine = await ours();
    const theirView = view(format, theirs(mine.feed)[method]());
    const myView = view(format, mine[format]);
    expect(theirView.items.length).toBe(3);
    for (const theirItem of theirView.items) {
      const myItem = myView.items.find((i) => i.id === theirItem.id);
      expect(myItem, `item ${theirItem.id}`).toBeDefined();
      expect(myItem!.title).toBe(theirItem.title);
      expect(myItem!.link).toBe(theirItem.link);
      expect(myItem!.content).toBe(theirItem.content);
      if (theirItem.published !== undefined) expect(instant(myItem!.published)).toBe(instant(theirItem.published));
      if (theirItem.updated !== undefined) expect(instant(myItem!.updated)).toBe(instant(theirItem.updated));
    }
  });

  it.each([
    ['rss', 'rss2'],
    ['atom', 'atom1'],
    ['json', 'json1'],
  ] as const)('carries in %s every fact that feed carries for Markdown-sourced items too', async (format, method) => {
    const markdown = (title: string, published: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\npublished: ${published}\ntags: [notes]\n---\n${body}\n`;
    const mine = await ours({
      'articles/one.md': markdown('Tide tables & *you*', '2024-05-16T11:55:00+08:00', 'A [relative link](next/) and an ![image](/i.png).'),
      'articles/two.md': markdown('Second <note>', '2024-05-18 06:00 Europe/Lisbon', '## Heading\n\n- one\n- two'),
    });
    const theirItems = view(format, theirs(mine.feed)[method]()).items;
    const myItems = view(format, mine[format]).items;
    expect(myItems.map((i) => i.id)).toEqual(theirItems.map((i) => i.id));
    for (const [n, theirItem] of theirItems.entries()) {
      const myItem = myItems[n]!;
      expect([myItem.title, myItem.link, myItem.content]).toEqual([theirItem.title, theirItem.link, theirItem.content]);
      expect(instant(myItem.published ?? myItem.updated)).toBe(instant(theirItem.published ?? theirItem.updated));
    }
  });

  it('writes RSS author only as an email address; feed writes a bare name (InvalidContact)', async () => {
    const mine = await ours({ 'articles/a.txt': article({ front: 'author: Bare Name' }) });
    expect(mine.rss).not.toMatch(/<author>[^<@]*<\/author>/);
    expect(mine.rss).toContain('<dc:creator>Bare Name</dc:creator>');
    expect(theirs(mine.feed).rss2()).toContain('<author>Bare Name</author>');
  });

  it('writes JSON Feed 1.1 with authors; feed writes 1.0 with author', async () => {
    const mine = await ours();
    const json = JSON.parse(mine.json);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0].authors).toEqual([{ name: 'Wire Desk', url: 'mailto:desk@wire.example.org' }]);
    const their = JSON.parse(theirs(mine.feed).json1());
    expect(their.version).toBe('https://jsonfeed.org/version/1');
    expect(their.items[0].authors).toBeUndefined();
    expect(their.items[0].author).toBeDefined();
  });

  it('keeps the offset the author wrote; feed forces every date to UTC', async () => {
    const mine = await ours();
    expect(mine.rss).toContain('<pubDate>Thu, 16 May 2024 11:55:00 +0800</pubDate>');
    expect(mine.atom).toContain('<published>2024-05-14T07:45:00+05:45</published>');
    expect(JSON.parse(mine.json).items[2].date_published).toBe('2024-05-12T22:10:00-03:00');
    const their = theirs(mine.feed);
    expect(their.rss2()).toContain('<pubDate>Thu, 16 May 2024 03:55:00 GMT</pubDate>');
    expect(their.atom1()).not.toContain('+05:45');
    expect(their.json1()).not.toContain('-03:00');
  });

  it('takes lastBuildDate and Atom updated from the items; feed takes them from the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
    const mine = await ours();
    expect(mine.rss).toContain('<lastBuildDate>Fri, 17 May 2024 09:45:00 +0800</lastBuildDate>');
    expect(mine.atom).toMatch(/^ {2}<updated>2024-05-17T09:45:00\+08:00<\/updated>$/m);
    const their = theirs(mine.feed);
    expect(their.rss2()).toContain('<lastBuildDate>Wed, 01 Jan 2031');
    expect(their.atom1()).toMatch(/^\s*<updated>2031-01-01T/m);
  });

  it('removes C0 control characters and stays well-formed; feed writes them into the XML', async () => {
    const mine = await ours({ 'articles/a.txt': article({ title: 'Bell\u0007 tolls', body: ['Tone\u0001 test.'] }) });
    expect(wellFormed(mine.rss) && wellFormed(mine.atom)).toBe(true);
    expect(mine.feed.entries[0]!.title).toBe('Bell tolls');
    const their = theirs(mine.feed, (item) => void (item.title = 'Bell\u0007 tolls'));
    expect(wellFormed(their.rss2())).toBe(false);
    expect(wellFormed(their.atom1())).toBe(false);
  });

  it('declares plain-text titles type="text" in Atom; feed declares them type="html"', async () => {
    const mine = await ours({ 'articles/a.txt': article({ title: 'Rates <5% & falling' }) });
    expect(mine.atom).toContain('<title type="text">Rates &lt;5% &amp; falling</title>');
    expect(view('atom', mine.atom).items[0]!.title).toBe('Rates <5% & falling');
    expect(theirs(mine.feed).atom1()).toContain('<title type="html">');
  });

  it('keeps content holding ]]> twice well-formed and exact; feed splits only the first', async () => {
    const mine = await ours();
    const feed = { ...mine.feed, entries: mine.feed.entries.map((e) => ({ ...e, contentHtml: '<p>a]]>b]]>c</p>' })) };
    const { FORMATS, renderPieces } = await import('../../src/render/feeds.js');
    const { joinPieces } = await import('../../src/render/pieces.js');
    for (const format of FORMATS) {
      expect(view(format, joinPieces(feed, renderPieces(feed, format))).items[0]!.content).toBe('<p>a]]>b]]>c</p>');
    }
    const their = theirs(feed);
    expect(wellFormed(their.rss2())).toBe(false);
    expect(wellFormed(their.atom1())).toBe(false);
  });

  it('escapes an Atom category term holding "<"; feed leaves it raw (ill-formed)', async () => {
    const mine = await ours({ 'articles/a.txt': article({ front: 'tags: ["a<b"]' }) });
    expect(mine.atom).toContain('<category term="a&lt;b"/>');
    expect(view('atom', mine.atom).items[0]!.tags).toEqual(['a<b']);
    const atom = theirs(mine.feed).atom1();
    expect(atom).toContain('term="a<b"');
    // fast-xml-parser's validator accepts a raw "<" in an attribute value, which XML 1.0 forbids.
    expect(/="[^"]*<[^"]*"/.test(atom)).toBe(true);
  });

  it('renders Atom for an id that is not a URL; feed throws', async () => {
    const mine = await ours({ 'articles/a.txt': article({ front: 'id: urn:uuid:0b6e5c1a-9a53-4d0f-8d0a-2b9f61f5c7a4' }) });
    expect(view('atom', mine.atom).items[0]!.id).toBe('urn:uuid:0b6e5c1a-9a53-4d0f-8d0a-2b9f61f5c7a4');
    expect(() => theirs(mine.feed, (item) => void (item.id = 'item-1')).atom1()).toThrow();
  });
});

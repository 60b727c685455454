import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createFeeds } from '../../src/index.js';
import { BASE_CONFIG } from '../helpers.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const SITE = BASE_CONFIG.siteUrl;

/** `count` records a day apart from 1 May 2024, tagged and written by turns. */
const records = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    title: `Report ${i + 1}`,
    slug: `report-${i + 1}`,
    published: new Date(Date.UTC(2024, 4, 1 + i, 8)).toISOString(),
    tags: i % 2 === 0 ? ['Harbour', 'São Paulo'] : ['Harbour'],
    authors: [i % 3 === 0 ? 'Ana Souza' : 'Ben Ode'],
    ...(i % 4 === 0 ? { language: 'pt-BR' } : {}),
    content_html: `<p>Report number ${i + 1}.</p>`,
  }));

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['item', 'entry', 'link', 'atom:link'].includes(name) });

interface Read {
  readonly ids: string[];
  readonly prev?: string;
  readonly current?: string;
  readonly archived: boolean;
}

/** What a reader finds in one document: its items' ids, and its RFC 5005 links. */
function read(name: string, text: string): Read {
  if (name.endsWith('.json')) {
    const doc = JSON.parse(text) as { items: { id: string }[]; next_url?: string };
    return { ids: doc.items.map((i) => i.id), ...(doc.next_url ? { prev: doc.next_url } : {}), archived: false };
  }
  const doc = xml.parse(text) as Record<string, Record<string, unknown>>;
  if (doc.rss) {
    const channel = (doc.rss as { channel: Record<string, unknown> }).channel;
    const links = (channel['atom:link'] ?? []) as { rel: string; href: string }[];
    const items = (channel.item ?? []) as { guid: { '#text': string } }[];
    return { ids: items.map((i) => i.guid['#text']), ...rels(links), archived: 'fh:archive' in channel };
  }
  const feed = doc.feed!;
  const links = (feed.link ?? []) as { rel: string; href: string }[];
  const entries = (feed.entry ?? []) as { id: string }[];
  return { ids: entries.map((e) => e.id), ...rels(links), archived: 'fh:archive' in feed };
}

const rels = (links: readonly { rel: string; href: string }[]) => {
  const prev = links.find((l) => l.rel === 'prev-archive')?.href;
  const current = links.find((l) => l.rel === 'current')?.href;
  return { ...(prev ? { prev } : {}), ...(current ? { current } : {}) };
};

/** The path of a document in the files, from its URL. */
const pathOf = (url: string) => url.slice(`${SITE}/`.length);

describe('facets', () => {
  it('writes a feed per tag, author and language, titled by its value, with the same ids as the main feed', async () => {
    const config = { ...BASE_CONFIG, limit: 3, facets: { tags: 'tags/{slug}/', authors: 'authors/{slug}/', language: '{value}/' } };
    const made = await createFeeds({ config, records: records(7), now: NOW });
    expect(made.diagnostics).toEqual([]);
    const folders = [...new Set(Object.keys(made.files).map((name) => name.slice(0, name.lastIndexOf('/') + 1)))].sort();
    expect(folders).toEqual(['', 'authors/ana-souza/', 'authors/ben-ode/', 'en/', 'pt-BR/', 'tags/harbour/', 'tags/sao-paulo/']);
    for (const folder of folders) for (const name of ['feed.xml', 'atom.xml', 'feed.json']) expect(made.files[folder + name], folder + name).toBeDefined();

    const main = read('feed.xml', made.files['feed.xml']!);
    const saoPaulo = read('tags/sao-paulo/feed.xml', made.files['tags/sao-paulo/feed.xml']!);
    // The newest three with the tag: reports 7, 5 and 3, with the ids the main feed gives them.
    expect(saoPaulo.ids).toHaveLength(3);
    expect(saoPaulo.ids[0]).toBe(main.ids[0]);
    expect(made.files['tags/sao-paulo/feed.xml']).toContain('<title>Test Wire: São Paulo</title>');
    expect(made.files['tags/sao-paulo/feed.xml']).toContain(`<atom:link href="${SITE}/tags/sao-paulo/feed.xml" rel="self"`);
    expect(JSON.parse(made.files['authors/ana-souza/feed.json']!).feed_url).toBe(`${SITE}/authors/ana-souza/feed.json`);
    expect(read('pt-BR/atom.xml', made.files['pt-BR/atom.xml']!).ids).toHaveLength(2);
  });

  it('lists every head feed in feeds.opml, and no archive page', async () => {
    const config = { ...BASE_CONFIG, facets: { tags: 'tags/{slug}/' }, archive: { pageSize: 2 } };
    const { files } = await createFeeds({ config, records: records(5), now: NOW });
    const opml = files['feeds.opml']!;
    expect(opml).toContain('<opml version="2.0">');
    const urls = [...opml.matchAll(/xmlUrl="([^"]+)"/g)].map((m) => m[1]);
    expect(urls).toEqual(['', 'tags/harbour/', 'tags/sao-paulo/'].flatMap((folder) => ['feed.xml', 'atom.xml', 'feed.json'].map((name) => `${SITE}/${folder}${name}`)));
    expect(opml).toContain('text="Test Wire: Harbour (Atom 1.0)"');
  });

  it('refuses two values that make one folder, naming both', async () => {
    const config = { ...BASE_CONFIG, facets: { tags: 'tags/{slug}/' } };
    const made = await createFeeds({ config, records: [...records(2), { title: 'Other', slug: 'other', published: '2024-06-01T00:00:00Z', tags: ['harbour!'], content_html: '<p>x</p>' }], now: NOW });
    expect(made.ok).toBe(false);
    expect(made.diagnostics).toEqual([expect.objectContaining({ ruleId: 'input/facet-folder', message: expect.stringContaining('"Harbour" and "harbour!", which make one folder for their feeds ("tags/harbour/")') })]);
  });
});

describe('archives (RFC 5005)', () => {
  const config = { ...BASE_CONFIG, limit: 3, archive: { pageSize: 2 }, facets: { tags: 'tags/{slug}/' } };

  it('pages every item from the oldest, full pages only, each linked to the one before and to its head', async () => {
    const { files, diagnostics } = await createFeeds({ config, records: records(7), now: NOW });
    expect(diagnostics).toEqual([]);
    expect(Object.keys(files).filter((n) => n.startsWith('archive/')).sort()).toEqual(['1', '2', '3'].flatMap((k) => ['atom.xml', 'feed.json', 'feed.xml'].map((n) => `archive/${k}/${n}`)));
    const page1 = files['archive/1/feed.xml']!;
    expect(page1).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
    expect(page1).toContain('<fh:archive/>');
    expect(page1).toContain(`<atom:link href="${SITE}/feed.xml" rel="current"`);
    expect(page1).not.toContain('prev-archive');
    expect(page1).not.toContain('next-archive');
    expect(files['archive/2/atom.xml']).toContain(`<link rel="prev-archive" type="application/atom+xml" href="${SITE}/archive/1/atom.xml"/>`);
    expect(files['feed.xml']).toContain(`<atom:link href="${SITE}/archive/3/feed.xml" rel="prev-archive"`);
    expect(files['feed.xml']).not.toContain('<fh:archive/>');
    expect(JSON.parse(files['archive/1/feed.json']!).next_url).toBeUndefined();
    expect(JSON.parse(files['archive/2/feed.json']!).next_url).toBe(`${SITE}/archive/1/feed.json`);
    // Page 1 holds the two oldest, newest first.
    expect([...page1.matchAll(/<title>(Report \d+)<\/title>/g)].map((m) => m[1])).toEqual(['Report 2', 'Report 1']);
  });

  it.each(['feed.xml', 'atom.xml', 'feed.json'])('reaches every item exactly once from the head of %s, in the main feed and in a facet', async (name) => {
    const { files } = await createFeeds({ config, records: records(9), now: NOW });
    const all = read(name, files[name]!);
    for (const head of [name, `tags/sao-paulo/${name}`]) {
      const seen: string[] = [];
      let at: string | undefined = head;
      let first = true;
      while (at !== undefined) {
        const doc = read(at, files[at]!);
        expect(doc.archived, at).toBe(!first && !name.endsWith('.json'));
        if (!first && !name.endsWith('.json')) expect(doc.current, at).toBe(`${SITE}/${head}`);
        seen.push(...doc.ids);
        at = doc.prev === undefined ? undefined : pathOf(doc.prev);
        first = false;
      }
      // The head's newest items and the pages overlap where the head reaches back into them: each id, once in the pages.
      const pagesOnly = seen.slice(read(head, files[head]!).ids.length);
      expect(new Set(pagesOnly).size, head).toBe(pagesOnly.length);
      const expected = head === name ? 9 : 5;
      expect(new Set(seen).size, head).toBe(expected);
      expect(pagesOnly.length, head).toBe(Math.floor(expected / 2) * 2);
    }
    expect(all.ids).toHaveLength(3);
  });

  it('leaves every page as it was when an item is added, unless the item fills a page', async () => {
    const before = (await createFeeds({ config, records: records(7), now: NOW })).files;
    const after = (await createFeeds({ config, records: records(8), now: NOW })).files;
    const pages = (files: Record<string, string>) => Object.keys(files).filter((n) => n.includes('archive/'));
    // Seven items make three pages; the eighth fills a fourth (and a page of the tag all of them have).
    expect(pages(after).filter((n) => !pages(before).includes(n)).sort()).toEqual(['archive/4/atom.xml', 'archive/4/feed.json', 'archive/4/feed.xml', 'tags/harbour/archive/4/atom.xml', 'tags/harbour/archive/4/feed.json', 'tags/harbour/archive/4/feed.xml']);
    for (const name of pages(before)) expect(after[name], name).toBe(before[name]);
    const ninth = (await createFeeds({ config, records: records(9), now: NOW })).files;
    for (const name of pages(after)) expect(ninth[name], name).toBe(after[name]);
  });
});

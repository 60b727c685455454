import { describe, expect, it } from 'vitest';
import { render as renderAtom } from '../../src/render/atom.js';
import { render as renderJsonFeed } from '../../src/render/json-feed.js';
import { render as renderRss } from '../../src/render/rss.js';
import { makeFeed } from '../helpers.js';

describe('RSS renderer', () => {
  it('writes pubDate in the offset the author wrote and atom:updated in RFC 3339', () => {
    const rss = renderRss(makeFeed());
    expect(rss).toContain('<pubDate>Sat, 11 May 2024 11:55:00 +0800</pubDate>');
    expect(rss).toContain('<atom:updated>2024-05-11T12:30:00+08:00</atom:updated>');
  });

  it('takes lastBuildDate and pubDate from the items, never the clock', () => {
    const rss = renderRss(makeFeed());
    expect(rss).toContain('<lastBuildDate>Sun, 12 May 2024 12:30:00 +0800</lastBuildDate>');
    expect(rss).toContain('<pubDate>Sun, 12 May 2024 11:55:00 +0800</pubDate>');
  });

  it('writes author as "email (Name)" for one author with an email, dc:creator otherwise, never both', () => {
    const rss = renderRss(
      makeFeed([
        {},
        { authors: [{ name: 'No Mail' }] },
        { authors: [{ name: 'A', email: 'a@example.org' }, { name: 'B', email: 'b@example.org' }] },
      ]),
    );
    const items = rss.split('<item>').slice(1);
    expect(items[0]).toContain('<author>desk@wire.example.org (Wire Desk)</author>');
    expect(items[0]).not.toContain('dc:creator');
    expect(items[1]).toContain('<dc:creator>No Mail</dc:creator>');
    expect(items[1]).not.toContain('<author>');
    expect(items[2]).toContain('<dc:creator>A</dc:creator>');
    expect(items[2]).toContain('<dc:creator>B</dc:creator>');
    expect(items[2]).not.toContain('<author>');
  });

  it('marks a tag URI guid as not a permalink', () => {
    expect(renderRss(makeFeed())).toContain('<guid isPermaLink="false">tag:wire.example.org,2024-05-11:item-1</guid>');
  });

  it('has a self link, a language and the three namespaces', () => {
    const rss = renderRss(makeFeed());
    expect(rss).toContain('<atom:link href="https://wire.example.org/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(rss).toContain('<language>en</language>');
    expect(rss).toMatch(/xmlns:atom=.*xmlns:content=.*xmlns:dc=/);
  });

  it('is UTF-8 without BOM, LF line ends, a final newline and two-space indent', () => {
    const rss = renderRss(makeFeed([{ title: 'Café' }]));
    expect(rss.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(rss).not.toContain('\r');
    expect(rss.endsWith('</rss>\n')).toBe(true);
    expect(rss).toContain('\n  <channel>\n    <title>');
  });
});

describe('Atom renderer', () => {
  it('declares titles type="text" even when they hold "<"', () => {
    const atom = renderAtom(makeFeed([{ title: 'Rates <5% & falling' }]));
    expect(atom).toContain('<title type="text">Rates &lt;5% &amp; falling</title>');
  });

  it('writes published and updated in the offset the author wrote', () => {
    const atom = renderAtom(makeFeed());
    expect(atom).toContain('<published>2024-05-11T11:55:00+08:00</published>');
    expect(atom).toContain('<updated>2024-05-12T12:30:00+08:00</updated>');
  });

  it('has a feed-level author and self and alternate links', () => {
    const atom = renderAtom(makeFeed());
    expect(atom).toMatch(/^ {2}<author>\n {4}<name>Wire Desk<\/name>/m);
    expect(atom).toContain('<link rel="self" type="application/atom+xml" href="https://wire.example.org/atom.xml"/>');
    expect(atom).toContain('<link rel="alternate" type="text/html" href="https://wire.example.org"/>');
  });

  it('escapes a category term that holds "<" and a quote', () => {
    expect(renderAtom(makeFeed([{ tags: ['a<b "c"'] }]))).toContain('<category term="a&lt;b &quot;c&quot;"/>');
  });

  it('writes summary and content as type="html"', () => {
    const atom = renderAtom(makeFeed([{ summary: 'A & B' }]));
    expect(atom).toContain('<summary type="html">A &amp;amp; B</summary>');
    expect(atom).toContain('<content type="html"><![CDATA[<p>Body 1.</p>]]></content>');
  });
});

describe('JSON Feed renderer', () => {
  it('is JSON Feed 1.1 with authors arrays, language, feed_url and home_page_url', () => {
    const json = JSON.parse(renderJsonFeed(makeFeed()));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.authors).toEqual([{ name: 'Wire Desk', url: 'mailto:desk@wire.example.org' }]);
    expect(json.language).toBe('en');
    expect(json.feed_url).toBe('https://wire.example.org/feed.json');
    expect(json.home_page_url).toBe('https://wire.example.org');
    expect(json.items[0].authors).toHaveLength(1);
    expect(json.items[0].author).toBeUndefined();
  });

  it('keeps the offset the author wrote', () => {
    const json = JSON.parse(renderJsonFeed(makeFeed()));
    expect(json.items[1].date_published).toBe('2024-05-11T11:55:00+08:00');
    expect(json.items[1].date_modified).toBe('2024-05-11T12:30:00+08:00');
  });

  it('is two-space indented with a final newline', () => {
    const text = renderJsonFeed(makeFeed());
    expect(text.startsWith('{\n  "version"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes, a piece at a time, exactly what JSON.stringify writes of the whole document', () => {
    for (const entries of [[{}], [{}, {}, {}]]) {
      const feed = makeFeed(
        entries.map((e, i) => ({ ...e, title: `Line\nbreak "${i}" \u2028 😀`, contentHtml: `<p>a\n\tb</p>\n<p>${'x'.repeat(i)}</p>`, tags: i === 1 ? ['a', 'b'] : [] })),
        { hub: 'https://hub.example.org/' },
      );
      const text = renderJsonFeed(feed);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      expect(JSON.parse(text).items).toHaveLength(entries.length);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { readBack, startProof } from '../../src/check/prove.js';
import type { Feed, FeedFormat } from '../../src/vocabulary/types.js';
import { render as renderAtom } from '../../src/render/atom.js';
import { render as renderJsonFeed } from '../../src/render/json-feed.js';
import { render as renderRss } from '../../src/render/rss.js';
import { makeFeed } from '../helpers.js';

const RENDER = { rss: renderRss, atom: renderAtom, json: renderJsonFeed } as const;
const formats: FeedFormat[] = ['rss', 'atom', 'json'];
const doc = (format: FeedFormat, text: string) => ({ format, file: `out/${format}`, text });
/** The proof of a document rendered whole: one head, with no item pieces and no tail. */
const prove = (feed: Feed, { format, file, text }: ReturnType<typeof doc>) => startProof(feed, { format, file, head: text, tail: '' }).finish();

describe('the proof', () => {
  it.each(formats)('passes what the %s renderer writes, hard text included, with no rule firing', (format) => {
    const feed = makeFeed([
      { title: 'A & B <c> "d" \'e\' ]]> é 😀', summary: '<b>not bold</b> & ]]>', contentHtml: '<p>x]]>y ]]> &amp; z</p>', tags: ['a&b', '<c>'], rights: '© 2024 <Wire>' },
      { contentHtml: 'plain & simple', authors: [{ name: 'A' }, { name: 'B', email: 'b@example.org', url: 'https://b.example.org' }] },
    ]);
    expect(prove(feed, doc(format, RENDER[format](feed)))).toEqual([]);
  });

  it('catches a renderer that drops the offset, naming the item, field and both values', () => {
    const feed = makeFeed();
    const broken = renderRss(feed).replace('Sat, 11 May 2024 11:55:00 +0800', 'Sat, 11 May 2024 03:55:00 +0000');
    const [d] = prove(feed, doc('rss', broken));
    expect(d).toMatchObject({ ruleId: 'proof/round-trip', severity: 'error', file: 'out/rss' });
    expect(d?.message).toContain('item 2 (tag:wire.example.org,2024-05-11:item-1), field "published"');
    expect(d?.expected).toBe('2024-05-11T11:55:00+08:00');
    expect(d?.actual).toContain('another offset');
  });

  it('catches a renderer that moves the instant', () => {
    const feed = makeFeed();
    const broken = renderAtom(feed).replace('<published>2024-05-12T11:55:00+08:00', '<published>2024-05-12T11:55:00-08:00');
    expect(prove(feed, doc('atom', broken))[0]?.actual).toContain('another instant');
  });

  it('catches a lost item even when the document is well-formed', () => {
    const feed = makeFeed();
    const text = renderJsonFeed(feed);
    const json = JSON.parse(text);
    json.items.pop();
    const diagnostics = prove(feed, doc('json', JSON.stringify(json)));
    expect(diagnostics.map((d) => d.message).join('\n')).toContain('"item count": the model has 2, the document read back has 1');
  });

  it('catches content changed by an escaping bug', () => {
    const feed = makeFeed([{ contentHtml: '<p>Fish &amp; chips</p>' }]);
    const broken = renderAtom(feed).replace('Fish &amp; chips', 'Fish & chips');
    expect(prove(feed, doc('atom', broken))[0]?.message).toContain('field "content"');
  });

  it('reports ill-formed XML with its line and column', () => {
    const feed = makeFeed();
    const broken = renderRss(feed).replace('<title>Item 1</title>', '<title>Item 1 & 2</title>');
    const [d] = prove(feed, doc('rss', broken));
    expect(d).toMatchObject({ ruleId: 'feed/well-formed', severity: 'error' });
    expect(d?.line).toBeGreaterThan(10);
  });

  it('catches a category lost from an Atom entry', () => {
    const feed = makeFeed([{ tags: ['one', 'two'] }]);
    const broken = renderAtom(feed).replace('<category term="two"/>', '');
    expect(prove(feed, doc('atom', broken))[0]?.message).toContain('field "tags"');
  });
});

describe('the proof of media, languages and several authors', () => {
  it.each(formats)('passes %s with an image, attachments, a language and two authors', (format) => {
    const feed = makeFeed([
      {
        image: { url: 'https://wire.example.org/p.png', type: 'image/png' },
        attachments: [
          { url: 'https://wire.example.org/a.mp3', type: 'audio/mpeg', length: 10 },
          { url: 'https://wire.example.org/b.ogg', type: 'audio/ogg' },
        ],
        language: 'fr-CA',
        authors: [{ name: 'A', email: 'a@example.org' }, { name: 'B' }],
      },
    ]);
    expect(prove(feed, doc(format, RENDER[format](feed)))).toEqual([]);
  });

  it('catches an Atom enclosure link the renderer dropped', () => {
    const feed = makeFeed([{ attachments: [{ url: 'https://wire.example.org/a.mp3', type: 'audio/mpeg', length: 10 }] }]);
    const broken = renderAtom(feed).replace(/\n\s*<link rel="enclosure"[^\n]*/, '');
    expect(prove(feed, doc('atom', broken))[0]?.message).toContain('field "attachments"');
  });

  it('catches an RSS enclosure without its length', () => {
    const feed = makeFeed([{ image: { url: 'https://wire.example.org/p.png', type: 'image/png' } }]);
    const broken = renderRss(feed).replace(' length="0"', '');
    const messages = prove(feed, doc('rss', broken)).map((d) => `${d.ruleId}: ${d.message}`);
    expect(messages).toContainEqual(expect.stringContaining('proof/round-trip: item 1'));
    expect(messages).toContainEqual(expect.stringContaining('field "attachments"'));
    expect(messages).toContainEqual(expect.stringMatching(/^rss\/enclosure: /));
  });

  it('catches a lost entry language', () => {
    const feed = makeFeed([{ language: 'de' }]);
    const broken = renderAtom(feed).replace(' xml:lang="de"', '');
    expect(prove(feed, doc('atom', broken))[0]?.message).toContain('field "language"');
  });
});

describe('the proof of the feed images, the hub and Atom text types', () => {
  const feed = () => makeFeed(undefined, { icon: 'https://wire.example.org/icon.png', logo: 'https://wire.example.org/logo.png', hub: 'https://hub.example.org/' });

  it.each(formats)('passes %s with an icon, a logo and a hub', (format) => {
    const f = feed();
    expect(prove(f, doc(format, RENDER[format](f)))).toEqual([]);
  });

  it('catches JSON Feed icon and favicon swapped', () => {
    const f = feed();
    const json = JSON.parse(renderJsonFeed(f));
    [json.icon, json.favicon] = [json.favicon, json.icon];
    expect(prove(f, doc('json', JSON.stringify(json))).map((d) => d.message).join('\n')).toContain('field "icon"');
  });

  it('catches a wrong hub', () => {
    const f = feed();
    expect(prove(f, doc('atom', renderAtom(f).replace('https://hub.example.org/', 'https://other.example.org/')))[0]?.message).toContain('field "hub"');
  });

  it('catches an Atom title declared as HTML', () => {
    const f = feed();
    const broken = renderAtom(f).replace('<title type="text">Item 1</title>', '<title type="html">Item 1</title>');
    expect(prove(f, doc('atom', broken)).map((d) => d.message).join('\n')).toContain('field "titleType"');
  });
});

describe('readBack', () => {
  it.each(formats)('reads back what a reader sees in a %s document: the feed\'s fields and every item, in order', (format) => {
    const feed = makeFeed([{ title: 'First' }, { title: 'Second' }, { title: 'Third' }]);
    const { view, error } = readBack(format, RENDER[format](feed));
    expect(error).toBeUndefined();
    expect(view?.title).toBe('Test Wire');
    expect(view?.items.map((item) => item.title)).toEqual(['First', 'Second', 'Third']);
  });

  it('says a document of another format is not the one asked for, and where a document stops being well-formed', () => {
    const feed = makeFeed();
    expect(readBack('rss', renderAtom(feed))).toEqual({ error: { message: 'is not RSS 2.0' } });
    expect(readBack('atom', renderJsonFeed(feed))).toEqual({ error: { message: 'is not Atom 1.0' } });
    const { error } = readBack('rss', renderRss(feed).replace('<title>Item 1</title>', '<title>Item 1 & 2</title>'));
    expect(error?.message).toContain('is not well-formed XML');
    expect(error?.line).toBeGreaterThan(10);
  });
});

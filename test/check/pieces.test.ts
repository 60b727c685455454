import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkInPieces, type ParsedDocument } from '../../src/check/check.js';
import { startProof } from '../../src/check/prove.js';
import { scanXml, XmlScanner, type XmlElement } from '../../src/check/tree.js';
import type { Diagnostic } from '../../src/vocabulary/diagnostic.js';
import type { Feed, FeedFormat } from '../../src/vocabulary/types.js';
import { renderPieces } from '../../src/render/feeds.js';
import { makeFeed } from '../helpers.js';

const formats: FeedFormat[] = ['rss', 'atom', 'json'];
const NOW = Date.UTC(2025, 0, 1);

/** Which piece a change is made to: the head, an item (from 0), the tail. */
type Which = 'head' | number | 'tail';

/**
 * The same document proven twice: a piece at a time, as a build proves it,
 * and whole, as one head with no items and no tail; `change` may alter any
 * piece first.
 */
function proveBoth(feed: Feed, format: FeedFormat, change: (text: string, which: Which) => string = (text) => text) {
  const pieces = renderPieces(feed, format);
  const head = change(pieces.head, 'head');
  const tail = change(pieces.tail, 'tail');
  // A piece changed to nothing is left out: an item lost.
  const items = feed.entries.map((entry, i) => change(pieces.item(entry, i), i)).filter((text) => text !== '');
  const file = `out/${format}`;
  const proof = startProof(feed, { format, file, head, tail }, { now: NOW });
  for (const item of items) proof.item(item);
  const whole = startProof(feed, { format, file, head: head + items.join('') + tail, tail: '' }, { now: NOW });
  return { inPieces: proof.finish(), whole: whole.finish() };
}

const at = (d: Diagnostic) => ({ ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column });

describe('the proof a piece at a time', () => {
  it.each(formats)('passes what the %s renderer writes, hard text included, as the whole-document proof does', (format) => {
    const feed = makeFeed([
      { title: 'A & B <c> "d" \'e\' ]]> é 😀', summary: '<b>not bold</b> & ]]>', contentHtml: '<p>x]]>y ]]> &amp; z</p>\n<p>two\nlines</p>', tags: ['a&b', '<c>'], rights: '© 2024 <Wire>' },
      { contentHtml: 'plain & simple', authors: [{ name: 'A' }, { name: 'B', email: 'b@example.org', url: 'https://b.example.org' }] },
      {},
    ]);
    expect(proveBoth(feed, format)).toEqual({ inPieces: [], whole: [] });
  });

  it.each(formats)('%s: reports what the rules find in items, with the lines of the whole document, as the whole-document proof does', (format) => {
    // The same id twice (an error in RSS and JSON Feed, a warning in Atom, naming the line of the first), a relative link, a date from the future.
    const feed = makeFeed([
      { id: 'tag:wire.example.org,2024:same', contentHtml: '<p><a href="/relative">a</a></p>' },
      { id: 'tag:wire.example.org,2024:other' },
      { id: 'tag:wire.example.org,2024:same', contentHtml: '<p>x</p>\n<p><img src="pic.jpg"></p>', updated: DateTime.fromISO('2031-01-01T00:00:00+02:00', { setZone: true }) },
    ]);
    const { inPieces, whole } = proveBoth(feed, format);
    expect(inPieces.length).toBeGreaterThanOrEqual(3);
    expect(inPieces).toEqual(whole);
    expect(new Set(inPieces.map((d) => d.ruleId))).toEqual(new Set(whole.map((d) => d.ruleId)));
  });

  it.each(formats)('%s: catches a changed item, naming it and the field, as the whole-document proof does', (format) => {
    const feed = makeFeed([{}, { title: 'Harbour ferry' }, {}]);
    const { inPieces, whole } = proveBoth(feed, format, (text, which) => (which === 1 ? text.replace('Harbour ferry', 'Harbor ferry') : text));
    expect(inPieces).toEqual(whole);
    expect(inPieces).toHaveLength(1);
    expect(inPieces[0]?.message).toContain('item 2 (tag:wire.example.org,2024-05-12:item-2), field "title"');
  });

  it('catches a renderer that drops the offset of one item', () => {
    const feed = makeFeed();
    const { inPieces, whole } = proveBoth(feed, 'rss', (text) => text.replace('Sat, 11 May 2024 11:55:00 +0800', 'Sat, 11 May 2024 03:55:00 +0000'));
    expect(inPieces).toEqual(whole);
    expect(inPieces[0]?.actual).toContain('another offset');
  });

  it.each(formats)('%s: catches a lost item', (format) => {
    const feed = makeFeed([{}, {}, {}]);
    const { inPieces, whole } = proveBoth(feed, format, (text, which) => (which === 2 ? '' : text));
    expect(inPieces).toEqual(whole);
    expect(inPieces.map((d) => d.message).join('\n')).toContain('"item count": the model has 3, the document read back has 2');
  });

  it.each(['rss', 'atom'] as const)('%s: reports ill-formed XML in an item on the line the whole document has it', (format) => {
    const feed = makeFeed([{}, { title: 'Item 2' }, {}]);
    const { inPieces, whole } = proveBoth(feed, format, (text, which) => (which === 1 ? text.replace('>Item 2<', '>Item 2 & 3<') : text));
    expect(inPieces.map(at)).toEqual(whole.map(at));
    expect(inPieces).toHaveLength(1);
    expect(inPieces[0]).toMatchObject({ ruleId: 'feed/well-formed', severity: 'error' });
    expect(inPieces[0]?.line).toBeGreaterThan(20);
  });

  it.each(formats)('%s: reports only what a whole-document check reports once a later item is not well-formed: the parse error, not what the rules found before it', (format) => {
    // A relative link in the first item, which the rules report in a well-formed document.
    const feed = makeFeed([{ contentHtml: '<p><a href="/relative">a</a></p>' }, {}, { title: 'Item 3' }]);
    expect(proveBoth(feed, format).inPieces.map((d) => d.ruleId)).toContain('feed/relative-html-reference');
    const { inPieces, whole } = proveBoth(feed, format, (text, which) => (which === 2 ? text.replace('Item 3<', 'Item 3 & 4<').replace('"Item 3"', '"Item 3\\q"') : text));
    expect(inPieces.map(at)).toEqual(whole.map(at));
    expect(inPieces.map((d) => d.ruleId)).toEqual(['feed/well-formed']);
  });

  it('says a document of another format than the one rendered is not it, at its root', () => {
    const feed = makeFeed();
    const atom = renderPieces(feed, 'atom');
    const proof = startProof(feed, { format: 'rss', file: 'out/rss', head: atom.head, tail: atom.tail }, { now: NOW });
    feed.entries.forEach((entry, i) => proof.item(atom.item(entry, i)));
    const diagnostics = proof.finish();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'feed/unknown-format', severity: 'error', message: 'is atom, not rss' });
  });

  it.each(['rss', 'atom'] as const)('%s: reports a character XML forbids at its line and column', (format) => {
    const feed = makeFeed([{}, { contentHtml: '<p>bell \u0007 here</p>' }]);
    const { inPieces, whole } = proveBoth(feed, format);
    expect(inPieces.map(at)).toEqual(whole.map(at));
    expect(inPieces.map((d) => d.ruleId)).toContain('feed/forbidden-character');
  });

  it('reports ill-formed XML in the head and in the tail', () => {
    const feed = makeFeed();
    for (const where of ['head', 'tail'] as const) {
      const { inPieces, whole } = proveBoth(feed, 'rss', (text, which) => (which !== where ? text : where === 'head' ? text.replace('<language>', '<language x>') : text.replace('</channel>', '</chanel>')));
      expect(inPieces.map(at)).toEqual(whole.map(at));
      expect(inPieces[0]).toMatchObject({ ruleId: 'feed/well-formed', severity: 'error' });
    }
  });

  it('reports a piece that holds two items, which a whole document could not tell', () => {
    const feed = makeFeed([{}, {}]);
    const pieces = renderPieces(feed, 'atom');
    const proof = startProof(feed, { format: 'atom', file: 'out/atom', head: pieces.head, tail: pieces.tail }, { now: NOW });
    proof.item(pieces.item(feed.entries[0]!, 0) + pieces.item(feed.entries[1]!, 1));
    const diagnostics = proof.finish();
    expect(diagnostics[0]).toMatchObject({ ruleId: 'feed/well-formed', severity: 'error' });
  });

  it('reports JSON Feed items that are not separated by a comma, and one that is not JSON', () => {
    const feed = makeFeed([{}, {}, {}]);
    const missingComma = proveBoth(feed, 'json', (text, which) => (which === 2 ? text.slice(1) : text)).inPieces;
    expect(missingComma[0]).toMatchObject({ ruleId: 'feed/well-formed', severity: 'error' });
    expect(missingComma[0]?.message).toContain('item 2 does not follow item 1');
    const { inPieces, whole } = proveBoth(feed, 'json', (text, which) => (which === 1 ? text.replace('"title"', 'title') : text));
    expect(inPieces.map(at)).toEqual(whole.map(at));
    expect(inPieces[0]?.message).toContain('is not valid JSON');
  });

  it.each(['rss', 'atom'] as const)('%s: lets each item go once it is read: the root it hands on holds none', (format) => {
    const feed = makeFeed([{}, {}, {}]);
    const pieces = renderPieces(feed, format);
    const elements: XmlElement[] = [];
    const scanner = new XmlScanner((el) => elements.push(el));
    for (const piece of [pieces.head, ...feed.entries.map((e, i) => pieces.item(e, i)), pieces.tail]) expect(scanner.add(piece)).toBeUndefined();
    expect(scanner.finish()).toBeUndefined();
    // Scanned in pieces, the elements are those of the whole document, at the same offsets, with the same text.
    const whole = scanXml(pieces.head + feed.entries.map((e, i) => pieces.item(e, i)).join('') + pieces.tail);
    if (!whole.ok) throw new Error(whole.message);
    expect(elements.map((e) => [e.key, e.offset, e.text])).toEqual(whole.tree.elements.map((e) => [e.key, e.offset, e.text]));
    expect(scanner.root?.key).toBe(whole.tree.root.key);

    // The check hands each item on, then its root without them.
    const handed: number[] = [];
    let parsed: ParsedDocument | undefined;
    const check = checkInPieces(format, pieces.head, pieces.tail, { file: 'f', now: NOW, onItem: (_, index) => handed.push(index), onParsed: (d) => (parsed = d) });
    feed.entries.forEach((e, i) => check.item(pieces.item(e, i)));
    expect(check.finish().diagnostics).toEqual([]);
    expect(handed).toEqual([0, 1, 2]);
    if (parsed?.format !== format) throw new Error('not parsed');
    const holder = format === 'rss' ? parsed.root.child('channel')! : parsed.root;
    expect(holder.childrenOf(format === 'rss' ? 'item' : 'atom:entry')).toEqual([]);
    expect(holder.child(format === 'rss' ? 'title' : 'atom:title')?.text).toBe('Test Wire');
  });
});

import { describe, expect, it } from 'vitest';
import { LineIndex, positionsOf } from '../../src/vocabulary/position.js';
import { scanXml, XmlScanner, type XmlTree } from '../../src/check/tree.js';
import { ATOM_NS, XHTML_NS } from '../../src/vocabulary/formats.js';

function tree(source: string): XmlTree {
  const result = scanXml(source);
  if (!result.ok) throw new Error(`expected a tree, got: ${result.message}`);
  return result.tree;
}

describe('scanXml', () => {
  it('keeps the text of an element, white space included, but not the layout between its children', () => {
    const { root } = tree('<rss>\n  <title>  </title>\n  <item>a <b>x</b> c</item>\n</rss>');
    expect(root.child('title')!.text).toBe('  ');
    expect(root.child('item')!.text).toBe('a  c');
    expect(root.text).toBe('\n  ');
  });

  it('resolves default and prefixed namespaces, and keys elements by their namespace, not their prefix', () => {
    const { root } = tree(`<a:feed xmlns:a="${ATOM_NS}"><a:entry><content xmlns="${XHTML_NS}"><div/></content></a:entry></a:feed>`);
    expect(root.key).toBe('atom:feed');
    const entry = root.child('atom:entry')!;
    expect(entry.name).toBe('a:entry');
    const content = entry.children[0]!;
    expect(content.key).toBe('xhtml:content');
    expect(content.children[0]!.namespace).toBe(XHTML_NS);
  });

  it('takes an element out of the default namespace with xmlns=""', () => {
    const { root } = tree(`<feed xmlns="${ATOM_NS}"><plain xmlns=""><inner/></plain></feed>`);
    const plain = root.children[0]!;
    expect(plain.namespace).toBeUndefined();
    expect(plain.children[0]!.key).toBe('inner');
  });

  it('records each prefix used without a declaration, with its offset', () => {
    const source = '<rss>\n  <dc:creator media:role="x">A</dc:creator>\n</rss>';
    const { undeclaredPrefixes } = tree(source);
    expect(undeclaredPrefixes.map((u) => u.name)).toEqual(['dc:creator', 'media:role']);
    expect(undeclaredPrefixes[0]!.offset).toBe(source.indexOf('<dc:creator'));
    expect(undeclaredPrefixes[1]!.offset).toBe(source.indexOf('media:role'));
  });

  it('decodes entity and character references in text and attributes, and joins text with CDATA sections', () => {
    const { root } = tree('<t a="x &amp; y&#x9;z&#10;">A &lt;b&gt; &#x26; <![CDATA[<p>c</p>]]> &#128512;</t>');
    expect(root.text).toBe('A <b> & <p>c</p> 😀');
    expect(root.hasCdata).toBe(true);
    expect(root.attr('a')).toBe('x & y\tz\n');
  });

  it('normalizes literal white space in attribute values to spaces, as XML does', () => {
    expect(tree('<t a="one\ntwo\tthree"/>').root.attr('a')).toBe('one two three');
  });

  it('lists elements children first, each when it closes', () => {
    const { elements } = tree('<rss><channel><title>T</title><item><title>I</title></item></channel></rss>');
    expect(elements.map((e) => `${e.parent?.name ?? ''}>${e.name}`)).toEqual(['channel>title', 'item>title', 'channel>item', 'rss>channel', '>rss']);
  });

  it('skips the declaration, processing instructions, comments and a DOCTYPE with an internal subset', () => {
    const source = '<?xml version="1.0"?>\n<?xml-stylesheet href="feed.xsl" type="text/xsl"?>\n<!-- a > b -->\n<!DOCTYPE rss [<!ENTITY w "wire">]>\n<rss>&w;</rss>';
    const { root } = tree(source);
    expect(root.name).toBe('rss');
    expect(root.offset).toBe(source.indexOf('<rss>'));
    // An entity the internal subset declares stands for its text.
    expect(root.text).toBe('wire');
  });

  it('knows the entities of RSS 0.91\'s DTD, those of an internal subset, and takes any from an external DTD it does not know', () => {
    const rss091 = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n';
    expect(tree(`${rss091}<rss>caf&eacute;&nbsp;&yuml;</rss>`).root.text).toBe('caf\u00e9\u00a0\u00ff');
    const undeclared = scanXml(`${rss091}<rss>10&mdash;12</rss>`);
    expect(undeclared.ok).toBe(false);
    if (!undeclared.ok) {
      expect(undeclared.message).toMatch(/"&mdash;" is declared neither by the RSS 0\.91 DTD/);
      expect(undeclared.offset).toBe(rss091.length + '<rss>10'.length);
    }
    expect(scanXml('<!DOCTYPE rss [<!ENTITY w "wire">]><rss>&v;</rss>')).toMatchObject({ ok: false, message: expect.stringMatching(/nor declared in the DOCTYPE/) });
    expect(tree('<!DOCTYPE rss SYSTEM "local.dtd"><rss>&mdash;</rss>').root.text).toBe('&mdash;');
    expect(tree(`${rss091.replace('>', ' [<!ENTITY mdash "\u2014">]>')}<rss>&mdash;&eacute;</rss>`).root.text).toBe('\u2014\u00e9');
  });

  it('finds a "]]>" in text outside CDATA, where a CDATA section ended early', () => {
    const source = '<d><![CDATA[a[b[0]]> is compared]]></d>';
    expect(tree(source).strayCdataEnds).toEqual([source.lastIndexOf(']]>')]);
    expect(tree('<d><![CDATA[a[b[0]]]]><![CDATA[> ok]]></d>').strayCdataEnds).toEqual([]);
  });

  it('reads a name it has met before only where the name ends, not as the start of a longer one', () => {
    const { elements } = tree('<a><item/><items/><item-x/><item.y/><item:z xmlns:item="urn:x"/><item\t/><item></item ></a>');
    expect(elements.map((e) => e.name)).toEqual(['item', 'items', 'item-x', 'item.y', 'item:z', 'item', 'item', 'a']);
    const mismatched = scanXml('<a><item></items></a>');
    expect(mismatched.ok).toBe(false);
    if (!mismatched.ok) expect(mismatched.message).toContain('does not match');
  });

  it('reads any number of names that begin alike, past those it keeps', () => {
    const names = Array.from({ length: 40 }, (_, i) => `n${i}`);
    const { elements } = tree(`<root>${names.map((n) => `<${n}></${n}>`).join('')}<n7/><n39/></root>`);
    expect(elements.map((e) => e.name)).toEqual([...names, 'n7', 'n39', 'root']);
  });

  it.each([
    ['<t>&nbsp;</t>', 3, 'not defined in XML'],
    ['<t a="1 & 2"/>', 8, 'bare "&"'],
    ['<t a="<"/>', 6, '"<" in the value'],
    ['<t/><u/>', 4, 'second root'],
    ['<t/> tail', 5, 'text outside the root'],
    ['<t>&#xZZ;</t>', 3, 'not a character reference'],
  ])('refuses what fast-xml-parser\'s validator lets through: %s', (source, offset, message) => {
    const result = scanXml(source);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.offset).toBe(offset);
      expect(result.message).toContain(message);
    }
  });
});

describe('XmlScanner', () => {
  it('hands on the root as soon as its start tag is read, before any element closes', () => {
    const events: string[] = [];
    const scanner = new XmlScanner(
      (el) => void events.push(`closed ${el.name}`),
      (root) => void events.push(`opened ${root.name} in ${root.namespace ?? 'no namespace'}`),
    );
    expect(scanner.add(`<?xml version="1.0"?>\n<feed xmlns="${ATOM_NS}"><title>T</title>`)).toBeUndefined();
    expect(scanner.add('</feed>')).toBeUndefined();
    expect(scanner.finish()).toBeUndefined();
    expect(events).toEqual([`opened feed in ${ATOM_NS}`, 'closed title', 'closed feed']);
  });
});

describe('positionsOf', () => {
  it('counts lines from 1 and columns from 1, with CRLF line ends', () => {
    const source = '<a>\r\n  <b/>\r\n\t<c/>\r\n</a>';
    const at = positionsOf(source);
    expect(at(source.indexOf('<b/>'))).toEqual({ line: 2, column: 3 });
    expect(at(source.indexOf('<c/>'))).toEqual({ line: 3, column: 2 });
    expect(at(0)).toEqual({ line: 1, column: 1 });
  });

  it('does not count a byte order mark as a column', () => {
    const source = '\ufeff<a><b/></a>';
    expect(positionsOf(source)(source.indexOf('<b/>'))).toEqual({ line: 1, column: 4 });
  });

  it('does not count a byte order mark as a column when the text is indexed a piece at a time', () => {
    const lines = new LineIndex();
    lines.add('\ufeff<a>');
    lines.add('<b/>\n<c/>');
    expect(lines.at(4)).toEqual({ line: 1, column: 4 });
    expect(lines.at(9)).toEqual({ line: 2, column: 1 });
  });

  it('counts columns in UTF-16 code units, as the validator and editors do', () => {
    const source = '<a>😀<b/></a>';
    expect(positionsOf(source)(source.indexOf('<b/>'))).toEqual({ line: 1, column: 6 });
  });
});

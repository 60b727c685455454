import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check/check.js';
import { jsonErrorOffset } from '../../src/check/json-locate.js';
import { RULES, type Rule } from '../../src/check/rules/index.js';
import { ATOM_NS } from '../../src/vocabulary/formats.js';

const NOW = Date.UTC(2026, 0, 1);
const OUTPUT = join(import.meta.dirname, '..', '..', 'output');

const RSS = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="${ATOM_NS}">
  <channel>
    <title>Harbor Notes</title>
    <link>https://notes.example.org/</link>
    <description>Short notes.</description>
    <atom:link href="https://notes.example.org/feed.xml" rel="self" type="application/rss+xml"/>
    <language>en</language>
${items}  </channel>
</rss>
`;

describe('check', () => {
  it('finds the format of a document from its content', () => {
    expect(check(RSS(''), { file: 'a', now: NOW }).format).toBe('rss');
    expect(check(`<feed xmlns="${ATOM_NS}"/>`, { file: 'a', now: NOW }).format).toBe('atom');
    expect(check('\ufeff  {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}', { file: 'a', now: NOW })).toEqual({ format: 'json', diagnostics: [] });
    expect(check('<html><body/></html>', { file: 'a', now: NOW }).format).toBeUndefined();
  });

  it('passes the project\'s own output with no diagnostic at all', () => {
    for (const name of ['feed.xml', 'atom.xml', 'feed.json']) {
      const result = check(readFileSync(join(OUTPUT, name), 'utf8'), { file: name, now: NOW });
      expect(result.diagnostics, name).toEqual([]);
    }
  });

  it('reports the line and column fast-xml-parser\'s validator gives for a document that is not well-formed', () => {
    const text = RSS('    <item>\n      <title>Capelin & cod</title>\n    </item>\n');
    const [d, ...rest] = check(text, { file: 'feed.xml', now: NOW }).diagnostics;
    expect(rest).toEqual([]);
    // Line 10 is `      <title>Capelin & cod</title>`: the "&" is its 22nd character.
    expect(d).toMatchObject({ file: 'feed.xml', line: 10, column: 22, ruleId: 'feed/well-formed', severity: 'error' });
  });

  it('reports a JSON syntax error at the character where the text stops being JSON', () => {
    const text = '{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title": }\n';
    const [d] = check(text, { file: 'feed.json', now: NOW }).diagnostics;
    expect(d).toMatchObject({ line: 3, column: 12, ruleId: 'feed/well-formed' });
    expect(d!.message).toContain('is not valid JSON');
  });

  it('says an empty file is empty, not a parser message', () => {
    expect(check(' \n', { file: 'feed.xml', now: NOW }).diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'feed/well-formed', severity: 'error', message: expect.stringContaining('is empty') }),
    ]);
  });

  it('points each diagnostic at the element it is about, counting lines and columns from 1', () => {
    const text = RSS('    <item>\n      <link>https://notes.example.org/a/</link>\n    </item>\n\t<item><title>B</title><author>Desk</author></item>\n');
    const found = check(text, { file: 'feed.xml', now: NOW }).diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`);
    expect(found).toEqual(['9:5 rss/item-title-or-description', '12:24 rss/author-email']);
  });

  it('sorts diagnostics in document order, whatever order the rules found them in', () => {
    const text = RSS('    <item><title>A</title><pubDate>yesterday</pubDate></item>\n').replace('    <language>en</language>\n', '');
    const lines = check(text, { file: 'f', now: NOW }).diagnostics.map((d) => d.line!);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines.length).toBe(2);
  });

  it('measures the future from the "now" it is given', () => {
    const text = RSS('    <item><title>A</title><pubDate>Thu, 01 Jan 2026 12:00:00 +0000</pubDate></item>\n');
    const future = (now: number) => check(text, { file: 'f', now }).diagnostics.filter((d) => d.ruleId === 'feed/implausible-date').length;
    expect(future(Date.UTC(2025, 11, 30))).toBe(1);
    expect(future(Date.UTC(2025, 11, 31, 12))).toBe(0);
  });

  it('reports a reference to a character XML forbids, but not the same text in a CDATA section or a comment', () => {
    const items = [
      '    <item><title>Bell &#7;</title><description><![CDATA[<p>&#1; &#x1;</p>]]></description></item>\n',
      '    <!-- &#1; -->\n',
      '    <item><title>After &#x1;</title><description><![CDATA[<p>ok]]></description></item>\n',
    ].join('');
    const text = RSS(items);
    const found = check(text, { file: 'f', now: NOW }).diagnostics.filter((d) => d.ruleId === 'feed/forbidden-character');
    expect(found.map((d) => d.message.slice(0, 7))).toEqual(['"&#7;" ', '"&#x1;"']);
  });

    it('still reports forbidden characters in a document that does not parse', () => {
    const ids = check(RSS('    <item><title>A\u0001</title>\n'), { file: 'f', now: NOW }).diagnostics.map((d) => d.ruleId);
    expect(ids).toEqual(['feed/forbidden-character', 'feed/well-formed']);
  });

  it('walks each document once: every rule is set up once, and each visitor sees each element once', () => {
    const seen: string[] = [];
    let created = 0;
    const spy: Rule = {
      meta: { id: 'test/spy', severity: 'info', description: 'Counts visits.', spec: '-', w3c: 'None', formats: ['rss'] },
      create: () => {
        created++;
        return { elements: { '*': (el) => void seen.push(el.name), item: (el) => void seen.push(`item@${el.offset}`) } };
      },
    };
    check(RSS('    <item><title>A</title></item>\n    <item><title>B</title></item>\n'), { file: 'f', now: NOW, rules: [...RULES, spy] });
    expect(created).toBe(1);
    expect(seen.filter((s) => s === 'title').length).toBe(3);
    expect(seen.filter((s) => s.startsWith('item@')).length).toBe(2);
    expect(seen.filter((s) => s === 'item').length).toBe(2);
    expect(seen.at(-1)).toBe('rss');
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1,}', 8],
    ['{"a": tru}', 9],
    ['[1, 2', 5],
    ['{"a": "\\x"}', 8],
    ['{"a": 1} x', 9],
    ['{"a": 01}', 7],
  ])('finds where %s stops being JSON', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(jsonErrorOffset('\ufeff{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}\n')).toBeUndefined();
  });
});

describe('an Atom 0.3 document', () => {
  it('is said to be deprecated Atom 0.3, with what to convert it to', () => {
    const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'check', 'feed', 'unknown-format', 'fail-atom-0.3.xml'), 'utf8');
    const [only] = check(text, { file: 'old.xml', now: Date.UTC(2026, 0, 1) }).diagnostics;
    expect(only).toMatchObject({ ruleId: 'feed/unknown-format', line: 2 });
    expect(only?.message).toContain('is Atom 0.3');
    expect(only?.message).toContain('convert it to Atom 1.0');
  });
});

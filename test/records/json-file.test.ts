import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { diagnosticsFor, type Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { decodeText } from '../../src/records/text.js';
import { readJson, readJsonFile } from '../../src/records/json.js';

const FILE = 'articles/export.json';

/** How often the whole text of a file was decoded. */
const decoded = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/records/text.js', async (original) => {
  const real = await original<typeof import('../../src/records/text.js')>();
  return { ...real, decodeText: (...args: Parameters<typeof real.decodeText>) => (decoded.count++, real.decodeText(...args)) };
});

/** What the element-at-a-time reader gives for these bytes. */
function fromBytes(bytes: Uint8Array) {
  const diagnostics: Diagnostic[] = [];
  const records = readJsonFile(bytes, 'export', { file: FILE }, diagnosticsFor(FILE, diagnostics), {});
  return { records, diagnostics };
}

/** What the whole-text reader gives for them: the reference. */
function whole(bytes: Uint8Array) {
  const diagnostics: Diagnostic[] = [];
  const text = decodeText(bytes, diagnosticsFor(FILE, diagnostics), { removeForbidden: false });
  const records = text === undefined ? undefined : readJson(text, 'export', { file: FILE }, diagnosticsFor(FILE, diagnostics), {});
  return { records, diagnostics };
}

const record = (i: number) => ({ title: `Report ${i} from Zürich`, slug: `report-${i}`, published: `2024-05-${String(10 + (i % 18)).padStart(2, '0')}T08:00:00+02:00`, tags: ['harbor'], content_html: `<p>Body "${i}" \\ with \u2028 and 😀</p>` });

describe('a JSON export read one element at a time', () => {
  it('gives the records, lines and messages of reading it whole, laid out any way', () => {
    const layouts: ((records: unknown[]) => string)[] = [
      (rs) => JSON.stringify(rs),
      (rs) => JSON.stringify(rs, null, 2),
      (rs) => `\uFEFF${JSON.stringify(rs, null, '\t')}\n`,
      (rs) => JSON.stringify(rs, null, 2).replace(/\n/g, '\r\n'),
      (rs) => `\n\n  [ ${rs.map((r) => JSON.stringify(r, null, 1)).join(' ,\n\n')}\n]  \n`,
    ];
    for (const layout of layouts) {
      const bytes = Buffer.from(layout([record(1), record(2), { ...record(3), layout: "post", draft: "maybe" }, "a string", [1], 42] as unknown[]));
      decoded.count = 0;
      const got = fromBytes(bytes);
      // Never decoded whole: read one element at a time.
      expect(decoded.count).toBe(0);
      expect(got.records?.length).toBe(3);
      expect(got.diagnostics.length).toBe(4);
      expect(got).toEqual(whole(bytes));
      expect(got.diagnostics.map((d) => d.line)).toEqual(whole(bytes).diagnostics.map((d) => d.line));
    }
  });

  it('names the first fault of a file that is not valid JSON on its line, as when read whole', () => {
    const good = JSON.stringify([record(1), record(2)], null, 2);
    const broken = [
      good.replace('"slug"', '"slug" "x"'), // a missing colon inside an element
      good.replace('},\n  {', '}\n  {'), // a missing comma between elements
      good.replace(/\n\]$/, ',\n]'), // a trailing comma
      good + '\n]', // something after the array
      good.slice(0, -40), // cut short
      good.replace('Body', 'Bo\tdy'), // a raw tab in a string
      good.replace('"Report 1', '"Report \\"1'),
      '[]',
      '[ ',
      '',
    ];
    for (const text of broken) {
      const bytes = Buffer.from(text);
      expect(fromBytes(bytes), text.slice(0, 60)).toEqual(whole(bytes));
    }
    expect(fromBytes(Buffer.from(broken[1]!)).diagnostics).toEqual([expect.objectContaining({ ruleId: 'input/json', line: 11 })]);
  });

  it('reads any array of JSON values as reading it whole does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue(), fc.constant(record(7)))), fc.constantFrom(0, 1, 2), (values, indent) => {
        const bytes = Buffer.from(JSON.stringify(values, null, indent));
        expect(fromBytes(bytes)).toEqual(whole(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('says a Windows-1252 export is not UTF-8, as any record file', () => {
    const bytes = Buffer.from('[{"title": "Caf\xe9"}]', 'latin1');
    expect(fromBytes(bytes).diagnostics).toEqual([expect.objectContaining({ ruleId: 'input/not-text', message: expect.stringContaining('Windows-1252') })]);
  });

  it('reads whole, as JSON means it, an element with a key given twice or a key that is not a valid string', () => {
    const twice = Buffer.from(JSON.stringify([record(1)]).replace('"tags":["harbor"]', '"tags":["harbor"],"tags":["river"],"draft":true,"draft":false'));
    expect(fromBytes(twice)).toEqual(whole(twice));
    expect(fromBytes(twice).records?.[0]?.tags).toEqual(['harbor', 'river']);
    const badKey = Buffer.from('[{"title": "T", "bad\\q": 1}]');
    expect(fromBytes(badKey)).toEqual(whole(badKey));
    expect(fromBytes(badKey).diagnostics).toEqual([expect.objectContaining({ ruleId: 'input/json' })]);
  });
});

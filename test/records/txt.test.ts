import { describe, expect, it } from 'vitest';
import { diagnosticsFor, type Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { decodeText } from '../../src/records/text.js';
import { readTxt } from '../../src/records/txt.js';
import { article } from '../helpers.js';

function read(text: string, timezone?: string) {
  const diagnostics: Diagnostic[] = [];
  const report = diagnosticsFor('articles/a.txt', diagnostics);
  const decoded = decodeText(Buffer.from(text, 'utf8'), report);
  const record = decoded === undefined ? undefined : readTxt(decoded, 'a', { file: 'articles/a.txt' }, report, timezone ? { timezone } : {});
  return { record, diagnostics };
}

const WIRE = [
  '2024.05.16 11:55 GMT+8',
  '',
  'Port authority opens a second container terminal',
  '',
  'Updated 2024.05.17 09:45 GMT+8',
  '',
  'Cranes unload the first ship at the new terminal on May 16, 2024. /Harbor Photo',
  '',
  'The port authority opened its second container terminal on Thursday,',
  'doubling the berths available to deep-sea ships.   ',
  '',
  'Officials said the terminal would handle its first full week in June.',
  '',
  'Copyright ©2024 Test Wire',
  '',
].join('\n');

describe('readTxt', () => {
  it('reads the dateline, headline, Updated line, caption, lede and copyright line', () => {
    const { record, diagnostics } = read(WIRE);
    expect(diagnostics).toEqual([]);
    expect(record?.title).toBe('Port authority opens a second container terminal');
    expect(record?.published?.toISO()).toBe('2024-05-16T11:55:00.000+08:00');
    expect(record?.published?.toUTC().toISO()).toBe('2024-05-16T03:55:00.000Z');
    expect(record?.updated?.toUTC().toISO()).toBe('2024-05-17T01:45:00.000Z');
    expect(record?.summary).toBe('The port authority opened its second container terminal on Thursday, doubling the berths available to deep-sea ships.');
    expect(record?.captions).toEqual([{ text: 'Cranes unload the first ship at the new terminal on May 16, 2024.', credit: 'Harbor Photo' }]);
    expect(record?.rights).toBe('Copyright ©2024 Test Wire');
    expect(record?.lines).toMatchObject({ published: 1, title: 3, updated: 5, rights: 14 });
  });

  it('builds escaped HTML from the paragraphs, the caption marked and kept', () => {
    const { record } = read(WIRE);
    expect(record?.contentHtml).toBe(
      '<p class="caption">Cranes unload the first ship at the new terminal on May 16, 2024. /Harbor Photo</p>\n' +
        '<p>The port authority opened its second container terminal on Thursday, doubling the berths available to deep-sea ships.</p>\n' +
        '<p>Officials said the terminal would handle its first full week in June.</p>',
    );
  });

  it('treats the text as text: markup in a paragraph is escaped', () => {
    const { record } = read(article({ body: ['Prices rose <5% & fell later; see <b>table</b>.'] }));
    expect(record?.contentHtml).toBe('<p>Prices rose &lt;5% &amp; fell later; see &lt;b&gt;table&lt;/b&gt;.</p>');
  });

  it('accepts CRLF line ends and a BOM', () => {
    const { record, diagnostics } = read('\uFEFF' + WIRE.replace(/\n/g, '\r\n'));
    expect(diagnostics).toEqual([]);
    expect(record?.title).toBe('Port authority opens a second container terminal');
    expect(record?.rights).toBe('Copyright ©2024 Test Wire');
  });

  it('takes author, tags, link and language from front matter', () => {
    const { record, diagnostics } = read(
      article({ front: 'author: Li Wei <li.wei@example.org>\ntags: [ports, "trade & shipping"]\nlink: https://example.org/x\nlanguage: en-GB' }),
    );
    expect(diagnostics).toEqual([]);
    expect(record?.authors).toEqual([{ name: 'Li Wei', email: 'li.wei@example.org' }]);
    expect(record?.tags).toEqual(['ports', 'trade & shipping']);
    expect(record?.link).toBe('https://example.org/x');
    expect(record?.language).toBe('en-GB');
    expect(record?.lines.published).toBe(8);
  });

  it('refuses a title in front matter: the headline gives it', () => {
    const { diagnostics } = read(article({ front: 'title: Another' }));
    expect(diagnostics[0]).toMatchObject({ line: 2, severity: 'error' });
    expect(diagnostics[0]?.message).toContain('the headline line gives the title');
  });

  it('reports a front matter type error on its own line', () => {
    const { diagnostics } = read(article({ front: 'author: Wire Desk\ntags: 7' }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 3, ruleId: 'input/field-type' });
  });

  it('removes characters XML forbids, with a warning naming the line', () => {
    const { record, diagnostics } = read(article({ title: 'Bell\u0007 rings at noon' }));
    expect(record?.title).toBe('Bell rings at noon');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 3, ruleId: 'input/forbidden-character' })]);
    expect(diagnostics[0]?.message).toContain('U+0007');
  });

  it('refuses a dateline without a zone when none is configured, and accepts it with one', () => {
    const text = article({ dateline: '2024.05.16 11:55' });
    expect(read(text).diagnostics[0]).toMatchObject({ line: 1, ruleId: 'input/dateline' });
    expect(read(text, 'Asia/Shanghai').record?.published?.toISO()).toBe('2024-05-16T11:55:00.000+08:00');
  });

  it('reports a missing dateline, an empty file and a missing headline', () => {
    expect(read('Just a headline\n\nAnd a paragraph.\n').diagnostics[0]?.ruleId).toBe('input/dateline');
    expect(read('').diagnostics[0]?.ruleId).toBe('input/empty');
    expect(read('2024.05.16 11:55 GMT+8\n').diagnostics[0]?.ruleId).toBe('input/missing-title');
  });

  it('does not take a sentence with a slash for a caption', () => {
    const { record } = read(article({ body: ['Trains run every 10 minutes on weekdays and/or holidays.', 'Speeds reach 80 km / h.'] }));
    expect(record?.captions).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { diagnosticsFor, type Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { isRecordName, MAX_RECORD_BYTES, parseRecordFile, type ReadContext } from '../../src/records/index.js';

/** The records of one file, as the build reads it: `file` is its path under the articles folder. */
function read(file: string, text: string | Uint8Array, context: ReadContext = {}) {
  const diagnostics: Diagnostic[] = [];
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const name = file.slice(file.lastIndexOf('/') + 1);
  const records = parseRecordFile(bytes, name, `articles/${file}`, diagnosticsFor(`articles/${file}`, diagnostics), context);
  return { records, record: records[0], diagnostics };
}

const BODY = 'Water levels rose for a third week.\n';

describe('Hugo posts', () => {
  it('reads TOML front matter between "+++" lines, with a local date in the config zone', () => {
    const { record, diagnostics } = read('posts/dam.md', ['+++', 'title = "The dam"', 'date = 2024-07-20T05:00:00', 'slug = "dam-opens"', '+++', '', BODY].join('\n'), { timezone: 'Europe/Lisbon' });
    expect(diagnostics).toEqual([]);
    expect(record?.title).toBe('The dam');
    expect(record?.published?.toISO()).toBe('2024-07-20T05:00:00.000+01:00');
    expect(record?.slug).toBe('dam-opens');
    expect(record?.lines.published).toBe(3);
  });

  it('keeps the offset of a TOML offset date-time, and reads a TOML date as midnight in the config zone', () => {
    const offset = read('a.md', ['+++', 'title = "A"', 'date = 2016-08-19T08:09:26-07:00', '+++', BODY].join('\n'));
    expect(offset.record?.published?.toISO()).toBe('2016-08-19T08:09:26.000-07:00');
    const day = read('b.md', ['+++', 'title = "B"', 'date = 2019-07-30', '+++', BODY].join('\n'), { timezone: 'Asia/Shanghai' });
    expect(day.record?.published?.toISO()).toBe('2019-07-30T00:00:00.000+08:00');
  });

  it('reads YAML front matter after a blank first line', () => {
    const { record, diagnostics } = read('a.md', ['', '---', 'title: After a blank line', 'date: 2017-07-24T18:36:00+02:00', '---', BODY].join('\n'));
    expect(diagnostics).toEqual([]);
    expect(record?.title).toBe('After a blank line');
    expect(record?.lines.published).toBe(4);
  });

  it.each([
    ['posts/my-trip/index.md', 'my-trip'],
    ['posts/my-trip/index.markdown', 'my-trip'],
    ['2024/harbour/index.md', 'harbour'],
    ['posts/index-of-rivers.md', 'index-of-rivers'],
  ])('gives the page bundle %s the slug %s, from its folder', (file, slug) => {
    const { record } = read(file, ['---', 'title: T', 'date: 2024-05-16T11:55:00+08:00', '---', BODY].join('\n'));
    expect(record?.slug).toBe(slug);
  });

  it('gives two bundles different slugs, and keeps a slug the front matter gives', () => {
    const front = (extra: string[]) => ['---', 'title: T', 'date: 2024-05-16T11:55:00+08:00', ...extra, '---', BODY].join('\n');
    expect([read('posts/a/index.md', front([])).record?.slug, read('posts/b/index.md', front([])).record?.slug]).toEqual(['a', 'b']);
    expect(read('posts/a/index.md', front(['slug: chosen'])).record?.slug).toBe('chosen');
  });
});

describe('Jekyll posts', () => {
  const front = (...lines: string[]) => ['---', 'title: Jekyll post', ...lines, '---', '', BODY].join('\n');

  it('reads .markdown files as Markdown', () => {
    expect(isRecordName('2024-05-16-welcome.markdown')).toBe(true);
    const { record, diagnostics } = read('2024-05-16-welcome.markdown', front('date: 2024-05-16 09:00:00 +0200'));
    expect(diagnostics).toEqual([]);
    expect(record?.contentHtml).toBe('<p>Water levels rose for a third week.</p>');
  });

  it.each([
    ['2024-05-16-welcome.md', '2024-05-16T00:00:00.000-04:00', 'welcome'],
    ['2022-1-27-career-update.md', '2022-01-27T00:00:00.000-05:00', 'career-update'],
    ['2022-11-3-x.markdown', '2022-11-03T00:00:00.000-04:00', 'x'],
  ])('dates %s from its name when front matter gives no date: midnight in the config zone', (file, date, slug) => {
    const { record, diagnostics } = read(file, front(), { timezone: 'America/New_York' });
    expect(diagnostics).toEqual([]);
    expect(record?.published?.toISO()).toBe(date);
    expect(record?.slug).toBe(slug);
  });

  it('takes the date from front matter over the name, and the slug from the name without its date', () => {
    const { record } = read('2025-07-09-test.md', front('date: 2025-07-07'), { timezone: 'UTC' });
    expect(record?.published?.toISO()).toBe('2025-07-07T00:00:00.000Z');
    expect(record?.slug).toBe('test');
  });

  it('keeps a slug the front matter gives', () => {
    expect(read('2024-05-16-welcome.md', front('slug: hello'), { timezone: 'UTC' }).record?.slug).toBe('hello');
  });

  it('refuses a date from the name without a configured zone, as a date written without one, naming the file', () => {
    const { records, diagnostics } = read('2024-05-16-welcome.md', front());
    expect(records).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'articles/2024-05-16-welcome.md', ruleId: 'input/date', severity: 'error' })]);
    expect(diagnostics[0]?.message).toContain('the date in its file name: "2024-05-16" has no time zone; set "timezone" in feedwright.config.json');
  });

  it('refuses a name whose date is not a real date', () => {
    const { diagnostics } = read('2023-02-30-x.md', front(), { timezone: 'UTC' });
    expect(diagnostics[0]?.message).toContain('February 2023 has 28 days');
  });

  it('leaves a name that only starts with digits as the slug', () => {
    expect(read('2024-review.md', front('date: 2024-12-31T10:00:00Z')).record?.slug).toBe('2024-review');
  });
});

describe('file sizes', () => {
  it('reads a .json export larger than the cap of a text record', () => {
    const item = (i: number) => `{"slug": "a${i}", "title": "Item ${i}", "published": "2024-05-16T11:55:00+08:00", "content_html": "<p>${'x'.repeat(1000)}</p>"}`;
    const text = `[${Array.from({ length: 11_000 }, (_, i) => item(i)).join(',\n')}]`;
    expect(text.length).toBeGreaterThan(MAX_RECORD_BYTES);
    const { records, diagnostics } = read('export.json', text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(records).toHaveLength(11_000);
  });

  it('refuses a .md file past the cap, saying that it is most likely not an article', () => {
    const { records, diagnostics } = read('huge.md', new Uint8Array(MAX_RECORD_BYTES + 1).fill(0x61));
    expect(records).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'input/too-large', message: expect.stringContaining("one article's text never needs that much") })]);
    expect(diagnostics[0]?.message).not.toContain('feed readers');
  });
});

describe('text in another encoding', () => {
  it('says a Windows-1252 file looks like that encoding, and how to convert it', () => {
    // "Café owners’ protest": é (0xE9) as Latin-1 and ’ (0x92) as Windows-1252 write them.
    const bytes = Uint8Array.from([...new TextEncoder().encode('2024.06.03 09:15 GMT+2\n\nCaf'), 0xe9, ...new TextEncoder().encode(' owners'), 0x92, ...new TextEncoder().encode(' protest\n')]);
    const { diagnostics } = read('cafe.txt', bytes);
    expect(diagnostics).toEqual([expect.objectContaining({ line: 3, ruleId: 'input/not-text' })]);
    expect(diagnostics[0]?.message).toContain('byte 27 (0xE9, "é" in Windows-1252)');
    expect(diagnostics[0]?.message).toContain('looks like Windows-1252 or Latin-1 text');
    expect(diagnostics[0]?.message).toContain('iconv -f windows-1252 -t utf-8 FILE');
  });

  it('still calls a file with a NUL byte binary data', () => {
    const { diagnostics } = read('photo.txt', Uint8Array.from([0x32, 0x30, 0xe9, 0x00, 0x41]));
    expect(diagnostics[0]?.message).toContain('binary data at byte 2');
    expect(diagnostics[0]?.message).not.toContain('iconv');
  });
});

describe('drafts', () => {
  it('reads a draft that is only front matter, as Hugo keeps them, and leaves it a draft', () => {
    const { record, diagnostics } = read('posts/later.md', ['---', 'title: Later', 'date: 2019-06-12T14:24:53-03:00', 'draft: true', '', '---', ''].join('\n'));
    expect(diagnostics).toEqual([]);
    expect(record?.draft).toBe(true);
  });

  it('still refuses a post that is not a draft and has no body', () => {
    const { records, diagnostics } = read('posts/now.md', ['+++', 'title = "Now"', 'date = 2019-06-12', '+++', ''].join('\n'), { timezone: 'UTC' });
    expect(records).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ line: 4, ruleId: 'input/empty-body', message: expect.stringContaining('below the closing "+++"') })]);
  });
});

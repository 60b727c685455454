import { describe, expect, it } from 'vitest';
import { diagnosticsFor, type Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { readJson } from '../../src/records/json.js';
import { readMarkdown } from '../../src/records/md.js';

function md(text: string) {
  const diagnostics: Diagnostic[] = [];
  const record = readMarkdown(text, 'post', { file: 'articles/post.md' }, diagnosticsFor('articles/post.md', diagnostics), {});
  return { record, diagnostics };
}
function json(text: string, timezone?: string) {
  const diagnostics: Diagnostic[] = [];
  const records = readJson(text, 'items', { file: 'articles/items.json' }, diagnosticsFor('articles/items.json', diagnostics), timezone ? { timezone } : {});
  return { records, diagnostics };
}

describe('Markdown records', () => {
  it('reads every field from front matter and renders the body with markdown-it', () => {
    const { record, diagnostics } = md(
      ['---', 'title: A *plain* title', 'published: 2024-05-16T11:55:00+08:00', 'tags: [a, b]', '---', '# Heading', '', 'Some **bold** text & <span class="x">raw html</span>.'].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(record?.title).toBe('A *plain* title');
    expect(record?.published?.toISO()).toBe('2024-05-16T11:55:00.000+08:00');
    expect(record?.contentHtml).toBe('<h1>Heading</h1>\n<p>Some <strong>bold</strong> text &amp; <span class="x">raw html</span>.</p>');
  });

  it('reports a field error on its line inside the file', () => {
    const { diagnostics } = md(['---', 'title: T', 'published: 2024-05-16T11:55:00+08:00', 'draft: maybe', '---', 'Body'].join('\n'));
    expect(diagnostics).toEqual([expect.objectContaining({ line: 4, ruleId: 'input/field-type' })]);
    expect(diagnostics[0]?.message).toContain('"draft" must be true or false; found "maybe"');
  });

  it('reports a bad date on its line, with the reason', () => {
    const { diagnostics } = md(['---', 'title: T', 'published: 2024-03-10 02:30 America/New_York', '---', 'Body'].join('\n'));
    expect(diagnostics[0]).toMatchObject({ line: 3, ruleId: 'input/date' });
    expect(diagnostics[0]?.message).toContain('daylight-saving gap');
  });

  it('refuses a Markdown file without front matter or without a body', () => {
    expect(md('# Just a heading\n').diagnostics[0]?.ruleId).toBe('input/front-matter');
    expect(md('---\ntitle: T\npublished: 2024-05-16T11:55:00Z\n---\n\n').diagnostics[0]?.ruleId).toBe('input/empty-body');
  });

  it('refuses content_html in front matter: the body is the content', () => {
    const { diagnostics } = md('---\ntitle: T\npublished: 2024-05-16T11:55:00Z\ncontent_html: <p>x</p>\n---\nBody\n');
    expect(diagnostics[0]?.message).toContain('the Markdown body after the front matter is the content');
  });
});

describe('JSON records', () => {
  it('reads one object as one record with the file name as its slug', () => {
    const { records, diagnostics } = json('{"title": "T", "published": "2024-05-16T11:55:00+08:00", "content_html": "<p>x</p>"}');
    expect(diagnostics).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records?.[0]).toMatchObject({ slug: 'items', title: 'T', contentHtml: '<p>x</p>' });
  });

  it('reads an array, each record slugged from its title', () => {
    const { records } = json('[{"title": "Café & Bar opens", "date": "2024-05-16", "content_text": "a < b"}, {"title": "Two", "date": "2024-05-17", "content_text": "x", "slug": "second"}]', 'UTC');
    expect(records?.map((r) => r.slug)).toEqual(['cafe-bar-opens', 'second']);
    expect(records?.[0]?.contentHtml).toBe('<p>a &lt; b</p>');
    expect(records?.[0]?.source.line).toBe(1);
  });

  it('names the record index, the field and the line of a wrong type', () => {
    const text = '[\n  {"title": "One", "slug": "one", "published": "2024-05-16T11:55:00Z", "content_text": "x"},\n  {\n    "title": 42,\n    "published": "2024-05-16T11:55:00Z",\n    "content_text": "x"\n  }\n]';
    const { diagnostics } = json(text);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'articles/items.json', line: 4, ruleId: 'input/field-type' })]);
    expect(diagnostics[0]?.message).toBe('record 2 (index 1): "title" must be text; found 42');
  });

  it('refuses a record that is not an object', () => {
    const { diagnostics } = json('[{"title": "One", "published": "2024-05-16T11:55:00Z", "content_text": "x"}, "two"]');
    expect(diagnostics[0]?.message).toContain('record 2 (index 1): must be an object');
  });

  it('refuses invalid JSON with the line of the error', () => {
    const { diagnostics } = json('{\n  "title": "T",\n  "published": "2024-05-16T11:55:00Z",\n}');
    expect(diagnostics[0]).toMatchObject({ ruleId: 'input/json', line: 4 });
  });

  it('refuses a record with no content', () => {
    expect(json('{"title": "T", "published": "2024-05-16T11:55:00Z"}').diagnostics[0]?.ruleId).toBe('input/missing-content');
  });

  it('names unknown fields on the record, for the build to count, and does not refuse them', () => {
    const { records, diagnostics } = json('{"title": "T", "published": "2024-05-16T11:55:00Z", "content_text": "x", "headline": "H"}');
    expect(diagnostics).toEqual([]);
    expect(records?.[0]?.unknownFields).toEqual(['headline']);
  });
});

describe('JSON records with an unreadable date', () => {
  it('get one error, where the date is, and not a second saying the date is missing', async () => {
    const { normalize } = await import('../../src/core/feeds.js');
    const { parseConfig } = await import('../../src/config/config.js');
    const { records, diagnostics } = json('[{"title": "T", "published": "2024-05-16T11:55:00+25:00", "content_text": "x"}]');
    const config = parseConfig('{"title": "T", "siteUrl": "https://e.example", "author": "D"}', 'c.json').config!;
    const model = normalize(records ?? [], config, { utc: false, articlesDir: 'articles' });
    const rules = [...diagnostics, ...model.diagnostics].map((d) => d.ruleId);
    expect(rules).toContain('input/date');
    expect(rules).not.toContain('input/missing-date');
  });
});

import { describe, expect, it } from 'vitest';
import { diagnosticsFor, type Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { readJson } from '../../src/records/json.js';
import { readMarkdown } from '../../src/records/md.js';
import { readPlainRecords } from '../../src/records/plain.js';
import type { ReadContext } from '../../src/vocabulary/record.js';

/** A Markdown record in another tool's style, read with the config's timezone (as those tools read dates without an offset). */
function md(lines: readonly string[], context: ReadContext = { timezone: 'UTC' }) {
  const diagnostics: Diagnostic[] = [];
  const record = readMarkdown(lines.join('\n'), 'post', { file: 'articles/post.md' }, diagnosticsFor('articles/post.md', diagnostics), context);
  return { record, diagnostics };
}
function json(value: unknown, context: ReadContext = {}) {
  const diagnostics: Diagnostic[] = [];
  const records = readJson(JSON.stringify(value, null, 2), 'items', { file: 'articles/items.json' }, diagnosticsFor('articles/items.json', diagnostics), context);
  return { records, diagnostics };
}
const BODY = ['---', '', 'The body.'];

describe('Jekyll front matter', () => {
  it('reads a post as Jekyll means it: categories join tags, excerpt is the summary, last_modified_at the update, permalink the link', () => {
    const { record, diagnostics } = md([
      '---',
      'layout: post',
      'title:  "Our new reservoir"',
      'date: 2024-05-16 11:55:00 +0800',
      'last_modified_at: 2024-05-17 09:45:00 +0800',
      'categories: [Water Works, news]',
      'tags: rivers dams',
      'excerpt: "The dam is finished."',
      'permalink: /2024/05/16/reservoir.html',
      'comments: true',
      ...BODY,
    ]);
    expect(diagnostics).toEqual([]);
    expect(record?.tags).toEqual(['Water Works', 'news', 'rivers', 'dams']);
    expect(record?.summary).toBe('The dam is finished.');
    expect(record?.published?.toISO()).toBe('2024-05-16T11:55:00.000+08:00');
    expect(record?.updated?.toISO()).toBe('2024-05-17T09:45:00.000+08:00');
    expect(record?.link).toBe('/2024/05/16/reservoir.html');
    expect(record?.unknownFields).toEqual(['layout', 'comments']);
  });

  it('splits a category string on spaces, as Jekyll does, without the commas between words', () => {
    const { record } = md(['---', 'title: T', 'date: 2024-05-16', 'category: rivers', 'categories: Jekyll, Ruby, GitHub', ...BODY]);
    expect(record?.tags).toEqual(['rivers', 'Jekyll', 'Ruby', 'GitHub']);
  });

  it('keeps a post with "published: false" out as a draft, and reads a text "published" as the date', () => {
    expect(md(['---', 'title: T', 'date: 2024-05-16', 'published: false', ...BODY]).record?.draft).toBe(true);
    expect(md(['---', 'title: T', 'date: 2024-05-16', 'published: true', ...BODY]).record?.draft).toBe(false);
    expect(md(['---', 'title: T', 'published: 2024-05-16', ...BODY]).record?.published?.toISODate()).toBe('2024-05-16');
  });

  it('is a draft when either "draft: true" or "published: false" says so', () => {
    expect(md(['---', 'title: T', 'date: 2024-05-16', 'draft: false', 'published: false', ...BODY]).record?.draft).toBe(true);
  });

  it("reads jekyll-seo-tag's image object, with or without alt, and an image path as written", () => {
    const withAlt = md(['---', 'title: T', 'date: 2024-05-16', 'image:', '    path: /seo/reservoir.png', '    alt: The dam (1.91:1 aspect ratio)', ...BODY]);
    expect(withAlt.diagnostics).toEqual([]);
    expect(withAlt.record).toMatchObject({ image: '/seo/reservoir.png', photo: { alt: 'The dam (1.91:1 aspect ratio)' } });
    expect(md(['---', 'title: T', 'date: 2024-05-16', 'image: {path: img/dam.jpg}', ...BODY]).record?.image).toBe('img/dam.jpg');
    expect(md(['---', 'title: T', 'date: 2024-05-16', 'image: "/seo/career-update.png"', ...BODY]).record?.image).toBe('/seo/career-update.png');
  });

  it('refuses an image object with a key it does not take, or without a path, naming the line', () => {
    const other = md(['---', 'title: T', 'date: 2024-05-16', 'image:', '  src: /a.png', ...BODY]);
    expect(other.diagnostics).toEqual([expect.objectContaining({ line: 4, ruleId: 'input/field-type', message: expect.stringContaining('"image" has a key "src"') })]);
    const noPath = md(['---', 'title: T', 'date: 2024-05-16', 'image: {alt: A dam}', ...BODY]);
    expect(noPath.diagnostics[0]?.message).toContain('needs a "url"');
  });

  it('reads "modified" as the update only when no other update date is given', () => {
    expect(md(['---', 'title: T', 'date: 2024-05-16', 'modified: 2024-05-18', ...BODY]).record?.updated?.toISODate()).toBe('2024-05-18');
    expect(md(['---', 'title: T', 'date: 2024-05-16', 'modified: 2024-05-18', 'last_modified_at: 2024-05-17', ...BODY]).record?.updated?.toISODate()).toBe('2024-05-17');
  });

  it('leaves a permalink pattern to articlePath, with a warning naming it', () => {
    const { record, diagnostics } = md(['---', 'title: T', 'date: 2024-05-16', 'permalink: /:categories/:year/:title/', ...BODY]);
    expect(record?.link).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'input/link-template', line: 4, message: expect.stringContaining('"articlePath"') })]);
  });

  it('keeps a malformed date an error, naming the key and the line', () => {
    const { diagnostics } = md(['---', 'title: T', 'date: 2024-05-16', 'last_modified_at: last Tuesday', ...BODY]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'input/date', line: 4, message: expect.stringContaining('"last_modified_at"') })]);
  });
});

describe('Hugo front matter', () => {
  it('reads description as the summary, lastmod as the update, images[0] as the image, categories as tags and url as the link', () => {
    const { record, diagnostics } = md([
      '---',
      'title: "Release notes"',
      'date: 2024-05-16T11:55:00+02:00',
      'lastmod: 2024-05-17T08:00:00+02:00',
      'description: >',
      '  What changed.',
      'images:',
      '- images/blog/poster.png',
      '- images/blog/second.png',
      'categories: ["Releases"]',
      'tags: [hugo]',
      'url: /news/release-notes/',
      'draft: false',
      'weight: ',
      'aliases: []',
      ...BODY,
    ]);
    expect(diagnostics).toEqual([]);
    expect(record).toMatchObject({ summary: 'What changed.\n', image: 'images/blog/poster.png', tags: ['Releases', 'hugo'], link: '/news/release-notes/', draft: false });
    expect(record?.updated?.toISO()).toBe('2024-05-17T08:00:00.000+02:00');
    expect(record?.unknownFields).toEqual(['weight', 'aliases']);
  });

  it('prefers summary to description, and date to publishDate', () => {
    const { record, diagnostics } = md(['---', 'title: T', 'date: 2024-05-16', 'publishDate: 2024-05-20', 'summary: Short.', 'description: Longer.', ...BODY]);
    expect(diagnostics).toEqual([]);
    expect(record?.summary).toBe('Short.');
    expect(record?.published?.toISODate()).toBe('2024-05-16');
  });

  it('reads publishDate and expiryDate in any case, as Hugo does', () => {
    const { record, diagnostics } = md(['---', 'title: T', 'publishdate: 2019-06-12T14:24:53-03:00', 'expirydate: 2030-01-01T04:00:00.000+00:00', ...BODY]);
    expect(diagnostics).toEqual([]);
    expect(record?.published?.toISO()).toBe('2019-06-12T14:24:53.000-03:00');
    expect(record?.expires).toBe(Date.UTC(2030, 0, 1, 4));
  });

  it('takes an empty value Hugo writes for "none" as not given', () => {
    const { record, diagnostics } = md(['---', 'title: T', 'date: 2024-05-16', 'lastmod: ""', 'description: ""', 'images: []', 'categories: []', ...BODY]);
    expect(diagnostics).toEqual([]);
    for (const field of ['updated', 'summary', 'image', 'tags']) expect(record).not.toHaveProperty(field);
  });

  it('refuses two names of the same rank for one field, as the same field given twice', () => {
    const { diagnostics } = md(['---', 'title: T', 'date: 2024-05-16', 'lastmod: 2024-05-17', 'last_modified_at: 2024-05-18', ...BODY]);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'input/duplicate-field', line: 5, message: expect.stringContaining('"last_modified_at" and "lastmod"') })]);
  });
});

describe('Eleventy and Astro front matter', () => {
  it("reads the Astro blog starter's pubDate, updatedDate, heroImage and description", () => {
    const { record, diagnostics } = md(['---', "title: 'First post'", "description: 'Lorem ipsum dolor sit amet'", "pubDate: '2025-01-15'", "updatedDate: '2025-01-16'", "heroImage: '/blog-placeholder-3.jpg'", ...BODY]);
    expect(diagnostics).toEqual([]);
    expect(record).toMatchObject({ summary: 'Lorem ipsum dolor sit amet', image: '/blog-placeholder-3.jpg' });
    expect(record?.published?.toISODate()).toBe('2025-01-15');
    expect(record?.updated?.toISODate()).toBe('2025-01-16');
  });
});

describe('URLs and paths', () => {
  it('keeps root-relative and relative paths for the image, the link and attachments as written', () => {
    const { records, diagnostics } = json({
      title: 'T',
      published: '2024-05-16T11:55:00Z',
      content_text: 'x',
      image: 'dam.jpg',
      link: '/articles/dam/',
      attachments: [{ url: '/media/talk.mp3' }],
    });
    expect(diagnostics).toEqual([]);
    expect(records?.[0]).toMatchObject({ image: 'dam.jpg', link: '/articles/dam/', attachments: [{ url: '/media/talk.mp3' }] });
  });

  it('refuses a scheme other than http(s), and a path with a space, naming the field', () => {
    const { diagnostics } = json({ title: 'T', published: '2024-05-16T11:55:00Z', content_text: 'x', image: 'javascript:alert(1)', link: '/a b/' });
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('"image" must be an absolute http(s) URL or a path'),
      expect.stringContaining('"link" must be an absolute http(s) URL or a path'),
    ]);
  });
});

describe('Attachments', () => {
  const record = (attachments: unknown) => json({ title: 'T', published: '2024-05-16T11:55:00Z', content_text: 'x', slug: 't', attachments });

  it("take JSON Feed's keys, keeping every value given", () => {
    const { records, diagnostics } = record([{ url: 'https://e.example/ep1.mp3', mime_type: 'audio/mpeg', title: 'Episode 1', size_in_bytes: 2048, duration_in_seconds: 1830 }]);
    expect(diagnostics).toEqual([]);
    expect(records?.[0]?.attachments).toEqual([{ url: 'https://e.example/ep1.mp3', type: 'audio/mpeg', title: 'Episode 1', length: 2048, durationInSeconds: 1830 }]);
  });

  it("take feedwright's type and length", () => {
    expect(record([{ url: 'https://e.example/a.mp3', type: 'audio/mpeg', length: 10 }]).records?.[0]?.attachments).toEqual([{ url: 'https://e.example/a.mp3', type: 'audio/mpeg', length: 10 }]);
  });

  it('refuse a key that is neither, naming it', () => {
    const { diagnostics } = record([{ url: 'https://e.example/a.mp3', bytes: 10 }]);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'input/field-type', message: expect.stringContaining('"attachments" item 1 has a key "bytes"') })]);
  });

  it('refuse both names of one value, and a duration that is not a number of seconds', () => {
    expect(record([{ url: 'https://e.example/a.mp3', type: 'audio/mpeg', mime_type: 'audio/mpeg' }]).diagnostics[0]?.ruleId).toBe('input/duplicate-field');
    expect(record([{ url: 'https://e.example/a.mp3', duration_in_seconds: '30:30' }]).diagnostics[0]?.message).toContain('"duration_in_seconds" must be a number of seconds');
  });
});

describe('Fields feedwright does not use', () => {
  const post = ['---', 'title: T', 'date: 2024-05-16', 'layout: post', 'toc: true', 'layout2: x', ...BODY];

  it('are named on the record, once each, and are no error, by default', () => {
    const { record, diagnostics } = md(post);
    expect(diagnostics).toEqual([]);
    expect(record?.unknownFields).toEqual(['layout', 'toc', 'layout2']);
  });

  it('are named on the record with "ignore" too, for the build to decide', () => {
    expect(md(post, { timezone: 'UTC', unknownFields: 'ignore' }).record?.unknownFields).toEqual(['layout', 'toc', 'layout2']);
  });

  it('are an error per key, on its line, with "error"', () => {
    const { diagnostics } = md(post, { timezone: 'UTC', unknownFields: 'error' });
    expect(diagnostics.map((d) => [d.line, d.ruleId])).toEqual([
      [4, 'input/unknown-field'],
      [5, 'input/unknown-field'],
      [6, 'input/unknown-field'],
    ]);
    expect(diagnostics[0]?.message).toContain('unknown field "layout"');
  });

  it('include a misspelled key of our own, with no special treatment', () => {
    expect(md(['---', 'title: T', 'date: 2024-05-16', 'sumary: S', ...BODY]).record?.unknownFields).toEqual(['sumary']);
  });

  it('are named on a record the library is given, as on a file', () => {
    const diagnostics: Diagnostic[] = [];
    const [record] = readPlainRecords([{ title: 'T', published: '2024-05-16T11:55:00Z', content_text: 'x', slug: 't', layout: 'post' }], {}, diagnostics);
    expect(diagnostics).toEqual([]);
    expect(record?.unknownFields).toEqual(['layout']);
    readPlainRecords([{ title: 'T', published: '2024-05-16T11:55:00Z', content_text: 'x', slug: 't', layout: 'post' }], { unknownFields: 'error' }, diagnostics);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'records[0]', ruleId: 'input/unknown-field' })]);
  });

  it('do not hide a malformed value of a field feedwright uses', () => {
    const { diagnostics } = md(['---', 'title: T', 'date: 2024-05-16', 'layout: post', 'draft: maybe', ...BODY]);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'input/field-type', line: 5 })]);
  });
});

describe('Ids made from titles', () => {
  it('are one warning per file, saying how to keep the id when the title changes', () => {
    const item = (title: string) => ({ title, published: '2024-05-16T11:55:00Z', content_text: 'x' });
    const { diagnostics } = json([item('One'), { ...item('Two'), slug: 'two' }, item('Three')]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', ruleId: 'input/id-from-title', line: 2, message: expect.stringContaining('2 records (the first: index 0) have no "slug" and no "id"') }),
    ]);
    expect(diagnostics[0]?.message).toContain('give each record a "slug" (such as "one") or an "id"');
  });

  it('are no warning for a record with an id, or a single record in its file (its slug is the file name)', () => {
    expect(json([{ title: 'One', published: '2024-05-16T11:55:00Z', content_text: 'x', id: 'urn:x:1' }]).diagnostics).toEqual([]);
    expect(json({ title: 'One', published: '2024-05-16T11:55:00Z', content_text: 'x' }).diagnostics).toEqual([]);
  });

  it("are one warning for the library's records, naming them as records", () => {
    const diagnostics: Diagnostic[] = [];
    readPlainRecords([{ title: 'One', published: '2024-05-16T11:55:00Z', content_text: 'x' }], {}, diagnostics);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'records', ruleId: 'input/id-from-title', message: expect.stringContaining('record 1 (index 0) has') })]);
  });
});

describe('Hugo theme keys', () => {
  it('read featured_image as the image when nothing else gives one, and an empty authors list as none given', () => {
    const { record, diagnostics } = md(['---', 'title: T', 'date: 2024-05-16', 'featured_image: "decisions-1.jpg"', 'authors: []', ...BODY]);
    expect(diagnostics).toEqual([]);
    expect(record?.image).toBe('decisions-1.jpg');
    expect(record).not.toHaveProperty('authors');
    expect(record?.lines).not.toHaveProperty('authors');
  });
});

describe('Dates given as Date values', () => {
  it('are read from their ISO text, as a TOML date is, and an invalid one is an error naming the key', () => {
    const diagnostics: Diagnostic[] = [];
    const [good] = readPlainRecords([{ title: 'T', slug: 't', content_text: 'x', published: new Date(Date.UTC(2024, 4, 16)), lastmod: new Date(Date.UTC(2024, 4, 17)) }], {}, diagnostics);
    expect(diagnostics).toEqual([]);
    expect(good?.updated?.toISO()).toBe('2024-05-17T00:00:00.000Z');
    readPlainRecords([{ title: 'T', slug: 't', content_text: 'x', published: '2024-05-16T00:00:00Z', lastmod: new Date('nonsense') }], {}, diagnostics);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'input/date', message: expect.stringContaining('"lastmod"') })]);
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config/config.js';
import { renderAndProve } from '../../src/core/documents.js';
import { normalize } from '../../src/core/feeds.js';
import { FORMATS } from '../../src/render/feeds.js';
import type { ArticleRecord } from '../../src/vocabulary/record.js';
import type { FeedFormat } from '../../src/vocabulary/types.js';
import { render as renderAtom } from '../../src/render/atom.js';
import { render as renderJsonFeed } from '../../src/render/json-feed.js';
import { render as renderRss } from '../../src/render/rss.js';
import { BASE_CONFIG, makeFeed } from '../helpers.js';

const config = (extra: object = {}): Config => parseConfig(JSON.stringify({ ...BASE_CONFIG, ...extra }), 'feedwright.config.json').config!;
const record = (slug: string, extra: Partial<ArticleRecord> = {}): ArticleRecord => ({
  source: { file: `articles/${slug}.md`, line: 1 },
  lines: {},
  slug,
  title: `Title of ${slug}`,
  published: DateTime.fromISO('2024-05-16T11:55:00+08:00', { setZone: true }),
  contentHtml: '<p>The harbour opened at dawn &amp; the cranes moved.</p>\n<!--more-->\n<p>More <b>detail</b> here.</p>',
  ...extra,
});

/** Each format's document as a build writes it, and what its proof found. */
function publish(records: ArticleRecord[], extra: object = {}): Record<FeedFormat, { text: string; proof: string[] }> {
  const made = config(extra);
  const { feed, diagnostics } = normalize(records, made, { utc: false, articlesDir: 'articles' });
  expect(diagnostics).toEqual([]);
  return Object.fromEntries(
    FORMATS.map((format) => {
      const { file, proven } = renderAndProve(feed!, made, { outDir: 'output' }, format);
      return [format, { text: Buffer.concat(file.bytes).toString('utf8'), proof: proven.filter((d) => d.severity === 'error').map((d) => d.message) }];
    }),
  ) as Record<FeedFormat, { text: string; proof: string[] }>;
}

describe('summaries in every item', () => {
  it('gives an item with content and no summary a description before its content:encoded, and no <!--more-->', () => {
    const { rss, atom, json } = publish([record('a')]);
    expect(rss.proof).toEqual([]);
    expect(rss.text).toMatch(/<description>The harbour opened at dawn &amp;amp; the cranes moved\.<\/description>\n\s*<content:encoded>/);
    expect(rss.text).not.toContain('more--');
    expect(atom.text).toContain('<summary type="html">The harbour opened at dawn &amp;amp; the cranes moved.</summary>');
    expect(atom.text).not.toContain('more--');
    const item = JSON.parse(json.text).items[0];
    expect(item.summary).toBe('The harbour opened at dawn & the cranes moved.');
    expect(item.content_html).toBe('<p>The harbour opened at dawn &amp; the cranes moved.</p>\n<p>More <b>detail</b> here.</p>');
  });

  it("keeps the record's own summary over one made from its body", () => {
    const item = JSON.parse(publish([record('a', { summary: 'Given.' })]).json.text).items[0];
    expect(item.summary).toBe('Given.');
  });

  it('puts the description before content:encoded in every item', () => {
    const { rss } = publish([record('a'), record('b', { summary: 'Given.' }), record('c', { contentHtml: '<p>One paragraph only.</p>' })]);
    const items = rss.text.split('<item>').slice(1);
    expect(items).toHaveLength(3);
    for (const item of items) expect(item.indexOf('<description>')).toBeGreaterThan(-1);
    for (const item of items) expect(item.indexOf('<description>')).toBeLessThan(item.indexOf('<content:encoded>'));
  });
});

describe('the config key "content"', () => {
  it('is "full" by default: every format carries the content', () => {
    const { rss, atom, json } = publish([record('a')]);
    expect(rss.text).toContain('<content:encoded>');
    expect(atom.text).toContain('<content type="html">');
    expect(JSON.parse(json.text).items[0].content_html).toBeDefined();
  });

  it('with "summary", carries summaries only, and every proof passes', () => {
    const { rss, atom, json } = publish([record('a'), record('b', { summary: 'Given & kept.' })], { content: 'summary' });
    for (const format of [rss, atom, json]) expect(format.proof).toEqual([]);
    expect(rss.text).not.toContain('<content:encoded>');
    expect(rss.text).toContain('<description>Given &amp;amp; kept.</description>');
    expect(atom.text).not.toContain('<content');
    expect(atom.text).toContain('<summary type="html">Given &amp;amp; kept.</summary>');
    const items = JSON.parse(json.text).items as Record<string, unknown>[];
    expect(items.map((i) => i.content_text)).toEqual(['The harbour opened at dawn & the cranes moved.', 'Given & kept.']);
    for (const item of items) expect(item).not.toHaveProperty('content_html');
  });

  it('accepts only "full" or "summary"', () => {
    const { config: made, diagnostics } = parseConfig(JSON.stringify({ ...BASE_CONFIG, content: 'excerpt' }), 'feedwright.config.json');
    expect(made).toBeUndefined();
    expect(diagnostics[0]?.message).toMatch(/^"content" must be "full"/);
  });
});

describe('the config key "id" in the documents', () => {
  it('with "link", writes the link as a permalink guid in RSS, and as the id in Atom and JSON Feed', () => {
    const { rss, atom, json } = publish([record('a')], { id: 'link' });
    for (const format of [rss, atom, json]) expect(format.proof).toEqual([]);
    expect(rss.text).toContain('<guid isPermaLink="true">https://wire.example.org/articles/a/</guid>');
    expect(atom.text).toContain('<id>https://wire.example.org/articles/a/</id>');
    expect(JSON.parse(json.text).items[0].id).toBe('https://wire.example.org/articles/a/');
  });
});

describe('the renderers, on an entry with no content', () => {
  it('leave the content element out of RSS and Atom, and write the summary as JSON Feed content_text', () => {
    const feed = makeFeed([{ contentHtml: '', summary: 'Only <this>.' }, { contentHtml: '', summary: undefined }]);
    const rss = renderRss(feed);
    expect(rss).not.toContain('content:encoded>');
    expect(rss).toContain('<description>Only &amp;lt;this&amp;gt;.</description>');
    expect(renderAtom(feed)).not.toMatch(/<content[ >]/);
    const items = JSON.parse(renderJsonFeed(feed)).items as Record<string, unknown>[];
    expect(items.map((i) => [i.content_text, i.content_html])).toEqual([
      ['Only <this>.', undefined],
      ['', undefined],
    ]);
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config/config.js';
import { normalize } from '../../src/core/feeds.js';
import { mediaUrls } from '../../src/model/place.js';
import type { ArticleRecord } from '../../src/vocabulary/record.js';
import { BASE_CONFIG } from '../helpers.js';

const config = (extra: object = {}): Config => parseConfig(JSON.stringify({ ...BASE_CONFIG, ...extra }), 'feedwright.config.json').config!;
const record = (slug: string, published: string, extra: Partial<ArticleRecord> = {}): ArticleRecord => ({
  source: { file: `articles/${slug}.md`, line: 1 },
  lines: {},
  slug,
  title: `Title of ${slug}`,
  published: DateTime.fromISO(published, { setZone: true }),
  contentHtml: '<p>Body</p>',
  ...extra,
});
const entryOf = (r: ArticleRecord, extra: object = {}) => {
  const { feed, diagnostics } = normalize([r], config(extra), { utc: false, articlesDir: 'articles' });
  expect(diagnostics).toEqual([]);
  return feed!.entries[0]!;
};

describe('articlePath with the date', () => {
  it('fills in {year}, {month} and {day} with two-digit months and days, as Jekyll and Hugo write their URLs', () => {
    const e = entryOf(record('first-post', '2024-03-05T10:00:00+02:00'), { articlePath: '/news/{year}/{month}/{day}/{slug}/' });
    expect(e.link).toBe('https://wire.example.org/news/2024/03/05/first-post/');
  });

  it('takes the day in the offset the author wrote when the config has no timezone', () => {
    const e = entryOf(record('late', '2024-05-16T23:30:00-07:00'), { articlePath: '/{year}/{month}/{day}/{slug}.html' });
    expect(e.link).toBe('https://wire.example.org/2024/05/16/late.html');
  });

  it('takes the day in the config timezone when it has one', () => {
    const e = entryOf(record('late', '2024-05-16T23:30:00-07:00'), { articlePath: '/{year}/{month}/{day}/{slug}/', timezone: 'Europe/Berlin' });
    expect(e.link).toBe('https://wire.example.org/2024/05/17/late/');
  });

  it('fills in a placeholder written twice, every time', () => {
    expect(entryOf(record('a', '2024-01-02T00:00:00Z'), { articlePath: '/{year}/{slug}/{year}/' }).link).toBe('https://wire.example.org/2024/a/2024/');
  });

  it('is refused with a placeholder it does not know, naming it', () => {
    const { config: made, diagnostics } = parseConfig(JSON.stringify({ ...BASE_CONFIG, articlePath: '/{yyyy}/{slug}/' }), 'feedwright.config.json');
    expect(made).toBeUndefined();
    expect(diagnostics[0]?.message).toContain('"{yyyy}"');
  });

  it('still needs {slug}', () => {
    const { diagnostics } = parseConfig(JSON.stringify({ ...BASE_CONFIG, articlePath: '/{year}/{month}/' }), 'feedwright.config.json');
    expect(diagnostics[0]?.message).toContain('holds "{slug}"');
  });
});

describe('the config key "id"', () => {
  it('makes tag URIs by default', () => {
    expect(entryOf(record('a', '2024-01-02T00:00:00Z')).id).toBe('tag:wire.example.org,2024-01-02:a');
  });

  it('with "link", makes each id the item\'s link', () => {
    const e = entryOf(record('a', '2024-01-02T00:00:00Z'), { id: 'link', articlePath: '/{year}/{month}/{day}/{slug}/' });
    expect(e.id).toBe('https://wire.example.org/2024/01/02/a/');
    expect(e.id).toBe(e.link);
  });

  it('with "link", keeps an id the record gives', () => {
    expect(entryOf(record('a', '2024-01-02T00:00:00Z', { id: 'urn:uuid:1' }), { id: 'link' }).id).toBe('urn:uuid:1');
  });

  it('accepts only "tag" or "link"', () => {
    const { config: made, diagnostics } = parseConfig(JSON.stringify({ ...BASE_CONFIG, id: 'url' }), 'feedwright.config.json');
    expect(made).toBeUndefined();
    expect(diagnostics[0]?.message).toMatch(/^"id" must be "tag"/);
  });

  it('reports two records whose links are the same once, not once for the link and once for the id', () => {
    const r = (slug: string) => record(slug, '2024-01-02T00:00:00Z', { link: '/same/' });
    const { feed, diagnostics } = normalize([r('a'), r('b')], config({ id: 'link' }), { utc: false, articlesDir: 'articles' });
    expect(feed).toBeUndefined();
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['input/duplicate-id']);
  });
});

describe('links and media given as paths', () => {
  it('resolves a root-relative link (Jekyll permalink, Hugo url) under siteUrl, its path included', () => {
    const e = entryOf(record('a', '2024-01-02T00:00:00Z', { link: '/2024/01/a.html' }), { siteUrl: 'https://wire.example.org/blog/' });
    expect(e.link).toBe('https://wire.example.org/blog/2024/01/a.html');
  });

  it('resolves a relative link under siteUrl', () => {
    expect(entryOf(record('a', '2024-01-02T00:00:00Z', { link: 'posts/a/' })).link).toBe('https://wire.example.org/posts/a/');
  });

  it('keeps an absolute link as written', () => {
    expect(entryOf(record('a', '2024-01-02T00:00:00Z', { link: 'https://elsewhere.example.com/a?x=1' })).link).toBe('https://elsewhere.example.com/a?x=1');
  });

  it('resolves a root-relative image under siteUrl', () => {
    const e = entryOf(record('a', '2024-01-02T00:00:00Z', { image: '/img/x.png' }));
    expect(e.image).toEqual({ url: 'https://wire.example.org/img/x.png', type: 'image/png' });
  });

  it("resolves a page bundle's relative image against the article's link, so that its cover is in its own folder", () => {
    const bundle = (image: string) => record('my-trip', '2024-01-02T00:00:00Z', { image, source: { file: 'articles/posts/my-trip/index.md', line: 1 } });
    expect(entryOf(bundle('cover.jpg'), { articlePath: '/posts/{slug}/' }).image?.url).toBe('https://wire.example.org/posts/my-trip/cover.jpg');
    expect(entryOf(bundle('../a.jpg'), { articlePath: '/posts/{slug}/' }).image?.url).toBe('https://wire.example.org/posts/a.jpg');
    const markdown = { ...bundle('cover.jpg'), source: { file: 'articles/my-trip/INDEX.markdown', line: 1 } };
    expect(entryOf(markdown, { articlePath: '/posts/{slug}/' }).image?.url).toBe('https://wire.example.org/posts/my-trip/cover.jpg');
  });

  it("resolves another record's relative image under siteUrl, as jekyll-seo-tag and Hugo's absURL do", () => {
    const e = entryOf(record('post', '2024-01-02T00:00:00Z', { image: 'images/card.png' }), { siteUrl: 'https://wire.example.org/blog', articlePath: '/posts/{slug}/' });
    expect(e.image?.url).toBe('https://wire.example.org/blog/images/card.png');
  });

  it("resolves attachments' paths the same way, and takes their type from the resolved URL", () => {
    const e = entryOf(
      record('ep', '2024-01-02T00:00:00Z', { source: { file: 'articles/ep/index.md', line: 1 }, attachments: [{ url: 'ep.mp3' }, { url: '/audio/b.ogg', length: 3 }] }),
    );
    expect(e.attachments).toEqual([
      { url: 'https://wire.example.org/articles/ep/ep.mp3', type: 'audio/mpeg' },
      { url: 'https://wire.example.org/audio/b.ogg', type: 'audio/ogg', length: 3 },
    ]);
  });

  it('gives a protocol-relative URL the scheme of siteUrl', () => {
    expect(entryOf(record('a', '2024-01-02T00:00:00Z', { image: '//cdn.example.net/a.gif' })).image?.url).toBe('https://cdn.example.net/a.gif');
  });

  it('measures a resolved path: the media sizes are by absolute URL', () => {
    const r = record('a', '2024-01-02T00:00:00Z', { image: 'cover.jpg', source: { file: 'articles/a/index.md', line: 1 } });
    const made = config();
    const urls = mediaUrls(made)(r);
    expect(urls).toEqual(['https://wire.example.org/articles/a/cover.jpg']);
    const { feed } = normalize([r], made, { utc: false, articlesDir: 'articles', mediaSizes: new Map([[urls[0]!, 1234]]) });
    expect(feed?.entries[0]?.image?.length).toBe(1234);
  });
});

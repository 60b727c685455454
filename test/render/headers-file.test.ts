import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILES } from '../../src/config/config.js';
import { render } from '../../src/render/headers-file.js';
import { mediaTypeOf } from '../../src/vocabulary/output-media.js';
import { BASE_CONFIG, article, cli, makeProject } from '../helpers.js';

describe('_headers', () => {
  it('gives each feed its media type and the default Cache-Control, under the path of the feed URL', () => {
    expect(render({ feedUrl: 'https://example.com/', files: DEFAULT_FILES })).toBe(
      [
        '# Response headers for the feeds, written by feedwright; read by Netlify and Cloudflare Pages.',
        '/feed.xml',
        '  Content-Type: application/rss+xml; charset=utf-8',
        '  Cache-Control: public, max-age=300',
        '  X-Content-Type-Options: nosniff',
        '/atom.xml',
        '  Content-Type: application/atom+xml; charset=utf-8',
        '  Cache-Control: public, max-age=300',
        '  X-Content-Type-Options: nosniff',
        '/feed.json',
        '  Content-Type: application/feed+json; charset=utf-8',
        '  Cache-Control: public, max-age=300',
        '  X-Content-Type-Options: nosniff',
        '',
      ].join('\n'),
    );
  });

  it('follows the configured file names, Cache-Control, feed folder and stylesheet', () => {
    const text = render({ feedUrl: 'https://example.com/news/feeds/', files: { ...DEFAULT_FILES, rss: 'rss 2.xml' }, stylesheetFile: 'feed.xsl', cacheControl: 'max-age=60' });
    expect(text).toContain('/news/feeds/rss%202.xml\n  Content-Type: application/rss+xml; charset=utf-8\n  Cache-Control: max-age=60\n');
    expect(text).toContain('/news/feeds/feed.xsl\n  Content-Type: text/xsl; charset=utf-8\n');
  });
});

describe('_headers of a feed set', () => {
  it("gives each head its rules, and each feed's archive pages a year of caching", () => {
    const text = render({ feedUrl: 'https://example.com/news/', files: DEFAULT_FILES, folders: ['', 'tags/são-paulo/'], archives: true });
    expect(text).toContain('/news/tags/s%C3%A3o-paulo/feed.json\n  Content-Type: application/feed+json; charset=utf-8\n  Cache-Control: public, max-age=300\n');
    expect(text).toContain('/news/archive/*\n  Cache-Control: public, max-age=31536000, immutable\n  X-Content-Type-Options: nosniff\n');
    expect(text).toContain('/news/tags/s%C3%A3o-paulo/archive/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    // A head's rule is its own path: no pattern of a page reaches it.
    expect(text.split('\n').filter((line) => line.startsWith('/')).length).toBe(8);
  });
});

describe('mediaTypeOf', () => {
  it('types feeds by their configured names and the rest by extension', () => {
    const names = { files: DEFAULT_FILES, stylesheetFile: 'feed.xsl' };
    expect(mediaTypeOf('feed.xml', names)).toEqual({ contentType: 'application/rss+xml; charset=utf-8', format: 'rss', compressible: true });
    expect(mediaTypeOf('other.xml', names)).toEqual({ contentType: 'application/xml; charset=utf-8', compressible: true });
    expect(mediaTypeOf('feed.xml.gz', names)).toEqual({ contentType: 'application/gzip', compressible: false });
    expect(mediaTypeOf('photo.JPG', names)).toEqual({ contentType: 'image/jpeg', compressible: false });
    expect(mediaTypeOf('LICENSE', names)).toEqual({ contentType: 'application/octet-stream', compressible: false });
  });
});

describe('build with "headers": true', () => {
  it('is written under "headers": true with the media type and Cache-Control of each feed', async () => {
    const dir = await makeProject({ 'articles/a.txt': article() }, { ...BASE_CONFIG, headers: true, cacheControl: 'public, max-age=120' });
    expect((await cli(['build'], dir)).stdout).toContain('wrote feed.xml, atom.xml, feed.json, _headers');
    expect(await readFile(join(dir, 'output/_headers'), 'utf8')).toContain('/atom.xml\n  Content-Type: application/atom+xml; charset=utf-8\n  Cache-Control: public, max-age=120\n');
  });
});

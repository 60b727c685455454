import { mkdir, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FILES } from '../../src/config/config.js';
import { serve, type ServeOptions, type Serving } from '../../src/serve/server.js';
import { Staging } from '../../src/write/publish.js';
import { fetchRaw } from './http.js';
import { tempDir } from '../temp.js';

const RSS = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire &#x26; Co</title></channel></rss>\n';
const ATOM = '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title></feed>\n';
const JSON_FEED = '{"version":"https://jsonfeed.org/version/1.1","title":"Wire","items":[]}\n';
const SECRET = 'the secret outside the output folder';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let parent: string;
let root: string;
let server: Serving | undefined;

beforeEach(async () => {
  parent = await tempDir('feedwright-serve-');
  root = join(parent, 'output');
  await mkdir(join(root, 'sub'), { recursive: true });
  await writeFile(join(parent, 'secret.txt'), SECRET);
  await writeFile(join(root, 'feed.xml'), RSS);
  await writeFile(join(root, 'atom.xml'), ATOM);
  await writeFile(join(root, 'feed.json'), JSON_FEED);
  await writeFile(join(root, 'sub', 'inner.txt'), 'inner');
  await writeFile(join(root, '.feed.xml.123.tmp'), 'half a file');
  await writeFile(join(root, '_headers'), '/feed.xml\n  Content-Type: application/rss+xml\n');
  await symlink(join(parent, 'secret.txt'), join(root, 'link-out.txt'));
  await symlink(parent, join(root, 'dir-out'));
  await symlink(join(root, 'feed.json'), join(root, 'link-in.json'));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Partial<ServeOptions> = {}): Promise<string> {
  server = await serve({ root, port: 0, files: DEFAULT_FILES, ...options });
  return server.url;
}

describe('serve', () => {
  it('binds to 127.0.0.1 unless told otherwise', async () => {
    const url = await start();
    expect(server!.host).toBe('127.0.0.1');
    expect(url).toBe(`http://127.0.0.1:${server!.port}/`);
  });

  it('serves each feed with its media type and charset, and the file as it is', async () => {
    const url = await start();
    const rss = await fetchRaw(url, '/feed.xml');
    expect(rss.status).toBe(200);
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(rss.body.toString('utf8')).toBe(RSS);
    expect(rss.headers['content-length']).toBe(String(Buffer.byteLength(RSS)));
    expect((await fetchRaw(url, '/atom.xml')).headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect((await fetchRaw(url, '/feed.json')).headers['content-type']).toBe('application/feed+json; charset=utf-8');
    expect((await fetchRaw(url, '/sub/inner.txt')).headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('knows the feeds by the names the config gives them', async () => {
    await writeFile(join(root, 'news.rss'), RSS);
    const url = await start({ files: { ...DEFAULT_FILES, rss: 'news.rss' } });
    expect((await fetchRaw(url, '/news.rss')).headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect((await fetchRaw(url, '/feed.xml')).headers['content-type']).toBe('application/xml; charset=utf-8');
  });

  it('sends Cache-Control from the config, and a five-minute default without one', async () => {
    expect((await fetchRaw(await start(), '/feed.xml')).headers['cache-control']).toBe('public, max-age=300');
    await server!.close();
    expect((await fetchRaw(await start({ cacheControl: 'public, max-age=60, stale-while-revalidate=600' }), '/feed.xml')).headers['cache-control']).toBe(
      'public, max-age=60, stale-while-revalidate=600',
    );
  });

  it('gives a strong ETag and Last-Modified, and 304 to If-None-Match with that ETag', async () => {
    const url = await start();
    const first = await fetchRaw(url, '/feed.xml');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(Date.parse(first.headers['last-modified'] as string)).not.toBeNaN();
    const again = await fetchRaw(url, '/feed.xml', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('public, max-age=300');
    expect((await fetchRaw(url, '/feed.xml', { headers: { 'If-None-Match': `"other", W/${etag}` } })).status).toBe(304);
    expect((await fetchRaw(url, '/feed.xml', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
  });

  it('changes the ETag when the file changes', async () => {
    const url = await start();
    const before = (await fetchRaw(url, '/feed.json')).headers.etag as string;
    await writeFile(join(root, 'feed.json'), JSON_FEED.replace('Wire', 'Wire 2'));
    const after = await fetchRaw(url, '/feed.json', { headers: { 'If-None-Match': before } });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before);
  });

  it('answers If-Modified-Since with 304 when the file is no newer, and ignores it under If-None-Match', async () => {
    const url = await start();
    await utimes(join(root, 'atom.xml'), new Date('2024-05-16T03:55:00Z'), new Date('2024-05-16T03:55:00Z'));
    const first = await fetchRaw(url, '/atom.xml');
    expect(first.headers['last-modified']).toBe('Thu, 16 May 2024 03:55:00 GMT');
    expect((await fetchRaw(url, '/atom.xml', { headers: { 'If-Modified-Since': 'Thu, 16 May 2024 03:55:00 GMT' } })).status).toBe(304);
    expect((await fetchRaw(url, '/atom.xml', { headers: { 'If-Modified-Since': 'Thu, 16 May 2024 03:54:59 GMT' } })).status).toBe(200);
    expect((await fetchRaw(url, '/atom.xml', { headers: { 'If-Modified-Since': 'Thu, 16 May 2024 03:55:00 GMT', 'If-None-Match': '"other"' } })).status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const url = await start();
    const get = await fetchRaw(url, '/feed.xml', { headers: { 'Accept-Encoding': 'gzip' } });
    const head = await fetchRaw(url, '/feed.xml', { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'last-modified', 'cache-control', 'vary']) expect(head.headers[name]).toBe(get.headers[name]);
  });

  it('compresses with brotli or gzip by Accept-Encoding, says Vary, and gives each encoding its own ETag', async () => {
    const url = await start();
    const br = await fetchRaw(url, '/feed.xml', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(RSS);
    const gzip = await fetchRaw(url, '/feed.xml', { headers: { 'Accept-Encoding': 'gzip;q=1, br;q=0.5' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(RSS);
    const none = await fetchRaw(url, '/feed.xml', { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString('utf8')).toBe(RSS);
    expect(new Set([br.headers.etag, gzip.headers.etag, none.headers.etag]).size).toBe(3);
    expect((await fetchRaw(url, '/feed.xml', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag as string } })).status).toBe(304);
  });

  it('serves a precompressed copy from beside the file when it holds the file, whatever its time', async () => {
    const marker = gzipSync(Buffer.from(RSS), { level: 1 });
    await writeFile(join(root, 'feed.xml.gz'), marker);
    const url = await start();
    const fresh = await fetchRaw(url, '/feed.xml', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(fresh.body.equals(marker)).toBe(true);

    await server!.close();
    await utimes(join(root, 'feed.xml.gz'), new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    const older = await fetchRaw(await start(), '/feed.xml', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(older.body.equals(marker)).toBe(true);
  });

  it('never sends a stale copy: after the feed changed, with the times of both set equal as a checkout sets them, it sends the feed', async () => {
    const gzip = gzipSync(Buffer.from(RSS));
    const br = brotliCompressSync(Buffer.from(RSS));
    await writeFile(join(root, 'feed.xml.gz'), gzip);
    await writeFile(join(root, 'feed.xml.br'), br);
    const url = await start();
    expect((await fetchRaw(url, '/feed.xml', { headers: { 'Accept-Encoding': 'gzip' } })).body.equals(gzip)).toBe(true);

    const changed = RSS.replace('Wire &#x26; Co', 'Wire, changed');
    await writeFile(join(root, 'feed.xml'), changed);
    const checkout = new Date('2024-05-16T03:55:00Z');
    for (const name of ['feed.xml', 'feed.xml.gz', 'feed.xml.br']) await utimes(join(root, name), checkout, checkout);
    const gzipped = await fetchRaw(url, '/feed.xml', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzipped.body.equals(gzip)).toBe(false);
    expect(gunzipSync(gzipped.body).toString('utf8')).toBe(changed);
    const brotli = await fetchRaw(url, '/feed.xml', { headers: { 'Accept-Encoding': 'br' } });
    expect(brotli.body.equals(br)).toBe(false);
    expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(changed);
  });

  it('compresses afresh when the copy beside the file is not a copy of it at all', async () => {
    await writeFile(join(root, 'atom.xml.gz'), 'not gzip');
    await writeFile(join(root, 'atom.xml.br'), gzipSync(Buffer.from(ATOM + ATOM)));
    const url = await start();
    expect(gunzipSync((await fetchRaw(url, '/atom.xml', { headers: { 'Accept-Encoding': 'gzip' } })).body).toString('utf8')).toBe(ATOM);
    expect(brotliDecompressSync((await fetchRaw(url, '/atom.xml', { headers: { 'Accept-Encoding': 'br' } })).body).toString('utf8')).toBe(ATOM);
  });

  it('never serves the lock of a build writing the folder', async () => {
    const staging = await Staging.open(root);
    const url = await start();
    try {
      expect((await readdir(root)).filter((n) => n.includes('lock'))).toEqual(['.feedwright.lock']);
      expect((await fetchRaw(url, '/.feedwright.lock')).status).toBe(404);
      expect((await fetchRaw(url, '/.feedwright.lock/')).status).toBe(404);
    } finally {
      await staging.abort();
    }
  });

  it('gives a browser that asks for a page the XML feeds as application/xml, so that it applies their stylesheet', async () => {
    const url = await start();
    const page = await fetchRaw(url, '/atom.xml', { headers: { Accept: BROWSER_ACCEPT } });
    expect(page.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(page.headers.vary).toContain('Accept');
    const reader = await fetchRaw(url, '/atom.xml', { headers: { Accept: 'application/atom+xml, application/rss+xml, text/html;q=0.1' } });
    expect(reader.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect((await fetchRaw(url, '/feed.json', { headers: { Accept: BROWSER_ACCEPT } })).headers['content-type']).toBe('application/feed+json; charset=utf-8');
  });

  it('answers 404 for a missing file, a folder, a hidden file and _headers', async () => {
    const url = await start();
    for (const path of ['/nothing.xml', '/', '/sub', '/sub/', '/.feed.xml.123.tmp', '/_headers', '/feed.xml/']) {
      const reply = await fetchRaw(url, path);
      expect(reply.status, path).toBe(404);
    }
  });

  it('never serves a file outside the output folder: dot segments, encoded or not, back slashes, NUL, and symlinks out', async () => {
    const url = await start();
    const attempts = [
      '/../secret.txt',
      '/sub/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/sub/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/.%2e/secret.txt',
      '//secret.txt',
      '/secret.txt%00.xml',
      '/link-out.txt',
      '/dir-out/secret.txt',
      `/${encodeURIComponent(join(parent, 'secret.txt'))}`,
    ];
    for (const path of attempts) {
      const reply = await fetchRaw(url, path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.toString('utf8'), path).not.toContain(SECRET);
    }
    expect((await fetchRaw(url, '/link-in.json')).body.toString('utf8')).toBe(JSON_FEED);
  });

  it('answers 400 to malformed percent-encoding and 405 to methods other than GET and HEAD', async () => {
    const url = await start();
    expect((await fetchRaw(url, '/feed%zz.xml')).status).toBe(400);
    const post = await fetchRaw(url, '/feed.xml', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('ignores the query string', async () => {
    const url = await start();
    expect((await fetchRaw(url, '/feed.json?utm_source=reader')).body.toString('utf8')).toBe(JSON_FEED);
  });

  it('closes connections a client keeps alive when it stops', async () => {
    const url = await start();
    const { Agent, get } = await import('node:http');
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => get(`${url}feed.xml`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject));
    await server!.close();
    server = undefined;
    await expect(fetchRaw(url, '/feed.xml')).rejects.toThrow(/ECONNREFUSED/);
    agent.destroy();
  });
});

import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '../../src/serve/server.js';
import { BASE_CONFIG, cli, makeProject } from '../helpers.js';

const record = (i: number, tags: string[]) => ({ title: `Report ${i}`, slug: `report-${i}`, published: new Date(Date.UTC(2024, 4, i, 8)).toISOString(), tags, content_html: `<p>Report ${i}.</p>` });
const SET = { ...BASE_CONFIG, limit: 2, facets: { tags: 'tags/{slug}/' }, archive: { pageSize: 2 } };

describe('a build of a feed set', () => {
  it('writes every feed in its folder, removes the feeds of a tag no record has any more, and --check finds them', async () => {
    const dir = await makeProject({ 'articles/a.json': JSON.stringify([record(1, ['rivers']), record(2, ['rivers', 'dams']), record(3, ['rivers'])]) }, SET);
    const first = await cli(['build'], dir);
    expect(first.stderr).toBe('');
    // The main feed, its one archive page, two tags, and the page of rivers: 5 feeds in 3 formats.
    expect(first.stdout).toMatch(/^feedwright: 15 feeds, 2 items, 0 warnings in \d+ ms; wrote /);
    for (const name of ['feed.xml', 'archive/1/feed.json', 'tags/rivers/atom.xml', 'tags/rivers/archive/1/feed.xml', 'tags/dams/feed.json', 'feeds.opml']) expect(existsSync(join(dir, 'output', name)), name).toBe(true);

    await writeFile(join(dir, 'articles', 'a.json'), JSON.stringify([record(1, ['rivers']), record(2, ['rivers']), record(3, ['rivers'])]));
    const checked = await cli(['build', '--check'], dir);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('output/tags/dams/feed.xml: error: is a feed of the set that the build no longer writes');
    const second = await cli(['build'], dir);
    expect(second.stdout).toContain('removed tags/dams/atom.xml, tags/dams/feed.json, tags/dams/feed.xml');
    expect(existsSync(join(dir, 'output', 'tags', 'dams'))).toBe(false);
    expect(existsSync(join(dir, 'output', 'tags', 'rivers', 'feed.xml'))).toBe(true);
    expect((await cli(['build', '--check'], dir)).code).toBe(0);
  });

  it("leaves alone a file of a feed's name that feedwright did not write there, wherever it is", async () => {
    const others = { 'output/blog/feed.xml': '<rss/>', 'output/tags/old/feed.xml': '<rss/>', 'output/archive/2024/feed.xml': '<rss/>', 'output/fr/feed.json': '{}', 'output/api/feed.json': '{}' };
    const dir = await makeProject({ 'articles/a.json': JSON.stringify([record(1, ['rivers'])]), ...others }, { ...SET, facets: { ...SET.facets, language: '{value}/' } });
    expect((await cli(['build'], dir)).code).toBe(0);
    for (const [name, text] of Object.entries(others)) expect(await readFile(join(dir, name), 'utf8'), name).toBe(text);
    expect((await cli(['build', '--check'], dir)).code).toBe(0);
  });
});

describe('feedwright check on a head with archive pages', () => {
  it('follows the chain through the folder, checking each page, and reports a missing page and an id on two pages', async () => {
    const dir = await makeProject({ 'articles/a.json': JSON.stringify([1, 2, 3, 4, 5].map((i) => record(i, []))) }, SET);
    expect((await cli(['build'], dir)).code).toBe(0);
    for (const name of ['feed.xml', 'atom.xml', 'feed.json']) {
      const ok = await cli(['check', '--strict', `output/${name}`], dir);
      expect(ok.stdout, name).toMatch(/check passed \(strict\): 1 file/);
    }
    // Page 2 holds page 1's newest item too.
    const page1 = await readFile(join(dir, 'output', 'archive', '1', 'atom.xml'), 'utf8');
    const page2 = await readFile(join(dir, 'output', 'archive', '2', 'atom.xml'), 'utf8');
    const entry = page1.slice(page1.indexOf('  <entry'), page1.indexOf('</entry>') + '</entry>\n'.length);
    await writeFile(join(dir, 'output', 'archive', '2', 'atom.xml'), page2.replace('</feed>', `${entry}</feed>`));
    const twice = await cli(['check', 'output/atom.xml'], dir);
    expect(twice.code).toBe(1);
    expect(twice.stdout).toContain('output/archive/1/atom.xml  error  holds the item tag:wire.example.org,2024-05-02:report-2, as does output/archive/2/atom.xml');
    await rm(join(dir, 'output', 'archive', '1', 'feed.json'));
    const missing = await cli(['check', 'output/feed.json'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(`output/archive/2/feed.json  error  links (next_url) to ${BASE_CONFIG.siteUrl}/archive/1/feed.json, and output/archive/1/feed.json is not there  archive/missing-page`);
    // Served from elsewhere: --base maps that URL to the folder.
    const elsewhere = await cli(['check', '--base', 'https://cdn.example.net/feeds/', 'output/feed.xml'], dir);
    expect(elsewhere.stdout).toContain('which is not on the host the feed says it is served from; pass --base');
  });
});

describe('WebSub ping', () => {
  const hubs: { close: () => void }[] = [];
  afterEach(() => hubs.splice(0).forEach((h) => h.close()));

  /** A hub on loopback that answers each request with the next status (200 when none is left), and records what it was sent. */
  async function hub(statuses: number[] = []) {
    const received: string[] = [];
    const server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(`${request.method} ${request.headers['content-type']} ${decodeURIComponent(body)}`);
        response.writeHead(statuses.shift() ?? 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hubs.push(server);
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received };
  }

  it('tells the hub of each head feed whose bytes changed, once each, and of nothing when nothing changed', async () => {
    const { url, received } = await hub();
    const dir = await makeProject({ 'articles/a.json': JSON.stringify([record(1, ['rivers']), record(2, ['dams'])]) }, { ...BASE_CONFIG, hub: url, facets: { tags: 'tags/{slug}/' } });
    const first = await cli(['build', '--ping'], dir);
    expect(first.stderr).toBe('');
    const site = BASE_CONFIG.siteUrl;
    expect(received.sort()).toEqual(
      ['', 'tags/dams/', 'tags/rivers/'].flatMap((folder) => ['feed.xml', 'atom.xml', 'feed.json'].map((name) => `POST application/x-www-form-urlencoded hub.mode=publish&hub.url=${site}/${folder}${name}`)).sort(),
    );
    received.splice(0);
    expect((await cli(['build', '--ping', '--no-cache'], dir)).code).toBe(0);
    expect(received).toEqual([]);
    // One more record of the rivers: the main feed and that tag's change, the dams' do not.
    await writeFile(join(dir, 'articles', 'b.json'), JSON.stringify(record(3, ['rivers'])));
    await cli(['build', '--ping'], dir);
    expect(received.map((r) => r.slice(r.indexOf('hub.url=') + 8)).sort()).toEqual(['', 'tags/rivers/'].flatMap((folder) => ['atom.xml', 'feed.json', 'feed.xml'].map((name) => `${site}/${folder}${name}`)).sort());
  });

  it('tries a failing hub again, then warns naming it and its answer; --strict makes that an error', async () => {
    const { url, received } = await hub(Array.from({ length: 30 }, () => 503));
    const dir = await makeProject({ 'articles/a.json': JSON.stringify([record(1, [])]) }, { ...BASE_CONFIG, hub: url, ping: true });
    const built = await cli(['build'], dir);
    expect(built.code).toBe(0);
    expect(received).toHaveLength(9);
    expect(built.stderr).toContain(`${url}: warning: did not take the ping for ${BASE_CONFIG.siteUrl}/feed.xml (HTTP 503 Service Unavailable); the feeds are published`);
    await rm(join(dir, 'output'), { recursive: true });
    const strict = await cli(['build', '--strict', '--no-cache'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`${url}: error: did not take the ping`);
    expect(existsSync(join(dir, 'output', 'feed.xml'))).toBe(true);
  });

  it('needs a hub to ping', async () => {
    const dir = await makeProject({ 'articles/a.json': JSON.stringify([record(1, [])]) }, { ...BASE_CONFIG, ping: true });
    const built = await cli(['build'], dir);
    expect(built.code).toBe(2);
    expect(built.stderr).toContain('"ping" needs a "hub"');
  });
});

describe('feedwright links', () => {
  it('prints the link tags of the main feed, and of a facet value', async () => {
    const dir = await makeProject({}, SET);
    const main = await cli(['links'], dir);
    expect(main.code).toBe(0);
    expect(main.stdout).toBe(
      [
        `<link rel="alternate" type="application/rss+xml" title="Test Wire" href="${BASE_CONFIG.siteUrl}/feed.xml">`,
        `<link rel="alternate" type="application/atom+xml" title="Test Wire" href="${BASE_CONFIG.siteUrl}/atom.xml">`,
        `<link rel="alternate" type="application/feed+json" title="Test Wire" href="${BASE_CONFIG.siteUrl}/feed.json">`,
        '',
      ].join('\n'),
    );
    const facet = await cli(['links', '--facet', 'tags=São Paulo & "Rio"'], dir);
    expect(facet.stdout.split('\n')[0]).toBe(`<link rel="alternate" type="application/rss+xml" title="Test Wire: São Paulo &amp; &quot;Rio&quot;" href="${BASE_CONFIG.siteUrl}/tags/sao-paulo-rio/feed.xml">`);
    const unknown = await cli(['links', '--facet', 'authors=Ana'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('the config has no "authors" in "facets"');
  });
});

describe('serve', () => {
  it('lets an archive page be cached for a year, and a head for the configured time', async () => {
    const dir = await makeProject({ 'articles/a.json': JSON.stringify([record(1, []), record(2, []), record(3, [])]) }, SET);
    expect((await cli(['build'], dir)).code).toBe(0);
    const serving = await serve({ root: join(dir, 'output'), host: '127.0.0.1', port: 0, files: { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } });
    try {
      const page = await fetch(`${serving.url}archive/1/feed.xml`);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await fetch(`${serving.url}feed.xml`)).headers.get('cache-control')).toBe('public, max-age=300');
    } finally {
      await serving.close();
    }
  });
});

describe('a feed set the config cannot make', () => {
  it('refuses archive pages larger than the head, which would leave items in no feed', async () => {
    const dir = await makeProject({ 'articles/a.json': JSON.stringify([record(1, [])]) }, { ...BASE_CONFIG, limit: 2, archive: { pageSize: 4 } });
    const built = await cli(['build'], dir);
    expect(built.code).toBe(2);
    expect(built.stderr).toContain('"archive" has a "pageSize" of 4, more than "limit" (2)');
  });

  it('refuses --ping without a hub to ping', async () => {
    const dir = await makeProject({ 'articles/a.json': JSON.stringify([record(1, [])]) }, BASE_CONFIG);
    const built = await cli(['build', '--ping'], dir);
    expect(built.code).toBe(2);
    expect(built.stderr).toContain('needs a "hub" for --ping');
  });

  it('makes one feed of a language however its tag is cased', async () => {
    const records = [{ ...record(1, []), language: 'en-us' }, { ...record(2, []), language: 'en-US' }];
    const dir = await makeProject({ 'articles/a.json': JSON.stringify(records) }, { ...BASE_CONFIG, facets: { language: '{value}/' } });
    expect((await cli(['build'], dir)).code).toBe(0);
    const items = JSON.parse(await readFile(join(dir, 'output', 'en-US', 'feed.json'), 'utf8')).items;
    expect(items).toHaveLength(2);
  });

  it('clears what a killed build left in a facet folder', async () => {
    const dir = await makeProject({ 'articles/a.json': JSON.stringify([record(1, ['rivers'])]) }, SET);
    expect((await cli(['build'], dir)).code).toBe(0);
    const leftover = join(dir, 'output', 'tags', 'rivers', '.feed.xml.0123456789abcdef.tmp');
    await writeFile(leftover, 'half');
    await writeFile(join(dir, 'articles', 'b.json'), JSON.stringify(record(2, ['rivers'])));
    expect((await cli(['build'], dir)).code).toBe(0);
    expect(existsSync(leftover)).toBe(false);
  });
});

describe('a rebuild of a feed set', () => {
  const one = (i: number) => JSON.stringify({ ...record(i, [i % 2 === 1 ? 'rivers' : 'dams']) });
  const files = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, k) => [`articles/r${k + 1}.json`, one(k + 1)]));
  const wrote = (stdout: string) => (/; wrote (.*?)(?: \(unchanged|; removed|\n|$)/.exec(stdout)?.[1] ?? '').split(', ').sort();

  it('makes again only the feeds whose items changed, and trusts the others as the last build left them', async () => {
    const dir = await makeProject(files(5), SET);
    expect((await cli(['build'], dir)).code).toBe(0);
    // A file of a feed nothing changed for, changed in place with its size and mtime put back: the build cannot tell, and keeps it.
    // (Its mtime set to a whole second first, which a build takes in, so that it can be put back exactly.)
    const rivers = join(dir, 'output', 'tags', 'rivers', 'feed.xml');
    const second = new Date(Date.UTC(2024, 5, 1));
    await utimes(rivers, second, second);
    expect((await cli(['build'], dir)).stdout).toContain('wrote nothing');
    await writeFile(rivers, (await readFile(rivers, 'utf8')).replace('Report 5', 'Rep0rt 5'));
    await utimes(rivers, second, second);
    // One the build can tell was changed: made again.
    const page = join(dir, 'output', 'tags', 'rivers', 'archive', '1', 'atom.xml');
    const written = await readFile(page, 'utf8');
    await writeFile(page, 'changed');

    // A new record tagged dams fills a third page of the main feed.
    await writeFile(join(dir, 'articles', 'r6.json'), one(6));
    const rebuilt = await cli(['build'], dir);
    expect(rebuilt.stderr).toBe('');
    // The main feed and its 3 pages, rivers and its page, dams and its page.
    expect(rebuilt.stdout).toMatch(/^feedwright: 24 feeds, 2 items, 0 warnings/);
    const heads = ['', 'archive/3/', 'tags/dams/'].flatMap((folder) => ['atom.xml', 'feed.json', 'feed.xml'].map((name) => folder + name));
    expect(wrote(rebuilt.stdout)).toEqual([...heads, 'tags/rivers/archive/1/atom.xml'].sort());
    expect(await readFile(page, 'utf8')).toBe(written);
    expect(await readFile(rivers, 'utf8')).toContain('Rep0rt 5');

    // An edit of an old record makes again the pages it is on, and only them.
    await writeFile(join(dir, 'articles', 'r1.json'), JSON.stringify({ ...record(1, ['rivers']), title: 'Report 1, corrected' }));
    const third = await cli(['build'], dir);
    expect(wrote(third.stdout)).toEqual(['archive/1/', 'tags/rivers/archive/1/'].flatMap((folder) => ['atom.xml', 'feed.json', 'feed.xml'].map((name) => folder + name)).sort());
    expect(await readFile(join(dir, 'output', 'archive', '1', 'feed.xml'), 'utf8')).toContain('Report 1, corrected');
    // --check compares every file, the kept ones too.
    const checked = await cli(['build', '--check'], dir);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('output/tags/rivers/feed.xml: error: is out of date');
  });

  it('makes again the feeds of a record whose file was renamed: its slug and link come from the name, though its id does not', async () => {
    const post = (day: number) => `---\ntitle: Post ${day}\nid: urn:post:${day}\ndate: 2024-05-0${day}T08:00:00Z\ntags: [rivers]\n---\nBody ${day}.\n`;
    const dir = await makeProject({ 'articles/p1.md': post(1), 'articles/p2.md': post(2), 'articles/p3.md': post(3) }, SET);
    expect((await cli(['build'], dir)).code).toBe(0);
    // Post 1 is on the first page of the main feed and of rivers.
    await rename(join(dir, 'articles', 'p1.md'), join(dir, 'articles', 'renamed.md'));
    const again = await cli(['build'], dir);
    expect(again.code).toBe(0);
    for (const page of ['archive/1/feed.xml', 'tags/rivers/archive/1/feed.xml']) {
      const text = await readFile(join(dir, 'output', page), 'utf8');
      expect(text, page).toContain(`${BASE_CONFIG.siteUrl}/articles/renamed/`);
      expect(text, page).not.toContain('/articles/p1/');
    }
    expect((await cli(['build', '--check'], dir)).code).toBe(0);
  });

  it('makes again a feed whose documents drew a warning, so that the warning is given again', async () => {
    // A date before 1990 draws a warning where it is shown: the first pages of the main feed and of rivers.
    const old = JSON.stringify({ ...record(1, ['rivers']), slug: 'old', published: '1985-05-01T08:00:00Z' });
    const dir = await makeProject({ ...files(4), 'articles/old.json': old }, SET);
    const warned = 'output/archive/1/feed.xml:';
    expect((await cli(['build'], dir)).stderr).toContain(warned);
    const cache = join(dir, 'node_modules', '.cache', 'feedwright');
    const manifest = (await readdir(cache)).find((name) => name.startsWith('build-'))!;
    const { feeds } = JSON.parse(await readFile(join(cache, manifest), 'utf8'));
    expect(Object.keys(feeds).sort()).toEqual(['', 'archive/2/', 'tags/dams/', 'tags/dams/archive/1/', 'tags/rivers/']);
    await writeFile(join(dir, 'articles', 'r5.json'), one(5));
    const again = await cli(['build'], dir);
    expect(again.stderr).toContain(warned);
    expect(again.stderr).toContain('output/tags/rivers/archive/1/feed.xml:');
  });
});

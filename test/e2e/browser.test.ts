import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feed, FeedFormat } from '../../src/vocabulary/types.js';
import { ARTIFACTS, makeSite, startServer } from './harness.js';

/** Debian's chromium package, driven headless. */
const CHROMIUM = process.env.FEEDWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

let browser: Browser;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
});

describe.each([
  { utc: false, label: 'in the offsets their authors wrote' },
  { utc: true, label: 'built with --utc' },
])('the feed page in a real browser, dates $label', ({ utc }) => {
  let feed: Feed;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    const site = await makeSite({ utc });
    feed = site.feed;
    server = await startServer(site.dir);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it.each(['rss', 'atom'] as const satisfies readonly FeedFormat[])('shows the %s feed as a page: its title, how to subscribe, and every item with its link and dates', async (format) => {
    const name = feed.feedUrls[format].split('/').pop()!;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      const response = await page.goto(server.url + name);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toBe('application/xml; charset=utf-8');
      await page.locator('h1').waitFor({ timeout: 15_000 });

      expect(await page.title()).toBe(`${feed.title} (web feed)`);
      expect(await page.locator('h1').innerText()).toBe(feed.title);
      expect(await page.locator('.description').innerText()).toBe(feed.description);
      const about = await page.locator('.about').innerText();
      expect(about).toContain('This is a web feed');
      expect(about).toContain(feed.feedUrls[format]);

      const items = page.locator('ol.items > li');
      expect(await page.locator('ol.items h3 a').allInnerTexts()).toEqual(feed.entries.map((e) => e.title));
      expect(await page.locator('ol.items h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(feed.entries.map((e) => e.link));
      const meta = await items.locator('.meta').allInnerTexts();
      expect(meta).toHaveLength(feed.entries.length);
      feed.entries.forEach((entry, i) => {
        // The time of day and the offset the feed carries, as a person reads them.
        const updated = entry.updated;
        const zone = updated.offset === 0 ? '(UTC)' : `(UTC${updated.toFormat('ZZ')})`;
        expect(meta[i], entry.id).toContain(`updated ${updated.toFormat('yyyy-MM-dd HH:mm')} ${zone}`);
      });

      await page.screenshot({ path: join(ARTIFACTS, `${name.replace('.', '-')}${utc ? '-utc' : ''}.png`), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('loads the stylesheet from the same server as text/xsl', async () => {
    const reply = await fetch(`${server.url}feed.xsl`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/xsl; charset=utf-8');
    expect(await reply.text()).toContain('<xsl:stylesheet');
  });
});

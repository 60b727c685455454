import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { makeProject } from '../helpers.js';

const config = { title: 'Test Wire', siteUrl: 'https://wire.example.org', author: { name: 'Wire Desk' }, limit: 10 };
const exported = (slugs: string[]) => JSON.stringify(slugs.map((slug, i) => ({ title: `Exported ${i}`, slug, published: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(), content_html: `<p>Body ${i}</p>` })), null, 2);

describe('a JSON export', () => {
  it('that gives one slug twice is an error naming both records, with or without the memo', async () => {
    const dir = await makeProject({ 'articles/export.json': exported(['a', 'b', 'a', 'c']) }, config);
    for (const cacheDir of [undefined, false] as const) {
      const result = await build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', now: new Date('2025-01-01T00:00:00Z'), ...(cacheDir === false ? { cacheDir } : {}) });
      expect(result.exitCode).toBe(1);
      expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'input/duplicate-slug', file: 'articles/export.json', line: 14, message: 'has the slug "a", as does articles/export.json:2; give one of them another "slug"' })]);
    }
  });

  it('builds every record into an archive feed, newest first', async () => {
    const slugs = Array.from({ length: 300 }, (_, i) => `item-${i}`);
    const dir = await makeProject({ 'articles/export.json': exported(slugs) }, { ...config, limit: 300 });
    const result = await build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', now: new Date('2025-01-01T00:00:00Z') });
    expect(result.exitCode).toBe(0);
    expect(result.feed?.entries.map((e) => e.title)).toEqual(slugs.map((_, i) => `Exported ${i}`).reverse());
  });

  it('shows the record it chose, not a later one of the same slug that is not yet published', async () => {
    const records = [
      { title: 'Published', slug: 'a', id: 'urn:x:a', published: '2024-05-01T08:00:00Z', content_html: '<p>Out now.</p>' },
      { title: 'Scheduled', slug: 'a', id: 'urn:x:a', published: '2099-05-01T08:00:00Z', content_html: '<p>Embargoed.</p>' },
    ];
    const dir = await makeProject({ 'articles/export.json': JSON.stringify(records, null, 2) }, config);
    for (const cacheDir of [false, undefined] as const) {
      const result = await build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', now: new Date('2025-01-01T00:00:00Z'), ...(cacheDir === false ? { cacheDir } : {}) });
      expect(result.exitCode).toBe(0);
      expect(result.feed?.entries.map((e) => e.title)).toEqual(['Published']);
      expect(result.feed?.entries[0]?.contentHtml).toBe('<p>Out now.</p>');
    }
  });
});

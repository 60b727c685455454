import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileMemo } from '../../src/cache/memo.js';
import { validateConfig } from '../../src/config/config.js';
import type { Placement } from '../../src/model/place.js';
import { select } from '../../src/model/select.js';
import { CODE_ID } from '../../src/vocabulary/version.js';

/** A placement as the model makes it, with what its record adds: unknown keys, an expiry. */
type Placed = Placement & { readonly unknownFields?: readonly string[]; readonly expires?: number };
const JUNE = Date.UTC(2024, 5, 1);
let n = 0;
function placed(extra: Partial<Placed> = {}): Placed {
  n++;
  return { file: `articles/a${n}.md`, line: 1, slug: `a${n}`, id: `tag:e.example,2024-06-01:a${n}`, link: `https://e.example/a${n}/`, published: JUNE - n * 1000, offset: 0, ...extra };
}

describe('The warning about fields feedwright does not use', () => {
  it('is one per build, counting records and keys, most frequent first, then by name', () => {
    const all = [
      ...Array.from({ length: 12 }, (_, i) => placed({ unknownFields: i < 3 ? ['layout', 'comments'] : ['layout'] })),
      placed({ unknownFields: ['toc'] }),
      placed({ unknownFields: ['aliases'] }),
      placed(),
    ];
    const { diagnostics } = select(all, { articlesDir: 'articles', limit: 50 });
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'articles', severity: 'warning', ruleId: 'input/unknown-fields' })]);
    expect(diagnostics[0]?.message).toMatch(/^14 records have fields feedwright does not use: layout \(12\), comments \(3\), aliases \(1\), toc \(1\); /);
  });

  it('speaks of one record in the singular, and names at most ten keys', () => {
    const keys = Array.from({ length: 12 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const { diagnostics } = select([placed({ unknownFields: keys })], { articlesDir: 'articles', limit: 50 });
    expect(diagnostics[0]?.message).toMatch(/^1 record has fields feedwright does not use: k00 \(1\), .*k09 \(1\), and 2 more; /);
  });

  it('counts the records left out as future too, as every placement read', () => {
    const { diagnostics } = select([placed(), placed({ published: JUNE + 1e9, unknownFields: ['layout'] })], { articlesDir: 'articles', limit: 50, now: JUNE });
    expect(diagnostics.map((d) => d.ruleId).sort()).toEqual(['input/future', 'input/unknown-fields']);
  });

  it('is not given with "ignore", nor when no record has such a field', () => {
    expect(select([placed({ unknownFields: ['layout'] })], { articlesDir: 'articles', limit: 50, unknownFields: 'ignore' }).diagnostics).toEqual([]);
    expect(select([placed(), placed({ unknownFields: [] })], { articlesDir: 'articles', limit: 50 }).diagnostics).toEqual([]);
  });
});

describe('An expiry date', () => {
  it('leaves the item out once the build is past it, with a note naming the file', () => {
    const gone = placed({ expires: JUNE - 1000 });
    const kept = placed({ expires: JUNE + 60_000 });
    const { shown, diagnostics, nextFuture } = select([gone, kept], { articlesDir: 'articles', limit: 50, now: JUNE });
    expect(shown).toEqual([kept]);
    expect(diagnostics).toEqual([expect.objectContaining({ file: gone.file, severity: 'info', ruleId: 'input/expired', message: expect.stringContaining('expired on 2024-05-31T23:59:59Z') })]);
    // The output goes stale when the shown item expires: the next build must leave it out.
    expect(nextFuture).toBe(JUNE + 60_000);
  });

  it('is left for the next build to judge when the build has no clock', () => {
    const item = placed({ expires: 0 });
    expect(select([item], { articlesDir: 'articles', limit: 50 }).shown).toEqual([item]);
  });
});

describe('The memo', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  async function kept(placement: Record<string, unknown>) {
    const dir = await mkdtemp(join(tmpdir(), 'fw-memo-'));
    dirs.push(dir);
    const stats = { size: 10, mtimeMs: 1000, ctimeMs: 1000 };
    const entry = { file: 'articles/a.md', ...stats, statedAt: 1_000_000, hash: 'x', placements: [placement] };
    await writeFile(join(dir, 'memo.json'), [{ format: 4, code: CODE_ID, key: 'k' }, entry].map((line) => JSON.stringify(line)).join('\n'));
    return FileMemo.open(join(dir, 'memo.json'), 'k').lookup('articles/a.md', join(dir, 'a.md'), stats, 2_000_000);
  }
  const base = { slug: 'a', id: 'tag:e.example,2024-06-01:a', link: 'https://e.example/a/', published: JUNE, offset: 0 };

  it("keeps a placement's unknown keys and expiry, so that a build reading only changed files still counts them", async () => {
    const lookup = await kept({ ...base, unknownFields: ['layout'], expires: JUNE + 1 });
    expect(lookup).toMatchObject({ fresh: true, placements: [{ unknownFields: ['layout'], expires: JUNE + 1 }] });
  });

  it('does not trust a placement whose unknown keys are not a list of names', async () => {
    expect((await kept({ ...base, unknownFields: [1] })).fresh).toBe(false);
    expect((await kept({ ...base, expires: 'soon' })).fresh).toBe(false);
  });
});

describe('The "unknownFields" config key', () => {
  const config = (extra: Record<string, unknown>) => validateConfig({ title: 'T', siteUrl: 'https://e.example', ...extra }, 'feedwright.config.json');

  it('is "warn" when not given, and takes "ignore" and "error"', () => {
    expect(config({}).config?.unknownFields).toBe('warn');
    expect(config({ unknownFields: 'ignore' }).config?.unknownFields).toBe('ignore');
    expect(config({ unknownFields: 'error' }).config?.unknownFields).toBe('error');
  });

  it('refuses any other value, saying which it takes', () => {
    const { config: none, diagnostics } = config({ unknownFields: 'loud' });
    expect(none).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'config/invalid', message: expect.stringContaining('"unknownFields" must be "warn"') })]);
  });
});

describe('The choice of the items as the placements stream past', () => {
  // In no order: the newest are met late, and some share an instant (then the id decides).
  const many = Array.from({ length: 5000 }, (_, i) => placed({ published: JUNE + ((i * 7919) % 5000) * 1000 - (i % 3 === 0 ? 500 : 0) }));
  const newest = [...many].sort((a, b) => b.published - a.published || (a.id < b.id ? -1 : 1));

  it('holds the newest `limit` of them, as a sort of them all would choose', () => {
    const { shown, ordered } = select(many, { articlesDir: 'articles', limit: 3 });
    expect(shown).toEqual(newest.slice(0, 3));
    expect(ordered).toEqual(newest.slice(0, 3));
    expect(select(many, { articlesDir: 'articles', limit: 3, all: true }).ordered).toEqual(newest);
  });

  it("holds each facet value's newest `limit` too, and no more, as a sort of them all would choose", () => {
    const tags = (i: number) => [`t${i % 7}`, ...(i % 3 === 0 ? ['every-third'] : []), ...(i === 4321 ? ['once'] : [])];
    const tagged = many.map((p, i) => ({ ...p, facets: { tags: tags(i) } }));
    const all = [...tagged].sort((a, b) => b.published - a.published || (a.id < b.id ? -1 : 1));
    const { shown, ordered } = select(tagged, { articlesDir: 'articles', limit: 3, facets: true });
    expect(shown).toEqual(all.slice(0, 3));
    for (const tag of ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 'every-third', 'once']) {
      const withTag = (list: readonly (typeof all)[number][]) => list.filter((p) => p.facets.tags.includes(tag)).slice(0, 3);
      expect(withTag(ordered), tag).toEqual(withTag(all));
    }
    // The main feed's 3 and each of 9 values' 3 at the most, newest first.
    expect(ordered.length).toBeLessThanOrEqual(3 + 9 * 3);
    expect(ordered).toEqual([...ordered].sort((a, b) => b.published - a.published || (a.id < b.id ? -1 : 1)));
  });

  it('still finds a duplicate id among the records it let go, naming the first', () => {
    const first = many[10]!;
    const { diagnostics, shown } = select([...many, placed({ id: first.id, published: JUNE - 1e9 })], { articlesDir: 'articles', limit: 3 });
    expect(shown).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'input/duplicate-id', message: expect.stringContaining(`as does ${first.file}`) })]);
  });

  it('keeps what a record refused for its link had of its own, so that a third record sharing it is reported too', () => {
    const first = placed();
    const second = placed({ link: first.link });
    const third = placed({ id: second.id });
    const { diagnostics } = select([first, second, third], { articlesDir: 'articles', limit: 3 });
    expect(diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
      [second.file, 'input/duplicate-link'],
      [third.file, 'input/duplicate-id'],
    ]);
  });

  it('finds each kind of duplicate among thousands, naming the first by file and line, and takes a slug for no id', () => {
    // Records of one file follow each other, as a file's placements do.
    const inFiles = many.map((p, i) => ({ ...p, file: `articles/export-${Math.floor(i / 100)}.json`, line: 2 + (i % 100) * 10 }));
    const [slug, id, link] = [inFiles[7]!, inFiles[2345]!, inFiles[4998]!];
    const late = [
      placed({ slug: slug.slug, published: JUNE - 2e9, file: 'articles/late-1.md' }),
      placed({ id: id.id, published: JUNE - 2e9, file: 'articles/late-2.md' }),
      placed({ link: link.link, published: JUNE - 2e9, file: 'articles/late-3.md' }),
      // Another kind's value: no clash.
      placed({ slug: id.id, published: JUNE - 2e9, file: 'articles/late-4.md' }),
    ];
    const { diagnostics } = select([...inFiles, ...late], { articlesDir: 'articles', limit: 3 });
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.message.slice(0, d.message.indexOf(';'))])).toEqual([
      ['articles/late-1.md', 'input/duplicate-slug', `has the slug "${slug.slug}", as does articles/export-0.json:72`],
      ['articles/late-2.md', 'input/duplicate-id', `has the id "${id.id}", as does articles/export-23.json:452`],
      ['articles/late-3.md', 'input/duplicate-link', `has the link "${link.link}", as does articles/export-49.json:982`],
    ]);
  });

  it('keeps the slugs and ids of records refused for their links as the table grows', () => {
    // Every tenth record takes the link of the one before it: refused, its slug and id still held.
    const records = Array.from({ length: 6000 }, () => placed());
    for (let i = 10; i < records.length; i += 10) records[i] = { ...records[i]!, link: records[i - 1]!.link };
    // Late records sharing the slug or the id of records from all through them, refused ones too.
    const shared = records.filter((_, i) => i % 97 === 0 || i % 1000 === 20);
    const late = shared.map((r, i) => placed(i % 2 ? { id: r.id, published: JUNE - 2e9 } : { slug: r.slug, published: JUNE - 2e9 }));
    const { diagnostics } = select([...records, ...late], { articlesDir: 'articles', limit: 3 });
    expect(diagnostics.filter((d) => d.ruleId === 'input/duplicate-link')).toHaveLength(599);
    const reported = diagnostics.filter((d) => d.ruleId !== 'input/duplicate-link');
    expect(reported.map((d) => [d.file, d.ruleId, d.message.slice(0, d.message.indexOf(';'))])).toEqual(
      late.map((p, i) => [p.file, `input/duplicate-${i % 2 ? 'id' : 'slug'}`, `has the ${i % 2 ? 'id' : 'slug'} "${i % 2 ? p.id : p.slug}", as does ${shared[i]!.file}`]),
    );
  });
});

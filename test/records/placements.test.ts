import { createHash } from 'node:crypto';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { placementOf, Placements, readRecords } from '../../src/records/index.js';
import { article, BASE_CONFIG, makeProject } from '../helpers.js';

const OLD = new Date('2024-01-01T00:00:00Z');
const NOW = DateTime.fromISO('2024-06-01T00:00:00Z');

const incremental = (dir: string, options: { now?: DateTime; config?: string } = {}) =>
  build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: options.config ?? 'feedwright.config.json', cacheDir: 'cache', now: options.now ?? NOW });
const full = (dir: string, options: { now?: DateTime; config?: string } = {}) =>
  build({ cwd: dir, articlesDir: 'articles', outDir: 'full', configPath: options.config ?? 'feedwright.config.json', cacheDir: false, now: options.now ?? NOW });

/** What a build said and wrote: its exit code, its messages, and each file it wrote. */
async function outcome(dir: string, out: string, result: BuildResult) {
  const files = result.exitCode === 0 ? await Promise.all(['feed.xml', 'atom.xml', 'feed.json'].map((name) => readFile(join(dir, out, name), 'utf8'))) : [];
  const diagnostics = result.diagnostics.map(({ file, line, ruleId, severity, message }) => ({ file, line, ruleId, severity, message }));
  return { exitCode: result.exitCode, diagnostics, files };
}

const placementsFolder = async (dir: string) => join(dir, 'cache', (await readdir(join(dir, 'cache'))).find((name) => name.startsWith('placements-'))!);

/** Rewrites every shard of the placements as a writer that knows the format would: the body changed, its hash with it. */
async function rewriteShards(dir: string, change: (body: string) => string): Promise<void> {
  const folder = await placementsFolder(dir);
  for (const name of await readdir(folder)) {
    const text = await readFile(join(folder, name), 'utf8');
    const end = text.indexOf('\n');
    const body = change(text.slice(end + 1));
    const header = { ...JSON.parse(text.slice(0, end)), sum: createHash('sha1').update(body).digest('hex') };
    await writeFile(join(folder, name), `${JSON.stringify(header)}\n${body}`);
  }
}

const placementsText = async (dir: string) => {
  const folder = await placementsFolder(dir);
  return (await Promise.all((await readdir(folder)).map((name) => readFile(join(folder, name), 'utf8')))).join('\n');
};

/** Two articles, A and B, old enough to be known by their size and times, built once with the cache. */
async function builtTwo(): Promise<string> {
  const dir = await makeProject({
    'articles/a.txt': article({ dateline: '2024.05.14 08:00 GMT', title: 'A' }),
    'articles/b.txt': article({ dateline: '2024.05.15 08:00 GMT', title: 'B' }),
  });
  for (const name of ['a.txt', 'b.txt']) await utimes(join(dir, 'articles', name), OLD, OLD);
  await incremental(dir);
  return dir;
}

/** Adds an article C, dated `dateline`, and builds again with the cache: the titles the feed shows. */
async function withC(dir: string, dateline: string): Promise<string[] | undefined> {
  await writeFile(join(dir, 'articles', 'c.txt'), article({ dateline, title: 'C' }));
  const again = await incremental(dir);
  expect(again.exitCode).toBe(0);
  return again.feed?.entries.map((e) => e.title);
}

describe('placements in a build', () => {
  it('give the same feeds and messages as a build that reads every file, through every kind of change', async () => {
    const config = { ...BASE_CONFIG, limit: 3 };
    const dir = await makeProject(
      {
        'articles/a.txt': article({ dateline: '2024.05.10 08:00 GMT', title: 'A' }),
        'articles/b.md': '---\ntitle: B\npublished: 2024-05-11 08:00 +02:00\n---\nStory *B*, with [a link](/b/more).\n',
        'articles/c.txt': article({ dateline: '2024.05.12 08:00 GMT-05', title: 'C' }),
        'articles/d.json': JSON.stringify([
          { title: 'D one', published: '2024-05-13T08:00:00+09:00', slug: 'd-one', content_html: '<p>D one.</p>' },
          { title: 'D two', published: '2024-05-14T08:00:00Z', slug: 'd-two', content_text: 'D two.' },
        ]),
        'articles/e.txt': article({ dateline: '2024.05.15 08:00 GMT', title: 'E' }),
        'articles/nested/f.md': '---\ntitle: F\npublished: 2024-05-09 08:00 Asia/Kathmandu\nid: urn:example:f\n---\nStory F.\n',
      },
      config,
    );
    const files = ['a.txt', 'b.md', 'c.txt', 'd.json', 'e.txt', 'nested/f.md'];
    for (const name of files) await utimes(join(dir, 'articles', name), OLD, OLD);
    let step = 0;
    /** Writes a file as an edit would, then ages it past the racy margin: unchanged files are then known by their size and times. */
    const edit = async (name: string, text: string) => {
      const path = join(dir, 'articles', name);
      await writeFile(path, text);
      const at = new Date(OLD.getTime() + ++step * 1000);
      await utimes(path, at, at);
    };
    const changes: [string, () => Promise<unknown>, DateTime?][] = [
      ['nothing yet', async () => undefined],
      ['the newest edited', () => edit('e.txt', article({ dateline: '2024.05.15 08:00 GMT', title: 'E, edited' }))],
      ['an older one made the newest', () => edit('a.txt', article({ dateline: '2024.05.20 08:00 GMT', title: 'A, moved up' }))],
      ['one added', () => edit('g.txt', article({ dateline: '2024.05.16 08:00 GMT+05:45', title: 'G' }))],
      ['the newest removed', () => rm(join(dir, 'articles', 'a.txt'))],
      ['the newest made a draft', () => edit('g.txt', article({ front: 'draft: true', dateline: '2024.05.16 08:00 GMT+05:45', title: 'G' }))],
      ['the draft published again', () => edit('g.txt', article({ dateline: '2024.05.16 08:00 GMT+05:45', title: 'G' }))],
      ['a slug made twice', () => edit('h.json', JSON.stringify({ title: 'H', published: '2024-05-01T08:00:00Z', slug: 'd-two', content_text: 'H.' }))],
      ['the slug made its own', () => edit('h.json', JSON.stringify({ title: 'H', published: '2024-05-01T08:00:00Z', slug: 'h', content_text: 'H.' }))],
      ['an id made twice', () => edit('i.md', '---\ntitle: I\npublished: 2024-05-02 08:00 +00:00\nid: urn:example:f\n---\nStory I.\n')],
      ['the id made its own', () => edit('i.md', '---\ntitle: I\npublished: 2024-05-02 08:00 +00:00\nid: urn:example:i\n---\nStory I.\n')],
      ['one dated after the build', () => edit('j.txt', article({ dateline: '2024.06.02 08:00 GMT', title: 'J' }))],
      ['its date reached', async () => undefined, DateTime.fromISO('2024-06-03T00:00:00Z')],
      ['a clock before the newest', async () => undefined, DateTime.fromISO('2024-05-15T12:00:00Z')],
      ['a forbidden character in one', () => edit('k.txt', article({ dateline: '2024.05.03 08:00 GMT', title: 'K\u0007' }))],
      ['a record with a problem', () => edit('l.md', '---\ntitle: L\n---\nNo date.\n')],
      ['the problem mended', () => edit('l.md', '---\ntitle: L\npublished: 2024-05-04 08:00 +00:00\n---\nDated now.\n')],
      ['one touched, its bytes the same', async () => utimes(join(dir, 'articles', 'c.txt'), new Date(), new Date())],
      ['a record of an array edited', () => edit('d.json', JSON.stringify([{ title: 'D one', published: '2024-05-13T08:00:00+09:00', slug: 'd-one', content_html: '<p>D one.</p>' }, { title: 'D two, edited', published: '2024-05-30T08:00:00Z', slug: 'd-two', content_text: 'D two.' }]))],
      ['the config changed', () => writeFile(join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, limit: 4, articlePath: '/news/{slug}.html' }))],
      ['content sanitized', () => writeFile(join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, limit: 6, sanitize: true }))],
      ['a record with a script in it', () => edit('m.json', JSON.stringify({ title: 'M', published: '2024-05-29T08:00:00Z', content_html: '<p onclick="go()">M, <a href="m/more">more</a>.</p><script>go()</script>' }))],
      ['another changed, so that the one with a script is placed', () => edit('c.txt', article({ dateline: '2024.05.12 08:00 GMT-05', title: 'C, edited' }))],
      ['the feed shows more than 1,000', () => writeFile(join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, limit: 1001 }))],
      ['and fewer again', () => writeFile(join(dir, 'feedwright.config.json'), JSON.stringify(config))],
    ];
    let clock = NOW;
    for (const [what, change, at] of changes) {
      await change();
      clock = at ?? clock;
      const expected = await outcome(dir, 'full', await full(dir, { now: clock }));
      const actual = await outcome(dir, 'output', await incremental(dir, { now: clock }));
      expect({ what, ...actual }).toEqual({ what, ...expected });
    }
  });

  it('keep the items shown whole, and give them back without reading their files', async () => {
    const dir = await makeProject(
      {
        'articles/old.txt': article({ dateline: '2024.05.14 08:00 GMT', title: 'Old', body: ['The oldest story.'] }),
        'articles/mid.md': '---\ntitle: Mid\npublished: 2024-05-15 08:00 +00:00\n---\nThe *middle* story.\n',
        'articles/new.txt': article({ dateline: '2024.05.16 08:00 GMT', title: 'New', body: ['The newest story.'] }),
      },
      { ...BASE_CONFIG, limit: 2 },
    );
    for (const name of ['old.txt', 'mid.md', 'new.txt']) await utimes(join(dir, 'articles', name), OLD, OLD);
    expect((await incremental(dir)).exitCode).toBe(0);
    const kept = await placementsText(dir);
    expect(kept).toContain('<p>The newest story.</p>');
    expect(kept).toContain('<em>middle</em>');
    expect(kept).not.toContain('The oldest story.');

    // What the placements keep is what the next build shows: mark it, and change another file so that the build runs.
    await rewriteShards(dir, (body) => body.replace('<em>middle</em>', '<em>kept</em>'));
    await writeFile(join(dir, 'articles', 'old.txt'), article({ dateline: '2024.05.14 08:00 GMT', title: 'Old, edited', body: ['The oldest story, edited.'] }));
    const again = await incremental(dir);
    expect(again.feed?.entries.map((e) => e.contentHtml)).toEqual(['<p>The newest story.</p>', '<p>The <em>kept</em> story.</p>']);
  });

  it('keep no item whole for a feed that may show more than 1,000, and read the files again instead', async () => {
    const dir = await makeProject(
      {
        'articles/a.txt': article({ dateline: '2024.05.14 08:00 GMT', title: 'A', body: ['Story A.'] }),
        'articles/b.md': '---\ntitle: B\npublished: 2024-05-15 08:00 +00:00\n---\nStory *B*.\n',
      },
      { ...BASE_CONFIG, limit: 1001 },
    );
    for (const name of ['a.txt', 'b.md']) await utimes(join(dir, 'articles', name), OLD, OLD);
    expect((await incremental(dir)).exitCode).toBe(0);
    const kept = await placementsText(dir);
    expect(kept).toContain('"b"');
    expect(kept).not.toContain('Story A.');
    expect(kept).not.toContain('<em>B</em>');
    await writeFile(join(dir, 'articles', 'c.txt'), article({ dateline: '2024.05.16 08:00 GMT', title: 'C', body: ['Story C.'] }));
    const again = await incremental(dir);
    expect(again.feed?.entries.map((e) => e.contentHtml)).toEqual(['<p>Story C.</p>', '<p>Story <em>B</em>.</p>', '<p>Story A.</p>']);
  });

  it('drop the item no longer shown, and rewrite only the shards in which anything changed', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `story-${String(i).padStart(2, '0')}.txt`);
    const dir = await makeProject(
      Object.fromEntries(names.map((name, i) => [`articles/${name}`, article({ dateline: `2024.04.${String(i % 28 + 1).padStart(2, '0')} ${String(10 + (i % 12))}:00 GMT`, title: `Story ${i}`, body: [`Body ${i}.`] })])),
      { ...BASE_CONFIG, limit: 2 },
    );
    for (const name of names) await utimes(join(dir, 'articles', name), OLD, OLD);
    const shownBefore = (await incremental(dir)).feed!.entries.map((e) => e.contentHtml);
    const folder = await placementsFolder(dir);
    const before = new Map(await Promise.all((await readdir(folder)).map(async (name) => [name, await readFile(join(folder, name), 'utf8')] as const)));
    expect(before.size).toBe(32);
    expect(await placementsText(dir)).toContain(shownBefore[1]);

    // A new newest story: shown, and the second of the two shown before no longer is.
    await writeFile(join(dir, 'articles', 'story-new.txt'), article({ dateline: '2024.05.30 08:00 GMT', title: 'New', body: ['Body new.'] }));
    const after = await incremental(dir);
    expect(after.feed?.entries.map((e) => e.contentHtml)).toEqual(['<p>Body new.</p>', shownBefore[0]]);
    const kept = await placementsText(dir);
    expect(kept).toContain('<p>Body new.</p>');
    expect(kept).not.toContain(shownBefore[1]);
    // The new story's shard, and the shard of the story that left the feed: at most two of 32.
    const changed = await Promise.all([...before].map(async ([name, text]) => (await readFile(join(folder, name), 'utf8')) !== text));
    expect(changed.filter(Boolean).length).toBeGreaterThan(0);
    expect(changed.filter(Boolean).length).toBeLessThanOrEqual(2);
  });

  it('ignore a shard edited without its hash, and build as if it were not there', async () => {
    const dir = await builtTwo();
    const folder = await placementsFolder(dir);
    for (const name of await readdir(folder)) {
      const text = await readFile(join(folder, name), 'utf8');
      // Another slug for each record: placed by it, the two would be one.
      await writeFile(join(folder, name), text.replace(/"[ab]",/g, '"same",'));
    }
    expect(await withC(dir, '2024.05.16 08:00 GMT')).toEqual(['C', 'B', 'A']);
  });

  it('start the build again from the files when a shown record is not as placed', async () => {
    const dir = await builtTwo();
    // Placements that say A is the newest, hash and all: A, read again to be shown, is not.
    await rewriteShards(dir, (body) => body.replace('[1715673600000,"a"', '[1717200000000,"a"'));
    expect(await withC(dir, '2024.05.13 08:00 GMT')).toEqual(['B', 'A', 'C']);
    expect(await placementsText(dir)).toContain('[1715673600000,"a"');
  });
});

/** The records of the articles folder, read with the placements the last build left. */
async function readPlaced(dir: string, key?: string) {
  const folder = await placementsFolder(dir);
  return readRecords(join(dir, 'articles'), {}, { display: 'articles', placements: Placements.open(folder, key ?? (await keyOf(dir))) });
}
/** The key the last build kept its placements for, from the first line of a shard. */
const keyOf = async (dir: string) => {
  const folder = await placementsFolder(dir);
  return JSON.parse((await readFile(join(folder, (await readdir(folder))[0]!), 'utf8')).split('\n')[0]!).key as string;
};
const placed = async (dir: string, key?: string) => (await readPlaced(dir, key)).records.map((r) => [r.slug, placementOf(r) !== undefined]);

describe('placements when reading', () => {
  async function project() {
    const dir = await makeProject({
      'articles/a.txt': article({ dateline: '2024.05.14 08:00 GMT', title: 'A' }),
      'articles/b.md': '---\ntitle: B\npublished: 2024-05-15 08:00 +00:00\n---\nStory B.\n',
    });
    for (const name of ['a.txt', 'b.md']) await utimes(join(dir, 'articles', name), OLD, OLD);
    await incremental(dir);
    return dir;
  }

  it('place the records of unchanged files, and read the files that changed', async () => {
    const dir = await project();
    await writeFile(join(dir, 'articles', 'b.md'), '---\ntitle: B, edited\npublished: 2024-05-15 08:00 +00:00\n---\nStory B.\n');
    const { records } = await readPlaced(dir);
    expect(records.map((r) => [r.slug, placementOf(r)?.id])).toEqual([
      ['a', 'tag:wire.example.org,2024-05-14:a'],
      ['b', undefined],
    ]);
    expect(records[1]?.title).toBe('B, edited');
    // A placed record's fields come from its file, read again when asked.
    expect(records[0]?.title).toBe('A');
  });

  it('read a changed file again, even with the same size and mtime', async () => {
    const dir = await project();
    const file = join(dir, 'articles', 'a.txt');
    await writeFile(file, (await readFile(file, 'utf8')).replace('\nA\n', '\nZ\n'));
    await utimes(file, OLD, OLD);
    // Same size, same mtime, but the write moved the ctime: the bytes are hashed again.
    expect(await placed(dir)).toEqual([['a', false], ['b', true]]);
    expect((await readPlaced(dir)).records[0]?.title).toBe('Z');
  });

  it('place a file touched but not changed: its bytes hash the same', async () => {
    const dir = await project();
    await utimes(join(dir, 'articles', 'a.txt'), new Date(), new Date());
    expect(await placed(dir)).toEqual([['a', true], ['b', true]]);
  });

  it('save a file known by its hash alone again once a shard can vouch for its size and times', async () => {
    // Written "in a minute": too new for the shards the first build saves to vouch for their size and times.
    const soon = Date.now() + 60_000;
    // A feed that may show more than 1,000 items keeps none whole: these rebuilds, which show none, change nothing else in the shards.
    const dir = await makeProject(
      { 'articles/a.txt': article({ dateline: '2024.05.14 08:00 GMT', title: 'A' }), 'articles/b.md': '---\ntitle: B\npublished: 2024-05-15 08:00 +00:00\n---\nStory B.\n' },
      { ...BASE_CONFIG, limit: 1001 },
    );
    for (const name of ['a.txt', 'b.md']) await utimes(join(dir, 'articles', name), new Date(soon), new Date(soon));
    await incremental(dir);
    const folder = await placementsFolder(dir);
    const key = await keyOf(dir);
    const savedAt = async () => Promise.all((await readdir(folder)).sort().map(async (name) => JSON.parse((await readFile(join(folder, name), 'utf8')).split('\n')[0]!).savedAt as number));
    const first = await savedAt();
    const rebuild = async (now: number) => {
      const placements = Placements.open(folder, key);
      const { records } = await readRecords(join(dir, 'articles'), {}, { display: 'articles', placements });
      expect(records.map((r) => placementOf(r) !== undefined)).toEqual([true, true]);
      await placements.save([], now);
    };
    // Still too new: saving again would not help, and nothing is written.
    await rebuild(Date.now());
    expect(await savedAt()).toEqual(first);
    // Later, the shards that hold the two files are saved again, and only those.
    const later = soon + 10_000;
    await rebuild(later);
    const second = await savedAt();
    const rewritten = second.filter((at, shard) => at !== first[shard]);
    expect(rewritten.length).toBeGreaterThanOrEqual(1);
    expect(rewritten.length).toBeLessThanOrEqual(2);
    expect(rewritten.every((at) => at === later)).toBe(true);
    // Now known by their size and times: a build after that writes nothing more.
    await rebuild(later + 10_000);
    expect(await savedAt()).toEqual(second);
  });

  it('ignore shards that do not parse, and read every file', async () => {
    const dir = await project();
    const folder = await placementsFolder(dir);
    const key = await keyOf(dir);
    expect(await placed(dir, key)).toEqual([['a', true], ['b', true]]);
    for (const name of await readdir(folder)) await writeFile(join(folder, name), '{"format": 1, "ver');
    expect(await placed(dir, key)).toEqual([['a', false], ['b', false]]);
  });
});

describe('placements in a build, given shards they did not write', () => {
  it('start again from the files when a record kept whole is not of the shape this version writes', async () => {
    const dir = await builtTwo();
    await rewriteShards(dir, (body) => body.replaceAll('"lines":', '"lines_":'));
    expect(await withC(dir, '2024.05.13 08:00 GMT')).toEqual(['B', 'A', 'C']);
  });
});

describe('placements and messages', () => {
  it('read a file that gave a message every time, so that the message is given again', async () => {
    const dir = await makeProject({ 'articles/a.txt': article({ title: 'Bell\u0007 rings' }), 'articles/b.txt': article({ dateline: '2024.05.15 08:00 GMT', title: 'B' }) });
    for (const name of ['a.txt', 'b.txt']) await utimes(join(dir, 'articles', name), OLD, OLD);
    const first = await incremental(dir);
    expect(first.diagnostics[0]).toMatchObject({ file: 'articles/a.txt', ruleId: 'input/forbidden-character' });
    await writeFile(join(dir, 'articles', 'c.txt'), article({ dateline: '2024.05.13 08:00 GMT', title: 'C' }));
    expect((await incremental(dir)).diagnostics).toEqual(first.diagnostics);
    expect(await placed(dir)).toEqual([['a', false], ['b', true], ['c', true]]);
  });

  it('give the same ids and dates from a record kept whole as from its file', async () => {
    const dir = await makeProject(
      {
        'articles/late.md': '---\ntitle: Late\npublished: 2024-05-16 23:30 America/Los_Angeles\nupdated: 2024-11-03 01:30 -07:00\n---\nLate in the day.\n',
        'articles/early.txt': article({ dateline: '2024.05.17 00:15 GMT+14', title: 'Early' }),
        'articles/other.txt': article({ dateline: '2024.05.01 08:00 GMT', title: 'Other' }),
      },
      { ...BASE_CONFIG, limit: 3 },
    );
    for (const name of ['late.md', 'early.txt', 'other.txt']) await utimes(join(dir, 'articles', name), OLD, OLD);
    const view = (r: BuildResult) => r.feed?.entries.map((e) => [e.id, e.published.toISO(), e.published.zoneName, e.updated.toISO()]);
    const now = DateTime.fromISO('2024-12-01T00:00:00Z');
    const fresh = view(await incremental(dir, { now }));
    expect(fresh?.map((e) => e[0])).toEqual(['tag:wire.example.org,2024-05-16:late', 'tag:wire.example.org,2024-05-17:early', 'tag:wire.example.org,2024-05-01:other']);
    await writeFile(join(dir, 'articles', 'other.txt'), article({ dateline: '2024.05.01 08:00 GMT', title: 'Other, edited' }));
    expect(view(await incremental(dir, { now }))).toEqual(fresh);
    expect(await placementsText(dir)).toContain('America/Los_Angeles');
  });
});

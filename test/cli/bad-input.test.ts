import { execFile } from 'node:child_process';
import { chmod, chown, cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCli } from '../built-cli.js';
import { article, cli, makeProject } from '../helpers.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bad');

interface Outcome {
  /** Exit code: 0 accepted (with a documented normalization), 1 rejected. */
  readonly code: 0 | 1;
  /** The file and line the message must name, as `file:line` (just `file` for a file that cannot be read at all), relative to articles/; "" for the articles folder itself. */
  readonly at?: string;
  readonly rule: string;
  /** Words the message must hold: what was found, and how to fix it. */
  readonly says: readonly string[];
  /**
   * Accepted cases: what the case adds to the feed, as a JSON Feed item to
   * match (default: the item titled "Reservoir levels rise for a third
   * week"), or null when it adds nothing (a draft, a file that is not a record).
   */
  readonly item?: Record<string, unknown> | null;
}

/** Every case under test/fixtures/bad, and what feedwright must do with it. */
const CASES: Readonly<Record<string, Outcome>> = {
  'missing-title.txt': { code: 1, at: 'missing-title.txt:1', rule: 'input/missing-title', says: ['no headline'] },
  'missing-dateline.txt': { code: 1, at: 'missing-dateline.txt:1', rule: 'input/dateline', says: ['is not a date', '2024.05.16 11:55 GMT+8'] },
  'malformed-dateline.txt': { code: 1, at: 'malformed-dateline.txt:1', rule: 'input/dateline', says: ['"2024.06.03 9:1 GMT+2"'] },
  'no-zone.txt': { code: 1, at: 'no-zone.txt:1', rule: 'input/dateline', says: ['has no time zone', '"timezone"'] },
  'dst-gap.txt': { code: 1, at: 'dst-gap.txt:1', rule: 'input/dateline', says: ['does not exist', 'America/New_York'] },
  'dst-overlap.txt': { code: 1, at: 'dst-overlap.txt:1', rule: 'input/dateline', says: ['happens twice', '2024-11-03T01:30:00-04:00', '2024-11-03T01:30:00-05:00'] },
  'feb-30.txt': { code: 1, at: 'feb-30.txt:1', rule: 'input/dateline', says: ['not a real date', 'February 2024 has 29 days'] },
  'hour-25.txt': { code: 1, at: 'hour-25.txt:1', rule: 'input/dateline', says: ['hour 25'] },
  'updated-before-published.txt': { code: 1, at: 'updated-before-published.txt:5', rule: 'input/updated-before-published', says: ['2024-06-02T18:00:00+02:00', '2024-06-03T09:15:00+02:00'] },
  'bad-updated.txt': { code: 1, at: 'bad-updated.txt:5', rule: 'input/date', says: ['"Updated"', 'yesterday afternoon'] },
  'duplicate-slug': { code: 1, at: 'duplicate-slug/south/reservoir.txt:1', rule: 'input/duplicate-slug', says: ['duplicate-slug/north/reservoir.txt', '"slug"'] },
  'duplicate-id': { code: 1, at: 'duplicate-id/second.txt:1', rule: 'input/duplicate-id', says: ['duplicate-id/first.txt', 'urn:uuid:6d1f3a52'] },
  'empty.txt': { code: 1, at: 'empty.txt:1', rule: 'input/empty', says: ['is empty', 'dateline'] },
  'blank-lines-only.txt': { code: 1, at: 'blank-lines-only.txt:1', rule: 'input/empty', says: ['is empty'] },
  'binary.txt': { code: 1, at: 'binary.txt:1', rule: 'input/not-text', says: ['not UTF-8 text', 'byte 0'] },
  'invalid-utf8.txt': { code: 1, at: 'invalid-utf8.txt:3', rule: 'input/not-text', says: ['not UTF-8 text', 'byte 27 (0xE9', 'looks like Windows-1252 or Latin-1', 'iconv -f windows-1252 -t utf-8 FILE'] },
  // U+2019 saved as Windows-1252 writes it, 0x92: once called "binary data".
  'windows-1252.txt': { code: 1, at: 'windows-1252.txt:5', rule: 'input/not-text', says: ['(0x92, "\u2019" in Windows-1252)', 'iconv -f windows-1252 -t utf-8'] },
  'front-matter-unclosed.txt': { code: 1, at: 'front-matter-unclosed.txt:1', rule: 'input/front-matter', says: ['never closed'] },
  'front-matter-yaml.txt': { code: 1, at: 'front-matter-yaml.txt:3', rule: 'input/front-matter', says: ['not valid YAML'] },
  'front-matter-type.txt': { code: 1, at: 'front-matter-type.txt:3', rule: 'input/field-type', says: ['"tags" must be a list'] },
  // A key feedwright does not use is left out, with one warning for the build that counts them (config "unknownFields").
  'front-matter-unknown.txt': { code: 0, at: '', rule: 'input/unknown-fields', says: ['1 record has fields feedwright does not use: headline (1)', '"unknownFields"'], item: { title: 'Reservoir levels rise' } },
  // A root-relative link is a path on the site, resolved against siteUrl (docs/records.md).
  'link-not-absolute.txt': { code: 0, rule: '', says: [], item: { title: 'Reservoir levels rise', url: 'https://wire.example.org/articles/reservoir/' } },
  'id-not-uri.txt': { code: 1, at: 'id-not-uri.txt:2', rule: 'input/field-type', says: ['"id" must be a URI'] },
  'bad-email.txt': { code: 1, at: 'bad-email.txt:2', rule: 'input/field-type', says: ['not an email address'] },
  'no-body.txt': { code: 1, at: 'no-body.txt:3', rule: 'input/empty-body', says: ['no text after the headline'] },
  'bom-crlf.txt': { code: 0, rule: '', says: [] },
  'control-character.txt': { code: 0, at: 'control-character.txt:3', rule: 'input/forbidden-character', says: ['U+0007', 'U+001B', 'removed'] },

  // JSON records: syntax, types, shapes.
  'json-syntax.json': { code: 1, at: 'json-syntax.json:5', rule: 'input/json', says: ['is not valid JSON', 'fix the syntax'] },
  'json-title-number.json': { code: 1, at: 'json-title-number.json:2', rule: 'input/field-type', says: ['"title" must be text; found 42'] },
  'json-draft-text.json': { code: 1, at: 'json-draft-text.json:5', rule: 'input/field-type', says: ['"draft" must be true or false; found "yes"'] },
  'json-no-content.json': { code: 1, at: 'json-no-content.json:1', rule: 'input/missing-content', says: ['"content_html" or "content_text"'] },
  'json-empty-array.json': { code: 1, at: 'json-empty-array.json:1', rule: 'input/empty', says: ['empty array'] },
  'json-record-not-object.json': { code: 1, at: 'json-record-not-object.json:7', rule: 'input/field-type', says: ['record 2 (index 1)', 'must be an object'] },
  'json-duplicate-field.json': { code: 1, at: 'json-duplicate-field.json:4', rule: 'input/duplicate-field', says: ['"date" and "published"', 'keep one'] },
  'json-wrong-weekday.json': { code: 1, at: 'json-wrong-weekday.json:3', rule: 'input/date', says: ['wrong weekday'] },
  'json-two-digit-year.json': { code: 1, at: 'json-two-digit-year.json:3', rule: 'input/date', says: ['2-digit year', 'four digits'] },
  'json-raw-control-character.json': { code: 1, at: 'json-raw-control-character.json:4', rule: 'input/json', says: ['is not valid JSON', 'control character', '"\\u0001"'] },
  'attachment-no-url.json': { code: 1, at: 'attachment-no-url.json:5', rule: 'input/field-type', says: ['"attachments" item 1 needs a "url"'] },
  'attachment-unknown-key.json': { code: 1, at: 'attachment-unknown-key.json:5', rule: 'input/field-type', says: ['"attachments" item 1 has a key "bytes"', 'mime_type', 'size_in_bytes'] },
  'hugo-lastmod-not-a-date.md': { code: 1, at: 'hugo-lastmod-not-a-date.md:4', rule: 'input/date', says: ['"lastmod"', 'last Tuesday'] },
  'attachment-negative-length.json': { code: 1, at: 'attachment-negative-length.json:5', rule: 'input/field-type', says: ['"length" must be a size in bytes; found -1'] },

  // Markdown records: front matter.
  'md-no-front-matter.md': { code: 1, at: 'md-no-front-matter.md:1', rule: 'input/front-matter', says: ['has no front matter', '"title" and "published"'] },
  'md-front-matter-list.md': { code: 1, at: 'md-front-matter-list.md:2', rule: 'input/front-matter', says: ['"key: value" lines'] },
  'md-published-number.md': { code: 1, at: 'md-published-number.md:3', rule: 'input/field-type', says: ['"published" must be text; found 2024'] },
  'md-empty-body.md': { code: 1, at: 'md-empty-body.md:4', rule: 'input/empty-body', says: ['no body after its front matter'] },
  // Eight levels of YAML aliases (9^8 references): refused before they are expanded.
  'md-yaml-aliases.md': { code: 1, at: 'md-yaml-aliases.md:4', rule: 'input/front-matter', says: ['"tags" expands aliases (*name) more than 100 times', 'write the values out'] },
  // The 555 bytes of nested aliases (took 52 s and 2.3 GB, then "internal error" naming no file): refused at the first key past the bound.
  'yaml-alias-bomb.md': { code: 1, at: 'yaml-alias-bomb.md:7', rule: 'input/front-matter', says: ['"x3" expands aliases'] },
  'yaml-colon-in-title.md': { code: 1, at: 'yaml-colon-in-title.md:3', rule: 'input/front-matter', says: ['"title" holds ": "', 'put the value in quotes: title: "Reservoirs: levels rise for a third week"'] },
  // Jekyll's dated file name with no date in front matter: midnight in the config's timezone, which this project does not set.
  '2024-06-03-dated-name-no-zone.markdown': { code: 1, at: '2024-06-03-dated-name-no-zone.markdown', rule: 'input/date', says: ['the date in its file name: "2024-06-03" has no time zone', 'set "timezone"'] },

  // Other tools' posts, read as those tools mean them.
  'toml-front-matter.md': { code: 0, rule: '', says: [], item: { date_published: '2024-06-03T09:15:00+02:00', tags: ['water', 'drought'] } },
  // A Hugo page bundle, after a blank first line: its slug is its folder's name.
  'page-bundle': { code: 0, rule: '', says: [], item: { url: expect.stringContaining('/reservoir-week-three/') } },

  // Ids, links and media.
  'tag-id-not-rfc4151.txt': { code: 1, at: 'tag-id-not-rfc4151.txt:2', rule: 'input/field-type', says: ['"id" must be a URI', 'RFC 4151'] },
  'url-with-spaces.txt': { code: 1, at: 'url-with-spaces.txt:2', rule: 'input/field-type', says: ['"link" must be an absolute http(s) URL', '%20', '"https://example.org/articles/reservoir levels/"'] },
  'url-bad-percent.txt': { code: 1, at: 'url-bad-percent.txt:2', rule: 'input/field-type', says: ['"image" must be an absolute http(s) URL', 'a % itself as %25', '"https://example.org/media/100%.jpg"'] },
  'link-angle-brackets.json': { code: 1, at: 'link-angle-brackets.json:5', rule: 'input/field-type', says: ['"link" must be an absolute http(s) URL', '%3C'] },
  'image-javascript.txt': { code: 1, at: 'image-javascript.txt:2', rule: 'input/field-type', says: ['"image" must be an absolute http(s) URL', 'javascript:alert(document.cookie)'] },
  'image-no-extension.txt': { code: 1, at: 'image-no-extension.txt:2', rule: 'input/media-type', says: ['no extension that names its media type', '"type"'] },
  'author-url-not-http.md': { code: 1, at: 'author-url-not-http.md:4', rule: 'input/field-type', says: ['"ftp://example.org/ana" is not an absolute http(s) URL'] },
  'duplicate-id-across-formats': { code: 1, at: 'duplicate-id-across-formats/b.md:1', rule: 'input/duplicate-id', says: ['duplicate-id-across-formats/a.txt', 'https://example.org/articles/reservoir/'] },

  // Dates.
  'unknown-zone.txt': { code: 1, at: 'unknown-zone.txt:1', rule: 'input/dateline', says: ['"Mars/Olympus" is not a time zone'] },
  'offset-out-of-range.txt': { code: 1, at: 'offset-out-of-range.txt:1', rule: 'input/dateline', says: ['"GMT+15" is out of range', '-14:00 to +14:00'] },
  'dateline-only.txt': { code: 1, at: 'dateline-only.txt:1', rule: 'input/missing-title', says: ['no headline'] },

  // Accepted, with a documented normalization.
  'cr-line-ends.txt': { code: 0, rule: '', says: [] },
  'u-fffe.txt': { code: 0, at: 'u-fffe.txt:5', rule: 'input/forbidden-character', says: ['U+FFFE', 'removed'], item: { content_html: expect.stringContaining('reservoir  rose') } },
  'escaped-surrogate.json': { code: 0, at: 'escaped-surrogate.json:4', rule: 'input/forbidden-character', says: ['in "summary"', 'U+D800'], item: { summary: 'Levels rose  again.' } },
  // "\ud83d", a raw U+FFFF, "\udc00": three characters XML forbids, removed from the value, never joined into one.
  'json-escapes-joined.json': { code: 0, at: 'json-escapes-joined.json:4', rule: 'input/forbidden-character', says: ['in "summary"', 'U+D83D', 'U+FFFF', 'U+DC00'], item: { summary: 'Levels rose.' } },
  'tag-only-forbidden.json': { code: 0, at: 'tag-only-forbidden.json:5', rule: 'input/forbidden-character', says: ['in "tags"', 'U+0001, U+0002'], item: { tags: ['water'] } },
  'title-white-space.json': { code: 0, rule: '', says: [] },
  'media-type-unregistered.json': { code: 0, at: 'media-type-unregistered.json:5', rule: 'input/media-type', says: ['"audio/x-made-up"', 'not registered', '"audio/mpeg"'], item: { attachments: [{ url: 'https://example.org/media/report.mp3', mime_type: 'audio/mpeg' }] } },
  'draft.txt': { code: 0, rule: '', says: [], item: null },
  // Other tools' fields mean what they mean there (docs/records.md): Jekyll's categories join the tags, excerpt is the summary.
  'jekyll-post.md': {
    code: 0,
    at: '',
    rule: 'input/unknown-fields',
    says: ['1 record has fields feedwright does not use: comments (1), layout (1)'],
    item: { tags: ['water', 'city news', 'reservoirs', 'rationing'], summary: 'Levels rose again; rationing stays.', date_modified: '2024-06-04T10:00:00+02:00' },
  },
  'jekyll-unpublished.md': { code: 0, rule: '', says: [], item: null },
  'attachment-json-feed-keys.json': {
    code: 0,
    rule: '',
    says: [],
    item: { attachments: [{ url: 'https://example.org/media/report.mp3', mime_type: 'audio/mpeg', title: "The utility's briefing", size_in_bytes: 2048 }] },
  },
  '_underscore.txt': { code: 0, rule: '', says: [], item: null },
  'notes.html': { code: 0, rule: '', says: [], item: null },
};

const GOOD = article({ dateline: '2024.06.01 08:00 GMT+2', title: 'A good article that always builds' });
const ACCEPTED_TITLE = 'Reservoir levels rise for a third week';

/** Every byte and mtime of the output folder. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(dir)) out[name] = `${await readFile(join(dir, name), 'utf8')}@${(await stat(join(dir, name))).mtimeMs}`;
  return out;
}

/** A project with one good article, built once: the output every rejected build must leave as it was. */
async function builtProject(): Promise<{ dir: string; before: Record<string, string> }> {
  const dir = await makeProject({ 'articles/good.txt': GOOD });
  expect((await cli(['build'], dir)).code).toBe(0);
  return { dir, before: await snapshot(join(dir, 'output')) };
}

/** Checks one build against the expected outcome. */
async function expectOutcome(dir: string, before: Record<string, string>, outcome: Outcome, code: number, stderr: string): Promise<void> {
  expect(code, stderr).toBe(outcome.code);
  expect(stderr).not.toMatch(/\n\s+at /); // never a stack trace
  if (outcome.at !== undefined) {
    const line = stderr.split('\n').find((l) => l.startsWith(outcome.at === '' ? 'articles:' : `articles/${outcome.at}:`));
    expect(line, stderr).toBeDefined();
    expect(line).toContain(`[${outcome.rule}]`);
    expect(line).toContain(outcome.code === 1 ? ': error: ' : ': warning: ');
    for (const words of outcome.says) expect(line).toContain(words);
  } else {
    expect(stderr).toBe('');
  }
  if (outcome.code === 1) {
    expect(stderr).toContain('nothing was written');
    expect(await snapshot(join(dir, 'output'))).toEqual(before);
  } else {
    const json = JSON.parse(await readFile(join(dir, 'output', 'feed.json'), 'utf8')) as { items: { title: string }[] };
    const others = json.items.filter((i) => i.title !== 'A good article that always builds');
    if (outcome.item === null) expect(others).toEqual([]);
    else {
      expect(others).toHaveLength(1);
      expect(others[0]).toMatchObject({ title: ACCEPTED_TITLE, ...outcome.item });
    }
  }
}

/** The largest record file feedwright reads is 10 MiB: this one is 50. */
const FIFTY_MB = 50 * 1024 * 1024;

/**
 * Cases that cannot be committed as files: each is made by the test in its
 * project, and has its outcome here, as the fixtures have theirs in CASES.
 */
const GENERATED: Readonly<Record<string, { readonly make: (articles: string) => Promise<void>; readonly outcome: Outcome }>> = {
  'huge.txt': {
    make: async (articles) => {
      const paragraph = `${'Water levels in the reservoir rose for a third week, the utility said. '.repeat(40)}\n\n`;
      const head = `2024.06.03 09:15 GMT+2\n\n${ACCEPTED_TITLE}\n\n`;
      await writeFile(join(articles, 'huge.txt'), head + paragraph.repeat(Math.ceil((FIFTY_MB - head.length) / paragraph.length)));
      expect((await stat(join(articles, 'huge.txt'))).size).toBeGreaterThanOrEqual(FIFTY_MB);
    },
    outcome: { code: 1, at: 'huge.txt', rule: 'input/too-large', says: ['is 50.0 MiB', 'at most 10.0 MiB', "one article's text never needs that much", 'split it'] },
  },
  // A name saved in Latin-1: listed with U+FFFD for its byte, it was "cannot be read (ENOENT); check its permissions".
  'caf\uFFFD.txt': {
    make: async (articles) => {
      await writeFile(Buffer.concat([Buffer.from(join(articles, 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]), await readFile(join(FIXTURES, 'bom-crlf.txt')));
    },
    outcome: { code: 1, at: 'caf\uFFFD.txt', rule: 'input/name-not-utf8', says: ['not UTF-8 (its bytes: 63 61 66 E9 2E 74 78 74)', 'rename it'] },
  },
  'symlink-loop.txt': {
    make: (articles) => symlink('symlink-loop.txt', join(articles, 'symlink-loop.txt')),
    outcome: { code: 1, at: 'symlink-loop.txt', rule: 'input/broken-link', says: ['symbolic link', 'in a loop', 'fix the link or remove it'] },
  },
  'symlink-dangling.md': {
    make: (articles) => symlink('drafts/missing.md', join(articles, 'symlink-dangling.md')),
    outcome: { code: 1, at: 'symlink-dangling.md', rule: 'input/broken-link', says: ['symbolic link', 'leads to nothing'] },
  },
  'symlink-to-article.txt': {
    make: async (articles) => {
      await mkdir(join(articles, '_sources'));
      await cp(join(FIXTURES, 'bom-crlf.txt'), join(articles, '_sources', 'original.txt'));
      await symlink(join('_sources', 'original.txt'), join(articles, 'symlink-to-article.txt'));
    },
    outcome: { code: 0, rule: '', says: [] },
  },
  'linked-folder': {
    make: async (articles) => {
      await mkdir(join(articles, '..', 'elsewhere'));
      await cp(join(FIXTURES, 'bom-crlf.txt'), join(articles, '..', 'elsewhere', 'reservoir.txt'));
      await symlink(join('..', 'elsewhere'), join(articles, 'linked-folder'));
    },
    outcome: { code: 0, at: 'linked-folder', rule: 'input/linked-folder', says: ['link to a folder', 'not followed'], item: null },
  },
  'folder-named-like-a-record.txt': {
    // A folder is a folder, whatever its name: the articles in it are read.
    make: async (articles) => {
      await mkdir(join(articles, 'folder-named-like-a-record.txt'));
      await cp(join(FIXTURES, 'bom-crlf.txt'), join(articles, 'folder-named-like-a-record.txt', 'inside.txt'));
    },
    outcome: { code: 0, rule: '', says: [] },
  },
  'fifo.txt': {
    make: (articles) => promisify(execFile)('mkfifo', [join(articles, 'fifo.txt')]).then(() => undefined),
    outcome: { code: 1, at: 'fifo.txt', rule: 'input/not-a-file', says: ['not a regular file', 'FIFO'] },
  },
};

describe('bad input', () => {
  it('has an expected outcome for every fixture, and a fixture for every outcome', async () => {
    expect((await readdir(FIXTURES)).sort()).toEqual(Object.keys(CASES).sort());
    // The corpus of the issue: at least 40 cases, committed or made by the test.
    const unreadable = 1; // below, on its own: it needs another user when the tests run as root
    expect(Object.keys(CASES).length + Object.keys(GENERATED).length + unreadable).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.entries(CASES))('%s', async (name, outcome) => {
    const { dir, before } = await builtProject();
    await cp(join(FIXTURES, name), join(dir, 'articles', name), { recursive: true });
    const { code, stderr } = await cli(['build'], dir);
    await expectOutcome(dir, before, outcome, code, stderr);
  });

  it.each(Object.entries(GENERATED))('%s (made by the test)', async (_name, { make, outcome }) => {
    const { dir, before } = await builtProject();
    try {
      await make(join(dir, 'articles'));
      const { code, stderr } = await cli(['build'], dir);
      await expectOutcome(dir, before, outcome, code, stderr);
    } finally {
      await rm(dir, { recursive: true, force: true }); // 50 MB is too much to leave in the temp folder
    }
  });

  it('reports every problem in one run, not only the first', async () => {
    const dir = await makeProject({});
    for (const name of ['feb-30.txt', 'missing-title.txt', 'front-matter-type.txt', 'binary.txt']) await cp(join(FIXTURES, name), join(dir, 'articles', name));
    const { code, stderr } = await cli(['build'], dir);
    expect(code).toBe(1);
    for (const rule of ['input/dateline', 'input/missing-title', 'input/field-type', 'input/not-text']) expect(stderr).toContain(`[${rule}]`);
    expect(stderr).toContain('4 errors');
  });
});

describe('an article file without read permission', () => {
  // Root reads any file whatever its mode: as root, the build runs as "nobody" in a child process.
  const asRoot = process.getuid?.() === 0;
  let built: Awaited<ReturnType<typeof compileCli>> | undefined;
  beforeAll(async () => {
    if (asRoot) built = await compileCli();
  }, 120_000);
  afterAll(async () => built?.remove());

  it('is rejected naming the file and its permissions, and the output stays as it was', async () => {
    const { dir, before } = await builtProject();
    const file = join(dir, 'articles', 'unreadable.txt');
    await cp(join(FIXTURES, 'bom-crlf.txt'), file);
    await chmod(file, 0o000);
    let result: { code: number; stderr: string };
    if (asRoot) {
      const NOBODY = 65534;
      for (const path of [dir, ...(await readdir(dir, { recursive: true })).map((p) => join(dir, p))]) await chown(path, NOBODY, NOBODY);
      // Owned by nobody with mode 000: not even its owner may read it.
      result = await new Promise((resolve) => {
        execFile(process.execPath, [built!.cli, 'build'], { cwd: dir, uid: NOBODY, gid: NOBODY, timeout: 60_000 }, (error, _stdout, stderr) => {
          resolve({ code: error ? Number((error as { code?: number }).code ?? -1) : 0, stderr });
        });
      });
    } else {
      result = await cli(['build'], dir);
    }
    await expectOutcome(dir, before, { code: 1, at: 'unreadable.txt', rule: 'input/unreadable', says: ['cannot be read (EACCES)', 'check its permissions'] }, result.code, result.stderr);
  });
});

describe('config errors', () => {
  it.each([
    [{ files: { rss: 'a.xml', atom: 'a.xml' } }, 'would be named "a.xml"'],
    [{ files: { rss: 'feed.xsl' }, stylesheet: true }, 'would be named "feed.xsl"'],
    [{ files: { rss: '_headers' }, headers: true }, 'would be named "_headers"'],
    [{ files: { atom: 'feed.xml.gz' }, precompress: true }, 'would be named "feed.xml.gz"'],
  ])('exits 2 when two output files would share a name: %j', async (bad, says) => {
    const dir = await makeProject({ 'articles/good.txt': GOOD }, { title: 'T', siteUrl: 'https://example.org', author: 'Desk', ...bad });
    const { code, stderr } = await cli(['build'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain(says);
  });

  it.each([
    [{ limit: 0 }, '"limit" must be a whole number of 1 or more; found 0'],
    [{ limit: -5 }, '"limit" must be a whole number of 1 or more; found -5'],
    [{ limit: 2.5 }, '"limit" must be a whole number of 1 or more; found 2.5'],
    [{ limit: '20' }, '"limit" must be a whole number of 1 or more; found "20"'],
    [{ siteUrl: 'example.com' }, '"siteUrl" must be an absolute http(s) URL'],
    [{ siteUrl: '/blog/' }, '"siteUrl" must be an absolute http(s) URL'],
    [{ siteUrl: 'ftp://example.org' }, '"siteUrl" must be an absolute http(s) URL'],
    [{ feedUrl: 'https://example.org/<feeds>/' }, '"feedUrl" must be an absolute http(s) URL'],
    [{ siteUrl: 'https:/example.org' }, '"siteUrl" must be an absolute http(s) URL, such as "https://example.com": "https:/example.org" has no host'],
    [{ articlePath: '/a|b/{slug}/' }, '"articlePath" must be a path a URL can hold: "/a|b/x/" holds "|", which a URL cannot hold; write it as "%7C"'],
    [{ facets: { tags: 't^gs/{slug}/' } }, '"facets" "tags" must be a folder a URL can name: "t^gs/x/" holds "^"'],
    [{ podcast: { image: 'https://example.org/show|art.jpg', categories: ['News'], explicit: false } }, '"podcast" needs an "image"'],
    [{ podcast: { image: 'https://example.org/show.jpg', categories: ['News'], explicit: false, funding: { url: 'http://example.org/give', text: 'Give' } } }, '"funding" must be {"url": an absolute https URL'],
    [{ timezone: 'Mars/Olympus' }, '"timezone" must be an IANA time zone'],
    [{ timezone: 'GMT+8' }, '"timezone" must be an IANA time zone'],
    [{ colour: 'blue' }, 'unknown key "colour"'],
    [{ utc: 'yes' }, '"utc" must be true or false'],
    [{ title: 42 }, '"title" must be non-empty text; found 42'],
    [{ title: '   ' }, '"title" must be non-empty text'],
    [{ language: 'English' }, '"language" must be a language tag'],
    [{ author: 'Desk <not an email>' }, '"author" "not an email" is not an email address'],
    [{ title: 'Wire\u0000Desk' }, '"title" has characters that XML 1.0 forbids (U+0000); remove them'],
    [{ copyright: '© Wire \uFFFE' }, '"copyright" has characters that XML 1.0 forbids (U+FFFE); remove them'],
    [{ files: { rss: '../feed.xml' } }, '"files" "rss" must be a plain file name'],
  ])('exits 2 for %j, naming the key and its line', async (bad, says) => {
    const config = { title: 'T', siteUrl: 'https://example.org', author: 'Desk', ...bad };
    const dir = await makeProject({ 'articles/good.txt': GOOD }, config);
    const { code, stderr } = await cli(['build'], dir);
    expect(code).toBe(2);
    const [key] = Object.keys(bad);
    const line = JSON.stringify(config, null, 2).split('\n').findIndex((l) => l.startsWith(`  "${key}":`)) + 1;
    expect(stderr).toMatch(new RegExp(`^feedwright\\.config\\.json:${line}: error: `));
    expect(stderr).toContain(says);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).not.toContain('output');
  });

  it('exits 2 for a config that is not JSON, with the line', async () => {
    const dir = await makeProject({ 'articles/good.txt': GOOD });
    await cp(join(FIXTURES, 'empty.txt'), join(dir, 'feedwright.config.json'));
    const { code, stderr } = await cli(['build'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('is not valid JSON');
  });

  it('exits 2 when there is no config, saying what to create', async () => {
    const dir = await makeProject({ 'articles/good.txt': GOOD });
    const { code, stderr } = await cli(['build', '--config', 'missing.json'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('missing.json: error: no config file');
  });
});

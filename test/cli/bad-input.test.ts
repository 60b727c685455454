import { cp, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, cli, makeProject } from '../helpers.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bad');

interface Outcome {
  /** Exit code: 0 accepted (with a documented normalization), 1 rejected. */
  readonly code: 0 | 1;
  /** The file and line the message must name, as `file:line`, relative to articles/. */
  readonly at?: string;
  readonly rule: string;
  /** Words the message must hold: what was found, and how to fix it. */
  readonly says: readonly string[];
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
  'binary.txt': { code: 1, at: 'binary.txt:3', rule: 'input/not-text', says: ['not UTF-8 text', 'byte 8'] },
  'invalid-utf8.txt': { code: 1, at: 'invalid-utf8.txt:3', rule: 'input/not-text', says: ['not UTF-8 text'] },
  'front-matter-unclosed.txt': { code: 1, at: 'front-matter-unclosed.txt:1', rule: 'input/front-matter', says: ['never closed'] },
  'front-matter-yaml.txt': { code: 1, at: 'front-matter-yaml.txt:3', rule: 'input/front-matter', says: ['not valid YAML'] },
  'front-matter-type.txt': { code: 1, at: 'front-matter-type.txt:3', rule: 'input/field-type', says: ['"tags" must be a list'] },
  'front-matter-unknown.txt': { code: 1, at: 'front-matter-unknown.txt:3', rule: 'input/unknown-field', says: ['"headline"'] },
  'link-not-absolute.txt': { code: 1, at: 'link-not-absolute.txt:2', rule: 'input/field-type', says: ['"link" must be an absolute http(s) URL'] },
  'id-not-uri.txt': { code: 1, at: 'id-not-uri.txt:2', rule: 'input/field-type', says: ['"id" must be a URI'] },
  'bad-email.txt': { code: 1, at: 'bad-email.txt:2', rule: 'input/field-type', says: ['not an email address'] },
  'no-body.txt': { code: 1, at: 'no-body.txt:3', rule: 'input/empty-body', says: ['no text after the headline'] },
  'bom-crlf.txt': { code: 0, rule: '', says: [] },
  'control-character.txt': { code: 0, at: 'control-character.txt:3', rule: 'input/forbidden-character', says: ['U+0007', 'U+001B', 'removed'] },
};

const GOOD = article({ dateline: '2024.06.01 08:00 GMT+2', title: 'A good article that always builds' });

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(dir)) out[name] = `${await readFile(join(dir, name), 'utf8')}@${(await stat(join(dir, name))).mtimeMs}`;
  return out;
}

describe('bad input', () => {
  it('has an expected outcome for every fixture, and a fixture for every outcome', async () => {
    expect((await readdir(FIXTURES)).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s', async (name, outcome) => {
    const dir = await makeProject({ 'articles/good.txt': GOOD });
    expect((await cli(['build'], dir)).code).toBe(0);
    const before = await snapshot(join(dir, 'output'));

    await cp(join(FIXTURES, name), join(dir, 'articles', name), { recursive: true });
    const { code, stderr } = await cli(['build'], dir);

    expect(code).toBe(outcome.code);
    expect(stderr).not.toMatch(/\n\s+at /); // never a stack trace
    if (outcome.at !== undefined) {
      const line = stderr.split('\n').find((l) => l.startsWith(`articles/${outcome.at}:`));
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
      const json = JSON.parse(await readFile(join(dir, 'output', 'feed.json'), 'utf8'));
      expect(json.items.map((i: { title: string }) => i.title)).toContain('Reservoir levels rise for a third week');
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

describe('config errors', () => {
  it.each([
    [{ limit: 0 }, '"limit" must be a whole number of 1 or more; found 0'],
    [{ siteUrl: 'example.com' }, '"siteUrl" must be an absolute http(s) URL'],
    [{ timezone: 'Mars/Olympus' }, '"timezone" must be an IANA time zone'],
    [{ colour: 'blue' }, 'unknown key "colour"'],
    [{ utc: 'yes' }, '"utc" must be true or false'],
  ])('exits 2 for %j, naming the key', async (bad, says) => {
    const dir = await makeProject({ 'articles/good.txt': GOOD }, { title: 'T', siteUrl: 'https://example.org', author: 'Desk', ...bad });
    const { code, stderr } = await cli(['build'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^feedwright\.config\.json:\d+: error: /);
    expect(stderr).toContain(says);
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

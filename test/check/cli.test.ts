import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { ATOM_NS } from '../../src/vocabulary/formats.js';
import { tempDir } from '../temp.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs the CLI in-process with a fixed clock, capturing what it prints. */
async function cli(argv: readonly string[], cwd: string, stdin?: string) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    now: () => 0,
    clock: () => DateTime.fromISO('2026-01-01T00:00:00Z'),
    ...(stdin === undefined ? {} : { stdin: async () => stdin }),
  });
  return { code, stdout, stderr };
}

const RSS = (channel: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="${ATOM_NS}">
  <channel>
    <title>Harbor Notes</title>
    <link>https://notes.example.org/</link>
    <description>Short notes.</description>
${channel}  </channel>
</rss>
`;
const SELF = '    <atom:link href="https://notes.example.org/feed.xml" rel="self" type="application/rss+xml"/>\n    <language>en</language>\n';

async function folder(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await tempDir('feedwright-check-');
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('feedwright check', () => {
  it('prints path:line:col, severity, message and rule id for each problem, then a summary, and exits 1 on an error', async () => {
    const dir = await folder({ 'bad.xml': RSS(`${SELF}    <item><title>A</title><author>Desk</author></item>\n`) });
    const { code, stdout } = await cli(['check', 'bad.xml'], dir);
    expect(code).toBe(1);
    const [line, summary, ...rest] = stdout.split('\n');
    expect(line).toMatch(/^bad\.xml:9:27 {2}error {2}<author> is "Desk", which holds no email address; .+ {2}rss\/author-email$/);
    expect(summary).toBe('feedwright: check failed: 1 file (RSS 2.0), 1 error, 0 warnings, 0 info in 0 ms');
    expect(rest).toEqual(['']);
  });

  it('exits 0 when there are only warnings, and 1 with --strict', async () => {
    const dir = await folder({ 'warn.xml': RSS('    <language>en</language>\n') });
    const plain = await cli(['check', 'warn.xml'], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('warn.xml:3:3  warning  <channel> has no <atom:link rel="self">');
    expect(plain.stdout).toContain('check passed: 1 file (RSS 2.0), 0 errors, 1 warning, 0 info');
    const strict = await cli(['check', '--strict', 'warn.xml'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('check failed (strict)');
  });

  it('does not fail on an info, even with --strict', async () => {
    const dir = await folder({ 'info.xml': RSS(SELF.replace('    <language>en</language>\n', '')) });
    const { code, stdout } = await cli(['check', '--strict', 'info.xml'], dir);
    expect(stdout).toContain('info  <channel> has no <language>');
    expect(code).toBe(0);
  });

  it('prints the diagnostics as a JSON array with --format json', async () => {
    const dir = await folder({ 'feed.json': '{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "a"}]}' });
    const { code, stdout } = await cli(['check', '--format', 'json', 'feed.json'], dir);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ file: 'feed.json', line: 1, column: 73, ruleId: 'json/content', severity: 'error' }),
    ]);
  });

  it('reads standard input for "-"', async () => {
    const { code, stdout } = await cli(['check', '-'], ROOT, `<feed xmlns="${ATOM_NS}"><title>T</title></feed>`);
    expect(code).toBe(1);
    expect(stdout).toContain('<stdin>:1:1  error  <feed> has no <id>');
    expect(stdout).toContain('1 file (Atom 1.0)');
  });

  it('checks every file it can read, and exits 2 when one cannot be read', async () => {
    const dir = await folder({ 'good.xml': RSS(SELF) });
    const { code, stdout, stderr } = await cli(['check', 'missing.xml', 'good.xml'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read missing.xml');
    expect(stdout).toContain('check failed: 1 file (RSS 2.0), 1 unreadable, 0 errors');
  });

  it.each([
    [['check'], 'name at least one feed file'],
    [['check', '--format', 'xml', 'a.xml'], '--format is "xml"'],
    [['check', '--fix', 'a.xml'], "Unknown option '--fix'"],
  ])('exits 2 with the usage for %j', async (argv, message) => {
    const { code, stderr } = await cli(argv, ROOT);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('feedwright check [--format text|json] [--strict] [--profile apple|podcastindex|media]... [--base URL] FILE...');
  });

  it("passes the project's own output with --strict and no diagnostic at all", async () => {
    const { code, stdout } = await cli(['check', '--strict', 'output/feed.xml', 'output/atom.xml', 'output/feed.json'], ROOT);
    expect(stdout).toBe('feedwright: check passed (strict): 3 files (RSS 2.0, Atom 1.0, JSON Feed), 0 errors, 0 warnings, 0 info in 0 ms\n');
    expect(code).toBe(0);
  });
});

describe('feedwright check --profile', () => {
  it("adds a profile's rules: the podcast example passes apple and podcastindex, and a show without artwork fails apple alone", async () => {
    const example = join(ROOT, 'examples', 'podcast', 'output', 'feed.xml');
    const passed = await cli(['check', '--strict', '--profile', 'apple', '--profile', 'podcastindex', '--profile', 'media', example], ROOT);
    expect(passed.stdout).toMatch(/check passed \(strict\): 1 file/);
    const dir = await folder({ 'show.xml': RSS(`${SELF}    <item><title>One</title><guid isPermaLink="false">urn:uuid:1b4e28ba-2fa1-11d2-883f-0016cb7b6a10</guid><description>x</description></item>\n`) });
    expect((await cli(['check', 'show.xml'], dir)).code).toBe(0);
    const apple = await cli(['check', '--profile', 'apple', 'show.xml'], dir);
    expect(apple.code).toBe(1);
    expect(apple.stdout).toContain('apple/show');
    expect(apple.stdout).toContain('apple/episode');
  });

  it('refuses a profile it does not know', async () => {
    const { code, stderr } = await cli(['check', '--profile', 'spotify', 'a.xml'], ROOT);
    expect(code).toBe(2);
    expect(stderr).toContain('--profile is "spotify"; use "apple", "podcastindex", "media"');
  });
});

describe('feedwright check on what breaks it', () => {
  it('follows no archive link with a malformed escape, and takes guids as written, not as numbers', async () => {
    const page = (id: string, prev: string) =>
      RSS(`${SELF}    <atom:link href="${prev}" rel="prev-archive"/>\n    <item><title>T</title><guid isPermaLink="false">${id}</guid><description>x</description></item>\n`);
    const dir = await folder({ 'feed.xml': page('0012', 'https://notes.example.org/page.xml'), 'page.xml': page('12', 'https://notes.example.org/archive/%E0%A4%A/feed.xml').replace('https://notes.example.org/feed.xml', 'https://notes.example.org/page.xml') });
    const { code, stdout } = await cli(['check', 'feed.xml'], dir);
    expect(stdout).not.toContain('archive/duplicate-id');
    expect(stdout).toContain('archive/broken-link');
    expect(code).toBe(1);
  });

  it('takes a media:content with a player and no url, and an itunes:category named like an object key, without a stack', async () => {
    const doc = RSS(
      `${SELF}    <item><title>T</title><guid isPermaLink="false">urn:x:1</guid><description>x</description><media:content medium="video"><media:player url="https://notes.example.org/play"/></media:content></item>\n    <itunes:category text="constructor"><itunes:category text="x"/></itunes:category>\n`,
    ).replace('<rss version="2.0"', '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"');
    const dir = await folder({ 'show.xml': doc });
    const media = await cli(['check', '--profile', 'media', 'show.xml'], dir);
    expect(media.stdout).not.toContain('media/content');
    const apple = await cli(['check', '--profile', 'apple', 'show.xml'], dir);
    expect(apple.stdout).toContain('<itunes:category text="constructor"> is not a category');
    expect(apple.stderr).toBe('');
  });
});

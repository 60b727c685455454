import { execFile } from 'node:child_process';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCli } from '../built-cli.js';
import { article, makeProject } from '../helpers.js';

const PARSERS = ['markdown-it', 'js-yaml', 'jsonc-parser', 'htmlparser2', 'fast-xml-parser'] as const;

let built: Awaited<ReturnType<typeof compileCli>>;
beforeAll(async () => {
  built = await compileCli();
}, 120_000);
afterAll(() => built.remove());

/**
 * Runs the real command and says which parsers the process loaded (they
 * load on first use, as CommonJS), and whether it loaded the proof (an ES
 * module, seen by a loader hook).
 */
async function build(project: string): Promise<{ stdout: string; loaded: string[]; proof: boolean }> {
  const { stdout, loaded, modules } = await feedwright(project, ['build']);
  return { stdout, loaded, proof: modules.some((url) => url.endsWith('/check/prove.js')) };
}

/** The real bin with `argv`: its output, the parsers it loaded and the URL of every ES module it loaded. */
async function feedwright(project: string, argv: readonly string[]): Promise<{ stdout: string; loaded: string[]; modules: string[] }> {
  const report = join(project, 'loaded.mjs');
  await writeFile(join(project, 'hooks.mjs'), "export async function load(url, context, next) {\n  process.stderr.write('\\nESM ' + url + '\\n');\n  return next(url, context);\n}\n");
  await writeFile(
    report,
    "import { createRequire, register } from 'node:module';\n" +
      "register('./hooks.mjs', import.meta.url);\n" +
      "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(createRequire(import.meta.url).cache)) + '\\n'));\n",
  );
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', report, built.cli, ...argv], { cwd: project });
  // One line each: the loader hook's lines come from a thread of their own, in no fixed order with the rest.
  const lines = stderr.split('\n');
  const files = JSON.parse(lines.find((line) => line.startsWith('LOADED '))!.slice('LOADED '.length)) as string[];
  return {
    stdout,
    loaded: PARSERS.filter((name) => files.some((f) => f.includes(`/node_modules/${name}/`))),
    modules: lines.filter((line) => line.startsWith('ESM ')).map((line) => line.slice('ESM '.length)),
  };
}

describe('the start of the command', () => {
  it('loads each parser, and the proof, only when a build needs it', async () => {
    const linked = ['See <a href="/reports/tide.html">the report</a>.', 'Done.'];
    const project = await makeProject({
      'articles/plain.txt': article({ body: linked }),
      'articles/front.txt': article({ title: 'Ferry timetable changes', dateline: '2024.05.15 09:00 GMT+8', front: 'tags: [ferry]' }),
      'articles/notes.md': '---\ntitle: Library hours\npublished: 2024-05-14T10:00:00+08:00\nsummary: >\n  Open early,\n  all week.\n---\n\nThe *library* opens early.\n',
      'articles/list.json': JSON.stringify({ title: 'Market day', published: '2024-05-13T08:00:00+08:00', content_html: '<p>Stalls open.</p>' }),
    });
    // Files older than the cache by a clear margin: it trusts their sizes and times.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const name of await readdir(join(project, 'articles'))) await utimes(join(project, 'articles', name), hourAgo, hourAgo);

    const cold = await build(project);
    expect(cold.stdout).toContain('wrote feed.xml');
    expect(cold.loaded).toEqual([...PARSERS]);
    expect(cold.proof).toBe(true);

    const unchanged = await build(project);
    expect(unchanged.stdout).toContain('wrote nothing');
    expect(unchanged.loaded).toEqual([]);
    expect(unchanged.proof).toBe(false);

    // One plain-text article without front matter changed: it is read, its links made absolute, the feeds proven. The
    // other records the feed shows are kept whole in the memo: their files are not read, nor their parsers loaded.
    await writeFile(join(project, 'articles', 'plain.txt'), article({ body: [...linked, 'A line added.'] }));
    const one = await build(project);
    expect(one.stdout).toContain('wrote feed.xml');
    expect(one.loaded).toEqual(['htmlparser2', 'fast-xml-parser']);
    expect(one.proof).toBe(true);
  }, 60_000);

  it('answers --version and build --help without loading a command', async () => {
    const project = await makeProject({});
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const asked = await feedwright(project, ['--version']);
    expect(asked.stdout).toBe(`${version}\n`);
    const helped = await feedwright(project, ['build', '--help']);
    expect(helped.stdout).toMatch(/^Usage: feedwright build \[/);
    for (const { modules } of [asked, helped]) {
      expect(modules.some((url) => url.endsWith('/cli/run.js'))).toBe(true);
      expect(modules.filter((url) => /\/cli\/(build|serve|check)\.js$/.test(url))).toEqual([]);
    }
  }, 60_000);
});

import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';
import { PROJECT } from './harness.js';

const exec = promisify(execFile);

/**
 * npm run by a script passes its own settings down (the project's folder
 * among them); the consumer's npm must find its own folder instead.
 */
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(config_local_prefix|package_|lifecycle_|command$)/i.test(key)));
const npm = (args: readonly string[], cwd: string) => exec('npm', [...args], { cwd, env: npmEnv, maxBuffer: 64 * 1024 * 1024 });

const EXPECTED = 'true atom.xml,feed.json,feed.xml\n';
const INPUT = `{ config: { title: 'T', siteUrl: 'https://example.com', author: { name: 'A' } }, records: [{ title: 'Hello', published: new Date('2024-05-16T03:55:00Z'), content_html: '<p>Hi</p>' }] }`;

/** A project that knows feedwright only from the registry's point of view: its tarball, installed. */
const CONSUMER: Readonly<Record<string, string>> = {
  'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  'tsconfig.json': JSON.stringify(
    // "types": [] as tsc --init writes it: no global types but those the package's own declarations bring.
    { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: [], strict: true, skipLibCheck: false, noEmit: true }, files: ['consumer.ts', 'consumer.cts'] },
    null,
    2,
  ),
  'consumer.ts': [
    "import { createFeeds } from 'feedwright';",
    '',
    `const { ok, files } = await createFeeds(${INPUT});`,
    'const names: string[] = Object.keys(files);',
    'const proven: boolean = ok;',
    'console.log(proven, names.sort().join(\',\'));',
    '// @ts-expect-error: the records are required, which only real types can say',
    'await createFeeds({ config: {} });',
    '',
  ].join('\n'),
  'consumer.cts': [
    "import feedwright = require('feedwright');",
    '',
    `feedwright.createFeeds(${INPUT}).then(({ ok }) => console.log(ok satisfies boolean));`,
    '',
  ].join('\n'),
  'consumer.mjs': [
    "import { createFeeds } from 'feedwright';",
    '',
    `const { ok, files } = await createFeeds(${INPUT});`,
    "console.log(ok, Object.keys(files).sort().join(','));",
    '',
  ].join('\n'),
  'consumer.cjs': [
    "const { createFeeds } = require('feedwright');",
    '',
    `createFeeds(${INPUT}).then(({ ok, files }) => console.log(ok, Object.keys(files).sort().join(',')));`,
    '',
  ].join('\n'),
};

let packed: readonly string[];
let consumer: string;

// The tarball is made from dist/ as `npm run test:e2e` built it; its scripts are not run again here.
beforeAll(async () => {
  const dir = await tempDir('feedwright-package-');
  const { stdout } = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], PROJECT);
  const [tarball] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packed = tarball!.files.map((f) => f.path);
  consumer = join(dir, 'consumer');
  await mkdir(consumer);
  for (const [name, text] of Object.entries(CONSUMER)) await writeFile(join(consumer, name), text);
  await npm(['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tarball!.filename)], consumer);
}, 300_000);

describe('the published package', () => {
  it('holds the compiled library and its types, and no source map, source or test', () => {
    expect(packed).toContain('dist/index.js');
    expect(packed).toContain('dist/index.d.ts');
    expect(packed).toContain('dist/cli.js');
    expect(packed.filter((path) => path.endsWith('.map'))).toEqual([]);
    expect(packed.filter((path) => !path.startsWith('dist/') && !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(path))).toEqual([]);
  });

  it("type-checks in a consumer's strict tsc with skipLibCheck off, imported and required, with nothing installed but feedwright", async () => {
    const tsc = join(PROJECT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await exec(process.execPath, [tsc, '-p', consumer]).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result).toEqual({ code: 0, stdout: '' });
  }, 120_000);

  it('is imported by an ES module', async () => {
    expect((await exec(process.execPath, ['consumer.mjs'], { cwd: consumer })).stdout).toBe(EXPECTED);
  });

  it('is required by a CommonJS module, as Node 20.19 and later can require an ES module graph without top-level await', async () => {
    expect((await exec(process.execPath, ['consumer.cjs'], { cwd: consumer })).stdout).toBe(EXPECTED);
  });

  it("installs the bin, which prints the package's version", async () => {
    const { version } = JSON.parse(await readFile(join(PROJECT, 'package.json'), 'utf8')) as { version: string };
    expect((await exec(join(consumer, 'node_modules', '.bin', 'feedwright'), ['--version'], { cwd: consumer })).stdout).toBe(`${version}\n`);
  });
});

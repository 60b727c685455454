import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { build } from '../../src/build/build.js';
import type { Feed } from '../../src/vocabulary/types.js';
import { waitFor } from '../serve/wait.js';
import { tempDir } from '../temp.js';

/** The project's own checkout: its articles, its config, and the bin that `npm run build:ts` made. */
export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(PROJECT, 'dist', 'cli.js');
export const ARTIFACTS = join(PROJECT, 'test', 'e2e', 'artifacts');

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real bin in its own process; `finished` settles when it exits. */
export function feedwright(argv: readonly string[], cwd: string) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (t: string) => void (out.stdout += t));
  child.stderr!.setEncoding('utf8').on('data', (t: string) => void (out.stderr += t));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, ...out }));
  });
  return { child, out, finished };
}

/**
 * A site made from the project's own articles and config, with the feed
 * page, precompressed copies and `_headers` turned on, built by the real
 * bin; with the feed model the same build holds, for what readers must see.
 */
export async function makeSite(options: { readonly utc: boolean }): Promise<{ dir: string; feed: Feed }> {
  const dir = await tempDir(`feedwright-e2e-${options.utc ? 'utc' : 'offsets'}-`);
  await cp(join(PROJECT, 'articles'), join(dir, 'articles'), { recursive: true });
  const config = JSON.parse(await readFile(join(PROJECT, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
  if (typeof config.publicDir === 'string') await cp(join(PROJECT, config.publicDir), join(dir, config.publicDir), { recursive: true });
  await writeFile(join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, stylesheet: true, precompress: true, headers: true }, null, 2));

  const built = await feedwright(['build', ...(options.utc ? ['--utc'] : [])], dir).finished;
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  const checked = await build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', utc: options.utc, check: true });
  expect(checked.exitCode).toBe(0);
  return { dir, feed: checked.feed! };
}

/** `feedwright serve --port 0` on loopback; `stop()` sends Ctrl-C (SIGINT) and returns how it exited. */
export async function startServer(dir: string) {
  const server = feedwright(['serve', '--port', '0'], dir);
  const url = await waitFor('the serving line', () => {
    if (server.child.exitCode !== null) throw new Error(`feedwright serve exited ${server.child.exitCode}: ${server.out.stderr}`);
    return /at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(server.out.stdout)?.[1];
  });
  return {
    url,
    out: server.out,
    stop: async (): Promise<Finished> => {
      server.child.kill('SIGINT');
      return server.finished;
    },
  };
}

/** Each item as a reader should see it: what the model says, the instants in milliseconds. */
export function expectedItems(feed: Feed) {
  return feed.entries.map((e) => ({ id: e.id, title: e.title, link: e.link, published: e.published.toMillis(), updated: e.updated.toMillis() }));
}

import { createServer } from 'node:net';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { BASE_CONFIG, article, cli, makeProject } from '../helpers.js';
import { fetchRaw } from './http.js';
import { waitFor } from './wait.js';

/** `feedwright serve ...` in-process until `stop()`, with what it printed. */
function startServe(argv: readonly string[], cwd: string) {
  const controller = new AbortController();
  const out = { stdout: '', stderr: '' };
  const done = run(['serve', '--port', '0', ...argv], { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), cwd, signal: controller.signal });
  return {
    out,
    url: () => waitFor('the serving line', () => /at (http:\/\/\S+\/) /.exec(out.stdout)?.[1]),
    stop: async () => {
      controller.abort();
      return done;
    },
  };
}

const FILES = { 'articles/a.txt': article({ title: 'Harbor cranes return' }) };

describe('feedwright serve', () => {
  it('serves the output folder until stopped, one log line per response, and exits 0', async () => {
    const dir = await makeProject(FILES);
    await cli(['build'], dir);
    const serving = startServe([], dir);
    const url = await serving.url();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const reply = await fetchRaw(url, '/feed.xml');
    expect(reply.status).toBe(200);
    expect(reply.body.toString('utf8')).toContain('Harbor cranes return');
    expect(await serving.stop()).toBe(0);
    expect(serving.out.stdout).toContain('GET /feed.xml 200\n');
    expect(serving.out.stdout).toMatch(/feedwright: stopped\n$/);
    await expect(fetchRaw(url, '/feed.xml')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('takes Cache-Control, file names and the stylesheet from the config', async () => {
    const dir = await makeProject(FILES, { ...BASE_CONFIG, cacheControl: 'public, max-age=60', files: { rss: 'rss.xml' }, stylesheet: true });
    await cli(['build'], dir);
    const serving = startServe(['--out', 'output'], dir);
    const url = await serving.url();
    const rss = await fetchRaw(url, '/rss.xml');
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(rss.headers['cache-control']).toBe('public, max-age=60');
    expect((await fetchRaw(url, '/feed.xsl')).headers['content-type']).toBe('text/xsl; charset=utf-8');
    expect(await serving.stop()).toBe(0);
  });

  it('serves with the default names when there is no config file', async () => {
    const dir = await makeProject({});
    await rm(join(dir, 'feedwright.config.json'));
    await mkdir(join(dir, 'public'));
    await writeFile(join(dir, 'public', 'atom.xml'), '<feed xmlns="http://www.w3.org/2005/Atom"/>\n');
    const serving = startServe(['--out', 'public'], dir);
    const reply = await fetchRaw(await serving.url(), '/atom.xml');
    expect(reply.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('public, max-age=300');
    expect(await serving.stop()).toBe(0);
  });

  it('exits 2 when the config it is given is missing or invalid', async () => {
    const dir = await makeProject({});
    await mkdir(join(dir, 'output'));
    const missing = await cli(['serve', '--config', 'none.json'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.json: error: no config file');
    await writeFile(join(dir, 'feedwright.config.json'), '{ "title": "broken" ');
    const broken = await cli(['serve'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('feedwright.config.json:1: error: is not valid JSON');
  });

  it('exits 2 for a bad port or option and 1 when the output folder is missing', async () => {
    const dir = await makeProject(FILES);
    const port = await cli(['serve', '--port', 'eighty'], dir);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port must be a number from 0 to 65535; found "eighty"');
    expect((await cli(['serve', '--port', '70000'], dir)).code).toBe(2);
    expect((await cli(['serve', '--open'], dir)).code).toBe(2);
    const missing = await cli(['serve', '--out', 'nowhere'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere: error: is not a folder; run "feedwright build" first');
  });

  it('exits 1 and says so when the port is taken', async () => {
    const dir = await makeProject(FILES);
    await cli(['build'], dir);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      const result = await cli(['serve', '--port', String(port)], dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`127.0.0.1:${port} is in use; pass another --port`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

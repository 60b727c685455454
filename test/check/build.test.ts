import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, cli, makeProject } from '../helpers.js';

const GOOD = article({ dateline: '2024.06.01 08:00 GMT+2', title: 'Harbor cranes return to work' });
const written = async (dir: string) => (await readdir(join(dir, 'output')).catch(() => [] as string[])).sort();

describe('build runs the spec rules on what it renders', () => {
  it('prints a warning of the rules and still writes the feeds', async () => {
    const dir = await makeProject({ 'articles/good.txt': GOOD, 'articles/old.txt': article({ dateline: '1985.05.16 11:55 GMT+8', title: 'A report from 1985' }) });
    const { code, stderr } = await cli(['build'], dir);
    expect(code).toBe(0);
    // Each of the three formats carries the date, and says so.
    expect(stderr).toMatch(/^output\/feed\.xml:\d+:\d+: warning: <pubDate> is 1985-05-16T03:55:00Z, before 1990.+\[feed\/implausible-date\]$/m);
    expect(stderr).toContain('output/atom.xml:');
    expect(stderr).toContain('output/feed.json:');
    expect(await written(dir)).toEqual(['atom.xml', 'feed.json', 'feed.xml']);
  });

  it('fails on that warning with --strict, and writes nothing', async () => {
    const dir = await makeProject({ 'articles/good.txt': GOOD, 'articles/old.txt': article({ dateline: '1985.05.16 11:55 GMT+8', title: 'A report from 1985' }) });
    const { code, stderr } = await cli(['build', '--strict'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('[feed/implausible-date]');
    expect(stderr).toContain('build failed: 0 errors, 6 warnings');
    expect(stderr).toContain('nothing was written');
    // Not even the output folder: it is first touched when a proven file is handed over.
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });

  it('stops before rendering at an id that Atom would refuse: the input checks tag URIs as the rules do', async () => {
    const dir = await makeProject({ 'articles/good.txt': GOOD, 'articles/odd-id.txt': article({ front: 'id: "tag:wire.example.org:odd"', title: 'An odd id' }) });
    const { code, stderr } = await cli(['build'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^articles\/odd-id\.txt:2: error: "id" must be a URI.+not a tag URI of RFC 4151.+\[input\/field-type\]$/m);
    expect(stderr).toContain('nothing was written');
    expect(await written(dir)).toEqual([]);
  });

  it('passes the same project without a diagnostic once the problem is gone', async () => {
    const dir = await makeProject({ 'articles/good.txt': GOOD });
    const { code, stderr } = await cli(['build', '--strict'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await written(dir)).toEqual(['atom.xml', 'feed.json', 'feed.xml']);
  });
});

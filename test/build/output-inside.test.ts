import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, cli, makeProject } from '../helpers.js';

describe('an output folder inside the articles folder', () => {
  it('is never read back as records, on the first build or any after', async () => {
    const dir = await makeProject({ 'articles/a.txt': article() });
    for (let build = 0; build < 2; build++) {
      const result = await cli(['build', '--out', 'articles/feeds'], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    expect((await readdir(join(dir, 'articles', 'feeds'))).sort()).toEqual(['atom.xml', 'feed.json', 'feed.xml']);
    const check = await cli(['build', '--out', 'articles/feeds', '--check', '--no-cache'], dir);
    expect(check.code).toBe(0);
  });
});

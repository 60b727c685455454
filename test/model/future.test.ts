import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { article, makeProject } from '../helpers.js';

const FILES = {
  'articles/past.txt': article({ dateline: '2024.05.16 11:55 GMT+8', title: 'Already out' }),
  'articles/next.txt': article({ dateline: '2024.06.01 09:00 GMT+8', title: 'Not yet' }),
  'articles/draft.md': '---\ntitle: Draft\npublished: 2024-05-01T00:00:00Z\ndraft: true\n---\nBody\n',
};
const clock = new Date('2024-05-20T00:00:00Z');

async function titles(options: { future?: boolean; now?: Date }) {
  const dir = await makeProject(FILES);
  const result = await build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', ...options });
  const json = JSON.parse(await readFile(join(dir, 'output', 'feed.json'), 'utf8'));
  return { titles: json.items.map((i: { title: string }) => i.title), diagnostics: result.diagnostics };
}

describe('what is published', () => {
  it('leaves out a record dated after the build clock, saying so', async () => {
    const { titles: shown, diagnostics } = await titles({ now: clock });
    expect(shown).toEqual(['Already out']);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'articles/next.txt', line: 1, severity: 'info', ruleId: 'input/future' })]);
  });

  it('includes it with --future', async () => {
    expect((await titles({ now: clock, future: true })).titles).toEqual(['Not yet', 'Already out']);
  });

  it('leaves out a future record by the real clock when the library is given none, as the command line does', async () => {
    const dir = await makeProject({ ...FILES, 'articles/later.txt': article({ dateline: '2999.01.01 09:00 GMT+8', title: 'Far off' }) });
    const result = await build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json' });
    const json = JSON.parse(await readFile(join(dir, 'output', 'feed.json'), 'utf8'));
    expect(json.items.map((i: { title: string }) => i.title)).not.toContain('Far off');
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ file: 'articles/later.txt', ruleId: 'input/future' }));
  });

  it('leaves drafts out of every feed', async () => {
    expect((await titles({ future: true })).titles).not.toContain('Draft');
  });
});

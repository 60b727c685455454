import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { RecordSpill } from '../../src/build/spill.js';
import type { ArticleRecord } from '../../src/vocabulary/record.js';
import { BASE_CONFIG, cli, makeProject } from '../helpers.js';
import { tempDir } from '../temp.js';

const record = (i: number): ArticleRecord => ({
  source: { file: `articles/r${i}.md`, line: 1 },
  lines: { title: 2 },
  slug: `r${i}`,
  title: `Report ${i} — Zürich`,
  published: DateTime.fromISO('2024-05-16T11:55:00', { zone: 'Asia/Kathmandu' }),
  tags: ['rivers'],
  // As a Markdown record gives it: rendered when asked.
  get contentHtml() {
    return `<p>${'Body. '.repeat(i % 7 === 0 ? 40_000 : 10)}</p>`;
  },
});

/** Runs `body` with the system's temporary folder set to `temp` (a new empty folder, unless given). */
async function withTemp(body: (temp: string) => void | Promise<void>, temp?: string): Promise<void> {
  temp ??= await tempDir('feedwright-spill-test-');
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = temp;
  try {
    await body(temp);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

describe('the records a build writes aside', () => {
  it('reads each back as it was, dates in their zone, across the chunks they were written in, and leaves nothing behind', () =>
    withTemp((temp) => {
      const spill = RecordSpill.open();
      // Its file removed as soon as it was opened: nothing is left should the build be killed.
      expect(readdirSync(temp)).toEqual([]);
      const numbers = Array.from({ length: 60 }, (_, i) => spill.put(record(i)));
      // Read out of order, some twice, with more written between.
      for (const i of [59, 0, 7, 31, 0]) {
        const back = spill.get(numbers[i]!);
        expect(back.title).toBe(`Report ${i} — Zürich`);
        expect(back.contentHtml).toBe(record(i).contentHtml);
        expect(back.published!.toISO()).toBe('2024-05-16T11:55:00.000+05:45');
        expect(back.published!.zoneName).toBe('Asia/Kathmandu');
      }
      const late = spill.put(record(60));
      expect(spill.get(late).slug).toBe('r60');
      spill.close();
      spill.close();
      expect(readdirSync(temp)).toEqual([]);
    }));

  it('says which folder it could not write, and how to choose another', async () => {
    const dir = await makeProject({ 'articles/a.json': JSON.stringify({ title: 'One', slug: 'one', published: '2024-05-01T08:00:00Z', content_html: '<p>One.</p>' }) }, { ...BASE_CONFIG, archive: { pageSize: 1 }, limit: 1 });
    const nowhere = join(dir, 'no', 'such', 'folder');
    await withTemp(async () => {
      const built = await cli(['build'], dir);
      expect(built.code).toBe(1);
      expect(built.stderr).toContain(`cannot write the feed set's records aside in the temporary folder ${nowhere}; set TMPDIR to a folder that can be written and has room for them. Nothing was written`);
      expect(existsSync(join(dir, 'output', 'feed.xml'))).toBe(false);
    }, nowhere);
  });
});

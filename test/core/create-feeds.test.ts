import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { createFeeds } from '../../src/index.js';
import { BASE_CONFIG, makeProject } from '../helpers.js';

const RECORDS = [
  { title: 'Ferry timetable changes', slug: 'ferry', published: '2024.05.16 11:55 GMT+8', updated: '2024-05-17T09:45:00+08:00', tags: ['ferry', 'harbor'], content_html: '<p>Boats leave <a href="/timetable/">earlier</a>.</p>' },
  { title: 'Storm & tide <warning>', slug: 'storm', published: 'Thu, 16 May 2024 08:00:00 +0530', author: { name: 'Tide Desk', email: 'tide@wire.example.org' }, content_text: 'High water at noon.', attachments: [{ url: 'https://wire.example.org/tide.mp3', type: 'audio/mpeg', length: 1200 }] },
  { title: 'Library opens late', slug: 'library', published: '2024-05-15 18:00 Asia/Kathmandu', summary: 'Until ten.', content_html: '<p>Until ten, on weekdays.</p>' },
];

describe('createFeeds', () => {
  it('gives the same bytes as feedwright build for the same records', async () => {
    const dir = await makeProject({ 'articles/all.json': JSON.stringify(RECORDS, null, 2) });
    const built = await build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json', now: new Date('2025-01-01T00:00:00Z') });
    expect(built.diagnostics).toEqual([]);
    const made = await createFeeds({ config: BASE_CONFIG, records: RECORDS, now: new Date('2025-01-01T00:00:00Z') });
    expect(made.diagnostics).toEqual([]);
    expect(made.ok).toBe(true);
    expect(Object.keys(made.files).sort()).toEqual(['atom.xml', 'feed.json', 'feed.xml']);
    for (const name of Object.keys(made.files)) expect(made.files[name], name).toBe(await readFile(join(dir, 'output', name), 'utf8'));
  });

  it('takes JS Dates as instants, written in UTC', async () => {
    const { ok, files, feed } = await createFeeds({ config: BASE_CONFIG, records: [{ title: 'Hello', published: new Date('2024-05-16T03:55:00Z'), content_html: '<p>Hi</p>' }], now: new Date('2025-01-01T00:00:00Z') });
    expect(ok).toBe(true);
    expect(feed?.entries[0]?.slug).toBe('hello');
    expect(files['feed.xml']).toContain('<pubDate>Thu, 16 May 2024 03:55:00 +0000</pubDate>');
    expect(files['atom.xml']).toContain('<published>2024-05-16T03:55:00Z</published>');
  });

  it('reports a bad config key and a bad record as diagnostics, with no files', async () => {
    const badConfig = await createFeeds({ config: { ...BASE_CONFIG, colour: 'blue', constructor: 'x' }, records: RECORDS });
    expect(badConfig.ok).toBe(false);
    expect(badConfig.files).toEqual({});
    expect(badConfig.diagnostics.map((d) => [d.file, d.ruleId, d.message.slice(0, 26)])).toEqual([
      ['config', 'config/unknown-key', 'has an unknown key "colour'],
      ['config', 'config/unknown-key', 'has an unknown key "constr'],
    ]);
    const badRecord = await createFeeds({ config: BASE_CONFIG, records: [RECORDS[0]!, { title: 'No date', slug: 'no-date', content_html: '<p>x</p>' }, { title: 'Bad date', slug: 'bad-date', published: new Date('nonsense'), content_html: '<p>x</p>' }] });
    expect(badRecord.ok).toBe(false);
    expect(badRecord.files).toEqual({});
    // Each record is read, then placed: a date that does not read is reported where it is read, and only there.
    expect(badRecord.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
      ['records[2]', 'input/date'],
      ['records[1]', 'input/missing-date'],
    ]);
  });

  it('leaves out a record dated after its clock, by default the real one', async () => {
    const later = { title: 'Far off', slug: 'far-off', published: '2999-01-01T00:00:00Z', content_html: '<p>Not yet.</p>' };
    const byDefault = await createFeeds({ config: BASE_CONFIG, records: [RECORDS[0]!, later] });
    expect(byDefault.feed?.entries.map((e) => e.title)).toEqual(['Ferry timetable changes']);
    expect(byDefault.diagnostics).toEqual([expect.objectContaining({ file: 'records[1]', ruleId: 'input/future', severity: 'info' })]);
    const then = await createFeeds({ config: BASE_CONFIG, records: [RECORDS[0]!, later], now: new Date('3000-01-01T00:00:00Z') });
    expect(then.feed?.entries.map((e) => e.title)).toEqual(['Far off', 'Ferry timetable changes']);
  });

  it("writes an attachment's JSON Feed duration, and proves it", async () => {
    const record = { title: 'Tide talk', slug: 'tide-talk', published: '2024-05-16T08:00:00Z', content_text: 'A talk.', attachments: [{ url: 'https://wire.example.org/talk.mp3', mime_type: 'audio/mpeg', size_in_bytes: 2048, duration_in_seconds: 95 }] };
    const { ok, files, diagnostics } = await createFeeds({ config: BASE_CONFIG, records: [record], now: new Date('2025-01-01T00:00:00Z') });
    expect(diagnostics).toEqual([]);
    expect(ok).toBe(true);
    expect(JSON.parse(files['feed.json']!).items[0].attachments).toEqual([{ url: 'https://wire.example.org/talk.mp3', mime_type: 'audio/mpeg', size_in_bytes: 2048, duration_in_seconds: 95 }]);
    expect(files['feed.xml']).toContain('<enclosure url="https://wire.example.org/talk.mp3" length="2048" type="audio/mpeg"/>');
  });

  it('adds the stylesheet and the _headers file when the config asks for them', async () => {
    const { files } = await createFeeds({ config: { ...BASE_CONFIG, stylesheet: true, headers: true }, records: RECORDS, now: new Date('2025-01-01T00:00:00Z') });
    expect(Object.keys(files).sort()).toEqual(['_headers', 'atom.xml', 'feed.json', 'feed.xml', 'feed.xsl']);
  });
});

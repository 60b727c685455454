import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { readBack } from '../src/check/prove.js';
import type { ItemView } from '../src/check/view.js';
import type { Diagnostic } from '../src/vocabulary/diagnostic.js';
import type { FeedFormat } from '../src/vocabulary/types.js';
import { makeProject } from './helpers.js';

/**
 * Each field of docs/records.md, written in each input format, reaches each output
 * format: a table of fields × inputs × outputs, checked on the documents as
 * a reader parses them.
 */

const COMMON = {
  author: 'authors:\n  - name: Ana Souza\n    email: ana@example.org\n  - name: Ben Ode',
  tags: 'tags: [rivers, "a & b"]',
  link: 'link: https://elsewhere.example/story',
  id: 'id: urn:uuid:1b4e28ba-2fa1-11d2-883f-0016cb7b6a10',
  image: 'image: https://site.example/media/photo.png',
  attachments: 'attachments:\n  - url: https://site.example/media/talk.mp3\n    length: 2048',
  language: 'language: pt-BR',
  rights: 'rights: "© 2024 Ana Souza"',
  summary: 'summary: "Rivers rise & fall."',
};
const FRONT = Object.values(COMMON).join('\n');

const INPUTS: Readonly<Record<string, Record<string, string>>> = {
  txt: { 'articles/story.txt': `---\n${FRONT}\n---\n2024.05.16 11:55 GMT+8\n\nRivers rise <again>\n\nUpdated 2024.05.17 09:45 GMT+8\n\nThe rivers rose on Thursday.\n` },
  md: { 'articles/story.md': `---\ntitle: Rivers rise <again>\npublished: 2024-05-16T11:55:00+08:00\nupdated: Fri, 17 May 2024 09:45:00 +0800\n${FRONT}\n---\nThe rivers rose on [Thursday](day/).\n` },
  json: {
    'articles/story.json': JSON.stringify({
      title: 'Rivers rise <again>',
      published: '2024.05.16 11:55 GMT+8',
      updated: '2024-05-17 09:45 Asia/Shanghai',
      authors: [{ name: 'Ana Souza', email: 'ana@example.org' }, 'Ben Ode'],
      tags: ['rivers', 'a & b'],
      link: 'https://elsewhere.example/story',
      id: 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016cb7b6a10',
      image: 'https://site.example/media/photo.png',
      attachments: [{ url: 'https://site.example/media/talk.mp3', length: 2048 }],
      language: 'pt-BR',
      rights: '© 2024 Ana Souza',
      summary: 'Rivers rise & fall.',
      content_html: '<p>The rivers rose on <a href="day/">Thursday</a>.</p>',
    }),
  },
};

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const sameDate = (written: string | undefined, iso: string) => {
  const want = at(iso);
  const got = written === undefined ? undefined : /^\d{4}-/.test(written) ? DateTime.fromISO(written, { setZone: true }) : DateTime.fromRFC2822(written, { setZone: true });
  return got?.toMillis() === want.toMillis() && got.offset === want.offset;
};

type Check = (item: ItemView<string>, input: string) => unknown;
/** What a reader must find, per field and output format; undefined: the format has no place for it. */
const FIELDS: Readonly<Record<string, Partial<Record<FeedFormat, [Check, unknown]>>>> = {
  title: { rss: [(i) => i.title, 'Rivers rise <again>'], atom: [(i) => i.title, 'Rivers rise <again>'], json: [(i) => i.title, 'Rivers rise <again>'] },
  published: {
    rss: [(i) => sameDate(i.published, '2024-05-16T11:55:00+08:00'), true],
    atom: [(i) => sameDate(i.published, '2024-05-16T11:55:00+08:00'), true],
    json: [(i) => sameDate(i.published, '2024-05-16T11:55:00+08:00'), true],
  },
  updated: {
    rss: [(i) => sameDate(i.updated, '2024-05-17T09:45:00+08:00'), true],
    atom: [(i) => sameDate(i.updated, '2024-05-17T09:45:00+08:00'), true],
    json: [(i) => sameDate(i.updated, '2024-05-17T09:45:00+08:00'), true],
  },
  id: { rss: [(i) => i.id, 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016cb7b6a10'], atom: [(i) => i.id, 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016cb7b6a10'], json: [(i) => i.id, 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016cb7b6a10'] },
  link: { rss: [(i) => i.link, 'https://elsewhere.example/story'], atom: [(i) => i.link, 'https://elsewhere.example/story'], json: [(i) => i.link, 'https://elsewhere.example/story'] },
  summary: { rss: [(i) => i.summary, 'Rivers rise &amp; fall.'], atom: [(i) => i.summary, 'Rivers rise &amp; fall.'], json: [(i) => i.summary, 'Rivers rise & fall.'] },
  content: {
    rss: [(i, input) => input === 'txt' || i.content?.includes('href="https://elsewhere.example/day/"'), true],
    atom: [(i, input) => input === 'txt' || i.content?.includes('href="https://elsewhere.example/day/"'), true],
    json: [(i, input) => input === 'txt' || i.content?.includes('href="https://elsewhere.example/day/"'), true],
  },
  authors: {
    rss: [(i) => i.authors.map((a) => a.name), ['Ana Souza', 'Ben Ode']],
    atom: [(i) => i.authors, [{ name: 'Ana Souza', email: 'ana@example.org', url: undefined }, { name: 'Ben Ode', email: undefined, url: undefined }]],
    json: [(i) => i.authors, [{ name: 'Ana Souza', url: 'mailto:ana@example.org' }, { name: 'Ben Ode', url: undefined }]],
  },
  tags: { rss: [(i) => i.tags, ['rivers', 'a & b']], atom: [(i) => i.tags, ['rivers', 'a & b']], json: [(i) => i.tags, ['rivers', 'a & b']] },
  image: {
    atom: [(i) => i.attachments.find((a) => a.url?.endsWith('.png'))?.type, 'image/png'],
    json: [(i) => i.image, 'https://site.example/media/photo.png'],
  },
  attachments: {
    rss: [(i) => i.attachments, [{ url: 'https://site.example/media/talk.mp3', type: 'audio/mpeg', length: '2048' }]],
    atom: [(i) => i.attachments.find((a) => a.url?.endsWith('.mp3')), { url: 'https://site.example/media/talk.mp3', type: 'audio/mpeg', length: '2048' }],
    json: [(i) => i.attachments, [{ url: 'https://site.example/media/talk.mp3', type: 'audio/mpeg', length: '2048' }]],
  },
  language: { atom: [(i) => i.language, 'pt-BR'], json: [(i) => i.language, 'pt-BR'] },
  rights: { rss: [(i) => i.rights, '© 2024 Ana Souza'], atom: [(i) => i.rights, '© 2024 Ana Souza'] },
};

const FILE: Readonly<Record<FeedFormat, string>> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };
const rows = Object.keys(INPUTS).flatMap((input) =>
  Object.entries(FIELDS).flatMap(([field, outputs]) => Object.entries(outputs).map(([format, check]) => [field, input, format as FeedFormat, check] as const)),
);

/**
 * Each input built once, into the item each output format reads back: the
 * diagnostics that `kept` keeps must be none.
 */
function builtItems(inputs: Readonly<Record<string, Readonly<Record<string, string>>>>, kept: (diagnostics: readonly Diagnostic[]) => readonly Diagnostic[]) {
  const built = new Map<string, Promise<Record<FeedFormat, ItemView<string>>>>();
  return (input: string) => {
    if (!built.has(input)) {
      built.set(
        input,
        (async () => {
          const dir = await makeProject(inputs[input]!);
          const result = await build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json' });
          expect(kept(result.diagnostics)).toEqual([]);
          const out = {} as Record<FeedFormat, ItemView<string>>;
          for (const format of ['rss', 'atom', 'json'] as const) {
            out[format] = readBack(format, await readFile(join(dir, 'output', FILE[format]), 'utf8')).view!.items[0]!;
          }
          return out;
        })(),
      );
    }
    return built.get(input)!;
  };
}

describe('every field in every input format reaches every output format', () => {
  const items = builtItems(INPUTS, (d) => d);

  it.each(rows)('%s written in .%s reaches %s', async (field, input, format, [check, expected]) => {
    const item = (await items(input))[format];
    expect(check(item, input), `${field} in ${format} from ${input}`).toEqual(expected);
  });
});

/**
 * The fields other tools write (docs/records.md, "Fields from other tools"),
 * each in a post in that tool's style, reach each output format as the
 * feedwright field they mean.
 */
const SITE = 'https://wire.example.org';
const TOOL_INPUTS: Readonly<Record<string, Record<string, string>>> = {
  jekyll: {
    'articles/rivers.md': [
      '---',
      'layout: post',
      'title:  "Rivers rise"',
      'date: 2024-05-16 11:55:00 +0800',
      'last_modified_at: 2024-05-17 09:45:00 +0800',
      'categories: [rivers]',
      'tags: dams floods',
      'excerpt: "Rivers rise & fall."',
      'permalink: /2024/05/16/rivers.html',
      'image:',
      '  path: /media/photo.png',
      '  alt: The river at noon',
      'comments: true',
      '---',
      'The rivers rose on Thursday.',
      '',
    ].join('\n'),
  },
  hugo: {
    'articles/rivers.md': [
      '---',
      'title: "Rivers rise"',
      'date: 2024-05-16T11:55:00+08:00',
      'lastmod: 2024-05-17T09:45:00+08:00',
      'description: "Rivers rise & fall."',
      'images:',
      '- /media/photo.png',
      'categories: ["rivers"]',
      'tags: [dams, floods]',
      'url: /2024/05/16/rivers.html',
      'draft: false',
      'weight: 10',
      '---',
      'The rivers rose on Thursday.',
      '',
    ].join('\n'),
  },
  // The other names of the same fields: Jekyll themes' and jekyll-seo-tag's.
  'jekyll themes': {
    'articles/rivers.markdown': [
      '---',
      'title: Rivers rise',
      'date: 2024-05-16 11:55:00 +0800',
      'modified: 2024-05-17 09:45:00 +0800',
      'category: rivers',
      'tags: [dams, floods]',
      'description: "Rivers rise & fall."',
      'permalink: /2024/05/16/rivers.html',
      'featured_image: /media/photo.png',
      '---',
      'The rivers rose on Thursday.',
      '',
    ].join('\n'),
  },
  // Hugo's other names, in TOML, and the keys that change nothing here: an expiry not yet passed, no authors.
  'hugo toml': {
    'articles/rivers.md': [
      '+++',
      "title = 'Rivers rise'",
      'publishDate = 2024-05-16T11:55:00+08:00',
      'LastMod = 2024-05-17T09:45:00+08:00',
      'expiryDate = 2999-01-01T00:00:00Z',
      "summary = 'Rivers rise & fall.'",
      "categories = ['rivers']",
      "tags = ['dams', 'floods']",
      "url = '/2024/05/16/rivers.html'",
      "images = ['/media/photo.png']",
      'authors = []',
      '+++',
      'The rivers rose on Thursday.',
      '',
    ].join('\n'),
  },
  // JSON Feed's own item keys.
  'json feed': {
    'articles/rivers.json': JSON.stringify({
      title: 'Rivers rise',
      date_published: '2024-05-16T11:55:00+08:00',
      date_modified: '2024-05-17T09:45:00+08:00',
      summary: 'Rivers rise & fall.',
      tags: ['rivers', 'dams', 'floods'],
      link: '/2024/05/16/rivers.html',
      image: '/media/photo.png',
      content_html: '<p>The rivers rose on Thursday.</p>',
    }),
  },
  astro: {
    'articles/rivers.md': [
      '---',
      "title: 'Rivers rise'",
      "description: 'Rivers rise & fall.'",
      "pubDate: '2024-05-16T11:55:00+08:00'",
      "updatedDate: '2024-05-17T09:45:00+08:00'",
      "heroImage: '/media/photo.png'",
      '---',
      'The rivers rose on Thursday.',
      '',
    ].join('\n'),
  },
};
const TOOL_LINK = `${SITE}/2024/05/16/rivers.html`;
const TOOL_IMAGE = `${SITE}/media/photo.png`;
const TOOL_FIELDS: Readonly<Record<string, Partial<Record<FeedFormat, [Check, unknown]>>>> = {
  published: FIELDS.published!,
  updated: FIELDS.updated!,
  summary: FIELDS.summary!,
  tags: { rss: [(i) => i.tags, ['rivers', 'dams', 'floods']], atom: [(i) => i.tags, ['rivers', 'dams', 'floods']], json: [(i) => i.tags, ['rivers', 'dams', 'floods']] },
  link: { rss: [(i) => i.link, TOOL_LINK], atom: [(i) => i.link, TOOL_LINK], json: [(i) => i.link, TOOL_LINK] },
  image: {
    atom: [(i) => i.attachments.find((a) => a.url === TOOL_IMAGE)?.type, 'image/png'],
    json: [(i) => i.image, TOOL_IMAGE],
  },
};
/** Astro's blog starter writes no tags and no link of its own. */
const NOT_WRITTEN: Readonly<Record<string, readonly string[]>> = { astro: ['tags', 'link'] };
const toolRows = Object.keys(TOOL_INPUTS).flatMap((input) =>
  Object.entries(TOOL_FIELDS)
    .filter(([field]) => !NOT_WRITTEN[input]?.includes(field))
    .flatMap(([field, outputs]) => Object.entries(outputs).map(([format, check]) => [field, input, format as FeedFormat, check] as const)),
);

describe("every other tool's field reaches every output format as the field it means", () => {
  // Jekyll's layout and comments, Hugo's weight: a warning counting them, never an error.
  const items = builtItems(TOOL_INPUTS, (d) => d.filter((x) => x.severity === 'error'));

  it.each(toolRows)('%s written by %s reaches %s', async (field, input, format, [check, expected]) => {
    const item = (await items(input))[format];
    expect(check(item, input), `${field} in ${format} from ${input}`).toEqual(expected);
  });
});

describe("JSON Feed's attachment keys", () => {
  it('reach every output format as feedwright\'s type and length, and JSON Feed with their duration', async () => {
    const dir = await makeProject({
      'articles/talk.json': JSON.stringify({
        title: 'A talk',
        published: '2024-05-16T11:55:00+08:00',
        content_text: 'The talk.',
        attachments: [{ url: 'https://site.example/media/talk.mp3', mime_type: 'audio/mpeg', size_in_bytes: 2048, duration_in_seconds: 95 }],
      }),
    });
    const result = await build({ cwd: dir, articlesDir: 'articles', outDir: 'output', configPath: 'feedwright.config.json' });
    expect(result.diagnostics).toEqual([]);
    const want = { url: 'https://site.example/media/talk.mp3', type: 'audio/mpeg', length: '2048' };
    for (const format of ['rss', 'atom', 'json'] as const) {
      const item = readBack(format, await readFile(join(dir, 'output', FILE[format]), 'utf8')).view!.items[0]!;
      expect(item.attachments, format).toEqual([expect.objectContaining(format === 'json' ? { ...want, duration: '95' } : want)]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { readBack } from '../../src/check/prove.js';
import { createFeeds } from '../../src/index.js';
import { diagnosticsFor, type Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { readTxt } from '../../src/records/txt.js';
import { BASE_CONFIG } from '../helpers.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const SITE = BASE_CONFIG.siteUrl;

const photoRecord = {
  title: 'Dam spillway opens',
  slug: 'spillway',
  published: '2024-05-16T11:55:00+08:00',
  content_html: '<p>Water poured through the spillway.</p>',
  image: { url: '/media/spillway.jpg', alt: 'Water pouring through three gates', caption: 'The spillway of the dam opens on May 16, 2024.', credit: { name: 'Lin Wei', role: 'Photographer' }, width: 1600, height: 900, thumbnail: '/media/spillway-small.jpg' },
};

describe('a photo with its details', () => {
  it('reaches RSS and Atom as Media RSS, and JSON Feed as image and _media, each read back whole', async () => {
    const { ok, files, diagnostics } = await createFeeds({ config: BASE_CONFIG, records: [photoRecord], now: NOW });
    expect(diagnostics).toEqual([]);
    expect(ok).toBe(true);
    const rss = files['feed.xml']!;
    expect(rss).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    expect(rss).toContain(
      [
        `      <media:content url="${SITE}/media/spillway.jpg" type="image/jpeg" medium="image" width="1600" height="900">`,
        '        <media:description type="plain">The spillway of the dam opens on May 16, 2024.</media:description>',
        '        <media:credit role="photographer">Lin Wei</media:credit>',
        '        <media:text type="plain">Water pouring through three gates</media:text>',
        '      </media:content>',
        `      <media:thumbnail url="${SITE}/media/spillway-small.jpg"/>`,
      ].join('\n'),
    );
    // The enclosure of today stays.
    expect(rss).toContain(`<enclosure url="${SITE}/media/spillway.jpg" length="0" type="image/jpeg"/>`);
    expect(files['atom.xml']).toContain(`    <media:content url="${SITE}/media/spillway.jpg" type="image/jpeg" medium="image" width="1600" height="900">`);
    const json = JSON.parse(files['feed.json']!).items[0];
    expect(json.image).toBe(`${SITE}/media/spillway.jpg`);
    expect(json._media).toEqual({ caption: 'The spillway of the dam opens on May 16, 2024.', credit: 'Lin Wei', credit_role: 'photographer', alt: 'Water pouring through three gates', width: 1600, height: 900, thumbnail: `${SITE}/media/spillway-small.jpg` });
    for (const [format, name] of [['rss', 'feed.xml'], ['atom', 'atom.xml'], ['json', 'feed.json']] as const) {
      expect(readBack(format, files[name]!).view!.items[0]!.photo, format).toMatchObject({ caption: 'The spillway of the dam opens on May 16, 2024.', credit: 'Lin Wei', creditRole: 'photographer', width: '1600' });
    }
  });

  it('leaves out what is not known, and needs no namespace when no item has a photo', async () => {
    const plain = await createFeeds({ config: BASE_CONFIG, records: [{ ...photoRecord, image: undefined }], now: NOW });
    expect(plain.files['feed.xml']).not.toContain('xmlns:media');
    expect(plain.files['atom.xml']).not.toContain('xmlns:media');
    const bare = await createFeeds({ config: BASE_CONFIG, records: [{ ...photoRecord, image: 'https://img.example.org/a.png' }], now: NOW });
    expect(bare.files['feed.xml']).toContain('<media:content url="https://img.example.org/a.png" type="image/png" medium="image"/>');
    expect(JSON.parse(bare.files['feed.json']!).items[0]._media).toBeUndefined();
  });

  it('refuses a detail of the wrong kind, naming it', async () => {
    const made = await createFeeds({ config: BASE_CONFIG, records: [{ ...photoRecord, image: { url: '/a.jpg', width: '1600px', credit: ['x'] } }], now: NOW });
    expect(made.ok).toBe(false);
    expect(made.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('"image" "credit" must be text; found a list'),
      expect.stringContaining('"image" "width" must be a whole number of pixels; found "1600px"'),
    ]);
  });
});

describe("a photo credit's role", () => {
  it('is refused where it is written when it is not a role in words, and a control character in the name is removed with a warning', async () => {
    const made = await createFeeds({ config: BASE_CONFIG, records: [{ ...photoRecord, image: { url: '/a.jpg', credit: { name: 'Lin\u0001 Wei', role: 'Director of Photography (DP)' } } }], now: NOW });
    expect(made.diagnostics.map((d) => d.severity)).toEqual(['warning', 'error']);
    expect(made.diagnostics[0]?.message).toContain('has characters that XML 1.0 forbids in "image" (U+0001)');
    expect(made.diagnostics[1]?.message).toContain('"image" "credit" must be text, or { "name", "role" } with a role in words');
  });
});

describe("a wire article's caption paragraph", () => {
  const read = (text: string) => {
    const diagnostics: Diagnostic[] = [];
    const record = readTxt(text, 'floods', { file: 'articles/floods.txt' }, diagnosticsFor('articles/floods.txt', diagnostics), {});
    return { record, diagnostics };
  };
  const body = ['2024.05.16 11:55 GMT+8', '', 'Floods reach the delta', '', 'Rescue boats on a flooded street in the delta town on May 16, 2024. /Xinhua', '', 'The river rose overnight.', ''];

  it("is its image's caption and credit, and stays in the content", () => {
    const { record, diagnostics } = read(['---', 'image: /media/floods.jpg', '---', ...body].join('\n'));
    expect(diagnostics).toEqual([]);
    expect(record?.photo).toEqual({ caption: 'Rescue boats on a flooded street in the delta town on May 16, 2024.', credit: 'Xinhua' });
    expect(record?.contentHtml).toContain('<p class="caption">Rescue boats on a flooded street');
  });

  it('gives way to a caption the front matter gives, and makes no photo without an image', () => {
    expect(read(['---', 'image: { url: /media/floods.jpg, caption: Boats in the delta. }', '---', ...body].join('\n')).record?.photo).toEqual({ caption: 'Boats in the delta.' });
    expect(read(body.join('\n')).record?.photo).toBeUndefined();
  });
});

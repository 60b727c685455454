import { describe, expect, it } from 'vitest';
import { startProof } from '../../src/check/prove.js';
import { createFeeds } from '../../src/index.js';
import { uuidV5 } from '../../src/vocabulary/uuid.js';
import { BASE_CONFIG } from '../helpers.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const SHOW = { image: 'https://wire.example.org/show.jpg', categories: ['News/Daily News', 'Technology'], explicit: false };
const episode = (n: number, extra: Record<string, unknown> = {}) => ({
  title: `Episode ${n}`,
  slug: `episode-${n}`,
  published: new Date(Date.UTC(2024, 4, n, 8)).toISOString(),
  content_text: `Episode ${n}.`,
  episode: n,
  attachments: [{ url: `https://wire.example.org/audio/${n}.mp3`, size_in_bytes: 1000 * n }],
  ...extra,
});

describe('a podcast', () => {
  it("carries the show's itunes and podcast tags, and each episode's", async () => {
    const config = { ...BASE_CONFIG, podcast: { ...SHOW, owner: { name: 'Wire Audio', email: 'audio@wire.example.org' }, locked: true, type: 'serial' } };
    const made = await createFeeds({ config, records: [episode(1, { duration: '1:02:03', season: 2, explicit: true, transcript: { url: '/audio/1.vtt', type: 'text/vtt' } }), episode(2, { duration: 95 })], now: NOW });
    expect(made.diagnostics).toEqual([]);
    const rss = made.files['feed.xml']!;
    expect(rss).toContain('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0"');
    expect(rss).toContain('<itunes:category text="News"><itunes:category text="Daily News"/></itunes:category>\n    <itunes:category text="Technology"/>');
    expect(rss).toContain('<itunes:explicit>false</itunes:explicit>');
    expect(rss).toContain('<itunes:type>serial</itunes:type>');
    expect(rss).toContain('<podcast:locked owner="audio@wire.example.org">yes</podcast:locked>');
    // The Podcasting 2.0 GUID: the UUID v5 of the feed's URL without its scheme.
    expect(rss).toContain(`<podcast:guid>${uuidV5('wire.example.org/feed.xml', 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6')}</podcast:guid>`);
    expect(rss).toContain('<itunes:duration>3723</itunes:duration>');
    expect(rss).toContain('<itunes:duration>95</itunes:duration>');
    expect(rss).toContain('<podcast:transcript url="https://wire.example.org/audio/1.vtt" type="text/vtt"/>');
    expect(rss).toContain('<itunes:season>2</itunes:season>');
    const json = JSON.parse(made.files['feed.json']!).items;
    expect(json.map((i: { attachments: { duration_in_seconds: number }[] }) => i.attachments[0]!.duration_in_seconds)).toEqual([95, 3723]);
  });

  it("is read back by the proof: the show's and each episode's tags as written, and a changed one is caught, naming it", async () => {
    const config = { ...BASE_CONFIG, podcast: { ...SHOW, owner: { name: 'Wire Audio', email: 'audio@wire.example.org' }, locked: true, funding: { url: 'https://wire.example.org/give', text: 'Support us' } } };
    const made = await createFeeds({ config, records: [episode(1, { duration: 95, season: 2, chapters: '/audio/1.json' }), episode(2)], now: NOW });
    expect(made.diagnostics).toEqual([]);
    const rss = made.files['feed.xml']!;
    const roundTrip = (text: string) => startProof(made.feed!, { format: 'rss', file: 'feed.xml', head: text, tail: '' }).finish().filter((d) => d.ruleId === 'proof/round-trip');
    expect(roundTrip(rss)).toEqual([]);
    // A category given twice is one: written once, and read back once.
    const twice = await createFeeds({ config: { ...config, podcast: { ...config.podcast, categories: ['News/Daily News', 'News/Daily News', 'News'] } }, records: [episode(1)], now: NOW });
    expect(twice.diagnostics).toEqual([]);
    expect(twice.files['feed.xml']!.match(/text="Daily News"/g)).toHaveLength(1);
    const changes: [string, string, string][] = [
      ['<itunes:duration>95</itunes:duration>', '<itunes:duration>96</itunes:duration>', 'field "episode"'],
      ['<podcast:season>2</podcast:season>', '', 'field "episode"'],
      ['<itunes:category text="Technology"/>', '', 'field "show"'],
      ['>Support us</podcast:funding>', '>Support</podcast:funding>', 'field "show"'],
      ['<itunes:explicit>false</itunes:explicit>', '<itunes:explicit>true</itunes:explicit>', 'field "show"'],
    ];
    for (const [from, to, field] of changes) {
      expect(rss).toContain(from);
      const [d] = roundTrip(rss.replace(from, to));
      expect(d?.message, from).toContain(field);
    }
  });

  it('makes the name-based UUIDs RFC 9562 gives', () => {
    // RFC 9562, appendix A.4: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('refuses an episode with no audio or video, naming it', async () => {
    const made = await createFeeds({ config: { ...BASE_CONFIG, podcast: SHOW }, records: [episode(1), { ...episode(2), attachments: undefined }], now: NOW });
    expect(made.ok).toBe(false);
    expect(made.diagnostics).toEqual([expect.objectContaining({ file: 'records[1]', ruleId: 'input/no-episode-media' })]);
  });

  it('refuses an episode whose first attachment is not its audio, or whose audio has no size, naming it', async () => {
    const pdfFirst = episode(1, { attachments: [{ url: 'https://wire.example.org/notes.pdf', size_in_bytes: 10 }, { url: 'https://wire.example.org/audio/1.mp3', size_in_bytes: 1000 }] });
    const noSize = episode(2, { attachments: [{ url: 'https://wire.example.org/audio/2.mp3' }] });
    const made = await createFeeds({ config: { ...BASE_CONFIG, podcast: SHOW }, records: [pdfFirst, noSize], now: NOW });
    expect(made.diagnostics.filter((d) => d.ruleId === 'input/no-episode-media').map((d) => [d.file, d.message.split(',')[0]])).toEqual([
      ['records[0]', 'has "application/pdf" as its first attachment'],
      ['records[1]', "does not give its audio's size"],
    ]);
  });

  it.each([
    [{ ...SHOW, categories: ['News/Weather'] }, 'has the category "News/Weather", which is not on Apple Podcasts\' list'],
    [{ ...SHOW, image: 'https://wire.example.org/show.gif' }, 'needs an "image"'],
    [{ ...SHOW, explicit: 'no' }, 'needs "explicit": true or false'],
    [{ ...SHOW, locked: true }, '"locked" needs an "owner"'],
    [{ ...SHOW, colour: 'blue' }, 'has a key "colour"'],
  ])('refuses a show config that Apple would refuse: %j', async (podcast, message) => {
    const made = await createFeeds({ config: { ...BASE_CONFIG, podcast }, records: [episode(1)], now: NOW });
    expect(made.diagnostics).toEqual([expect.objectContaining({ ruleId: 'config/invalid', message: expect.stringContaining(message) })]);
  });

  it('refuses an episode field of the wrong kind, naming it', async () => {
    const made = await createFeeds({ config: { ...BASE_CONFIG, podcast: SHOW }, records: [episode(1, { duration: '1:75', episodeType: 'extra' })], now: NOW });
    expect(made.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('"duration" must be a number of seconds, or hours, minutes and seconds'),
      expect.stringContaining('"episodeType" must be "full", "trailer" or "bonus"'),
    ]);
  });
});

describe("a podcast's RSS, checked as Apple Podcasts and Podcast Index check it", () => {
  it('stops a build whose serial show has an episode with no number, naming the rule', async () => {
    const made = await createFeeds({ config: { ...BASE_CONFIG, podcast: { ...SHOW, type: 'serial' } }, records: [episode(1), { ...episode(2), episode: undefined }], now: NOW });
    expect(made.ok).toBe(false);
    expect(made.diagnostics).toEqual([expect.objectContaining({ file: 'feed.xml', ruleId: 'apple/episode', message: expect.stringContaining('a serial show numbers its episodes') })]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml, type XmlNode } from './xml-reference.js';
import { sanitize } from '../../src/model/sanitize.js';
import { excerpt } from '../../src/model/summary.js';
import type { FeedFormat } from '../../src/vocabulary/types.js';
import { mailtoUrl } from '../../src/vocabulary/values.js';
import { anyText, asHtml, inUrl, instant, kept, loses, noSpace, oneSpaced, RUNS, wallClock, writeDate, type Instant } from './arbitraries.js';
import { defined, publishInMemory, readWritten, view } from './pipeline.js';

/**
 * Any text in any field, any instant in any offset: every document is
 * well-formed, passes the proof, and reads back to the input exactly, less
 * the documented normalizations (README, "Fields"): characters XML forbids
 * removed, CRLF made LF, titles, tags and names on one line with single
 * spaces. The JSON Feed gets the same text as the XML formats.
 */

const SITE = 'https://wire.example.org';
const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

const nonBlank = (arb: fc.Arbitrary<string>) => arb.filter((s) => oneSpaced(s) !== '' && s.trim() !== '');
/** A name that does not end in "<...>", which would make it "Name <email>". */
const name = nonBlank(anyText).filter((s) => !/<[^<>]+>$/.test(kept(s).trim()));
/** The parts of an email address: anything but white space, "@", "<", ">", "(" and ")". */
const emailPart = noSpace.map((s) => s.replace(/[@<>()"]/g, '')).filter((s) => kept(s) !== '');
const email = fc.tuple(emailPart, emailPart, emailPart).map(([a, b, c]) => `${a}@${b}.${c}`);
/** HTML is made absolute where it has href, src, srcset or poster: other properties cover that. */
const html = anyText.filter((s) => !/\s(?:href|src|srcset|poster)\s*=/i.test(s));

interface PersonInput {
  readonly written: string | { name: string; email?: string; url?: string };
  readonly name: string;
  readonly email?: string;
  readonly url?: string;
}

const person: fc.Arbitrary<PersonInput> = fc.oneof(
  name.map((n) => ({ written: n, name: n })),
  fc.tuple(name, email).map(([n, e]) => ({ written: `${n} <${e}>`, name: n, email: e })),
  fc.record({ name, email: fc.option(email, { nil: undefined }), url: fc.option(inUrl.map((p) => `https://people.example.org/${p}`), { nil: undefined }) }).map((p) => ({
    written: defined(p),
    ...defined(p),
  })),
);

interface RecordInput {
  readonly title: string;
  readonly published: Instant & { form: number };
  readonly updated?: Instant & { form: number };
  readonly slug: string;
  readonly id?: string;
  readonly link?: string;
  readonly summary?: string;
  readonly content: { kind: 'content_html' | 'content_text'; text: string };
  readonly authors?: readonly PersonInput[];
  readonly tags?: readonly string[];
  readonly image?: string;
  readonly attachments?: readonly { url: string; type?: string; length?: number; title?: string }[];
  readonly language?: string;
  readonly rights?: string;
}

const dated = fc.record({ seconds: instant.map((i) => i.seconds), offset: instant.map((i) => i.offset), form: fc.nat(4) });

const record = (i: number): fc.Arbitrary<RecordInput> =>
  fc
    .record(
      {
        title: nonBlank(anyText),
        published: dated,
        later: fc.option(fc.record({ by: fc.nat(400 * 86_400), offset: instant.map((x) => x.offset), form: fc.nat(4) }), { nil: undefined }),
        slug: noSpace.map((s) => `s${i}-${s.replace(/[/\\?#]/g, '')}`),
        id: fc.option(inUrl.map((s) => `urn:fw:${i}:${s}`), { nil: undefined }),
        link: fc.option(inUrl.map((s) => `${SITE}/${i}/${s}`), { nil: undefined }),
        summary: fc.option(anyText, { nil: undefined }),
        content: fc.record({ kind: fc.constantFrom('content_html' as const, 'content_text' as const), text: html }),
        authors: fc.option(fc.array(person, { minLength: 1, maxLength: 3 }), { nil: undefined }),
        tags: fc.option(fc.array(nonBlank(anyText), { minLength: 1, maxLength: 4 }), { nil: undefined }),
        image: fc.option(inUrl.map((s) => `${SITE}/media/${i}.jpg?v=${s}`), { nil: undefined }),
        attachments: fc.option(
          fc.array(
            fc.record({
              url: inUrl.map((s) => `https://cdn.example.org/${i}.mp3?v=${s}`),
              type: fc.option(fc.constant('audio/mpeg'), { nil: undefined }),
              length: fc.option(fc.nat(), { nil: undefined }),
              title: fc.option(anyText, { nil: undefined }),
            }),
            { minLength: 1, maxLength: 2 },
          ),
          { nil: undefined },
        ),
        language: fc.option(fc.constantFrom('en', 'zh-CN', 'pt-BR', 'de-CH-1901'), { nil: undefined }),
        rights: fc.option(anyText, { nil: undefined }),
      },
      { requiredKeys: ['title', 'published', 'slug', 'content'] },
    )
    .map(({ later, ...r }) => ({
      ...r,
      ...(later === undefined ? {} : { updated: { seconds: Math.min(r.published.seconds + later.by, Date.UTC(2199, 11, 31, 23, 59, 59) / 1000), offset: later.offset, form: later.form } }),
      attachments: r.attachments?.map((a) => defined(a)),
    }));

/** The record as its author writes it in a .json file. */
function written(r: RecordInput): Record<string, unknown> {
  return defined({
    title: r.title,
    published: writeDate(r.published.seconds, r.published.offset, r.published.form),
    updated: r.updated && writeDate(r.updated.seconds, r.updated.offset, r.updated.form),
    slug: r.slug,
    id: r.id,
    link: r.link,
    summary: r.summary,
    [r.content.kind]: r.content.text,
    authors: r.authors?.map((p) => p.written),
    tags: r.tags,
    image: r.image,
    attachments: r.attachments,
    language: r.language,
    rights: r.rights,
  });
}

/** HTML of `content_text`: a paragraph per blank-line-separated block, lines joined by a space, every character escaped. */
const textAsHtml = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${asHtml(p)}</p>`)
    .join('\n');

interface Expected {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly published: Instant;
  readonly updated: Instant;
  readonly summary?: string;
  readonly content: string;
  readonly authors: readonly { name: string; email?: string; url?: string }[];
  readonly tags: readonly string[];
  readonly image?: string;
  readonly attachments: readonly { url: string; type: string; length?: number; title?: string }[];
  readonly language?: string;
  readonly rights?: string;
}

/** A person as every format must carry it: names on one line, characters XML forbids removed. */
const asPerson = (p: PersonInput) => defined({ name: oneSpaced(p.name), email: p.email && kept(p.email), url: p.url && kept(p.url) });

/** A value with `kept` applied to it, or to each string of an object. */
const cleaned = (value: PersonInput['written']) =>
  typeof value === 'string' ? kept(value) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? kept(v) : v]));

/** The config keys that change what an item carries (docs/config.md). */
interface ItemModes {
  readonly content: 'full' | 'summary';
  readonly id: 'tag' | 'link';
}

function expectedItem(r: RecordInput, utc: boolean, feedAuthor: Expected['authors'][number], sanitized: boolean, modes: ItemModes): Expected {
  const slug = encodeURIComponent(kept(r.slug));
  const link = r.link === undefined ? `${SITE}/articles/${slug}/` : kept(r.link);
  const w = wallClock(r.published.seconds, r.published.offset);
  const day = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  const at = (d: Instant) => ({ seconds: d.seconds, offset: utc ? 0 : d.offset });
  // The summary made from the body is excerpt's to get right (test/model/summary.test.ts): here, what it gives must come back.
  const body = excerpt(r.content.kind === 'content_html' ? kept(r.content.text) : textAsHtml(kept(r.content.text)), r.summary === undefined);
  const summary = r.summary === undefined ? body.summary : kept(r.summary);
  return {
    id: r.id !== undefined ? kept(r.id).trim() : modes.id === 'link' ? link : `tag:wire.example.org,${day}:${slug}`,
    title: oneSpaced(r.title),
    link,
    published: at(r.published),
    updated: at(r.updated ?? r.published),
    ...(summary === undefined ? {} : { summary }),
    // Sanitizing is the sanitizer library's to get right (test/model/sanitize.test.ts): here, what it gives must come back.
    content: modes.content === 'summary' ? '' : sanitized && body.contentHtml !== '' ? sanitize(body.contentHtml) : body.contentHtml,
    authors: r.authors?.map(asPerson) ?? [feedAuthor],
    tags: [...new Set((r.tags ?? []).map(oneSpaced))],
    ...(r.image === undefined ? {} : { image: kept(r.image) }),
    attachments: (r.attachments ?? []).map((a) => defined({ url: kept(a.url), type: 'audio/mpeg', length: a.length, title: a.title && kept(a.title) })),
    ...(r.language === undefined ? {} : { language: r.language }),
    ...(r.rights === undefined ? {} : { rights: kept(r.rights) }),
  };
}

/** Newest first by instant, equal instants by id (README, "Output"). */
const newestFirst = (a: Expected, b: Expected) => b.published.seconds - a.published.seconds || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What the proof's reader must see in a document of each format, dates left out (they are compared as instants). */
function expectedView(format: FeedFormat, items: readonly Expected[], feed: { title: string; description: string; rights?: string; author: Expected['authors'][number] }) {
  const personIn = (p: { name: string; email?: string; url?: string }) =>
    format === 'json' ? defined({ name: p.name, url: p.url ?? (p.email === undefined ? undefined : mailtoUrl(p.email)) }) : defined({ name: p.name, email: p.email, url: p.url });
  const rssAuthors = (authors: Expected['authors']) =>
    authors.length === 1 && authors[0]!.email !== undefined ? [{ name: authors[0]!.name, email: authors[0]!.email }] : authors.map((p) => ({ name: p.name }));
  const image = (e: Expected) => (e.image === undefined ? [] : [{ url: e.image, type: 'image/jpeg' }]);
  return defined({
    title: feed.title,
    description: feed.description,
    link: SITE,
    selfLink: `${SITE}/${format === 'rss' ? 'feed.xml' : format === 'atom' ? 'atom.xml' : 'feed.json'}`,
    language: 'en',
    rights: format === 'json' ? undefined : feed.rights,
    generator: format === 'json' ? undefined : 'feedwright',
    authors: format === 'rss' ? [] : [personIn(feed.author)],
    items: items.map((e) => ({
      id: e.id,
      title: e.title,
      link: e.link,
      summary: e.summary === undefined ? undefined : format === 'json' ? e.summary : asHtml(e.summary),
      // An empty content is left out; JSON Feed, which needs one, carries the summary as content_text (docs/formats.md).
      content: e.content !== '' ? e.content : format === 'json' ? (e.summary ?? '') : undefined,
      authors: format === 'rss' ? rssAuthors(e.authors) : e.authors.map(personIn),
      tags: e.tags,
      attachments:
        format === 'rss'
          ? [...e.attachments, ...image(e)].slice(0, 1).map((a) => ({ url: a.url, type: a.type, length: String('length' in a && a.length !== undefined ? a.length : 0) }))
          : (format === 'atom' ? [...image(e), ...e.attachments] : e.attachments).map((a) =>
              defined({ url: a.url, type: a.type, length: 'length' in a && a.length !== undefined ? String(a.length) : undefined, title: 'title' in a ? a.title : undefined }),
            ),
      image: format === 'json' ? e.image : undefined,
      // Media RSS in RSS and Atom: an image with no details of its own (JSON Feed's `_media` only holds details).
      photo: format !== 'json' && e.image !== undefined ? { url: e.image, type: 'image/jpeg', medium: 'image' } : undefined,
      language: format === 'rss' ? undefined : e.language,
      rights: format === 'json' ? undefined : e.rights,
      ...(format === 'atom' ? { titleType: 'text', summaryType: e.summary === undefined ? undefined : 'html', contentType: e.content === '' ? undefined : 'html' } : {}),
    })),
  });
}

/** Attachment titles, which the proof's view leaves out: Atom enclosure links' title, JSON Feed attachments' title. */
function attachmentTitles(format: 'atom' | 'json', text: string): (string | undefined)[][] {
  if (format === 'json') {
    const doc = JSON.parse(text) as { items: { attachments?: { title?: string }[] }[] };
    return doc.items.map((i) => (i.attachments ?? []).map((a) => a.title));
  }
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const entries = ((parsed.doc.feed as XmlNode).entry ?? []) as XmlNode[];
  return entries.map((e) => ((e.link ?? []) as XmlNode[]).filter((l) => l['@_rel'] === 'enclosure').map((l) => l['@_title'] as string | undefined));
}

const feedConfig = fc.record(
  {
    title: nonBlank(anyText),
    author: person,
    description: nonBlank(anyText),
    copyright: nonBlank(anyText),
    utc: fc.boolean(),
    sanitize: fc.boolean(),
    content: fc.constantFrom('full' as const, 'summary' as const),
    id: fc.constantFrom('tag' as const, 'link' as const),
  },
  { requiredKeys: ['title', 'author', 'utc', 'sanitize'] },
);

describe('any text and any instant, through a JSON record, into all three formats', () => {
  it('writes well-formed documents that pass the proof and read back to the input, less only the documented normalizations', () => {
    fc.assert(
      fc.property(
        feedConfig,
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => record(i)))),
        fc.boolean(),
        (cfg, records, asArray) => {
          // Config text: a character XML forbids is an error naming the key; CRLF and CR are made LF.
          const configJson = JSON.stringify({ siteUrl: SITE, ...cfg, author: cfg.author.written });
          const forbidden = (['title', 'description', 'copyright', 'author'] as const).filter((k) => hasLoss(k === 'author' ? cfg.author.written : cfg[k]));
          const rejected = publishInMemory(configJson, {});
          if (forbidden.length > 0) {
            expect(rejected.config).toBeUndefined();
            for (const key of forbidden) expect(rejected.diagnostics.some((d) => d.message.startsWith(`"${key}"`) && d.message.includes('XML 1.0 forbids'))).toBe(true);
          }
          const clean = { ...Object.fromEntries(Object.entries(cfg).map(([k, v]) => [k, typeof v === 'string' ? kept(v) : v])), author: cleaned(cfg.author.written) };
          const files: Record<string, string> = asArray
            ? { 'all.json': JSON.stringify(records.map(written), null, 2) }
            : Object.fromEntries(records.map((r, i) => [`r${i}.json`, JSON.stringify(written(r), null, 2)]));
          const { diagnostics, documents } = publishInMemory(JSON.stringify({ siteUrl: SITE, ...clean }), files);

          expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          // A warning for each file that lost characters, and none for a file that lost none.
          for (const [i, r] of records.entries()) {
            const file = asArray ? 'articles/all.json' : `articles/r${i}.json`;
            const warned = diagnostics.some((d) => d.file === file && d.ruleId === 'input/forbidden-character');
            if (hasLoss(written(r))) expect(warned, `${file} lost characters`).toBe(true);
            else if (!asArray) expect(warned, `${file} lost none`).toBe(false);
          }

          const utc = cfg.utc;
          const author = asPerson(cfg.author);
          const items = records.map((r) => expectedItem(r, utc, author, cfg.sanitize, { content: cfg.content ?? 'full', id: cfg.id ?? 'tag' })).sort(newestFirst);
          const feedText = { title: kept(cfg.title), description: kept(cfg.description ?? cfg.title), ...(cfg.copyright === undefined ? {} : { rights: kept(cfg.copyright) }), author };
          for (const format of FORMATS) {
            const document = documents![format];
            expect(document.proof.filter((d) => d.severity === 'error'), `${format} proof`).toEqual([]);
            // A conforming XML parser turns a raw CR into LF: none may be written.
            if (format !== 'json') expect(document.text.includes('\r')).toBe(false);
            const read = view(format, document.text);
            const { published: _p, updated: _u, ...rest } = { ...read, items: read.items.map(({ published: _ip, updated: _iu, ...item }) => item) };
            expect(defined(rest), format).toEqual(expectedView(format, items, feedText));
            read.items.forEach((item, i) => {
              expect(readWritten(format, item.published), `${format} item ${i} published`).toEqual(items[i]!.published);
              expect(readWritten(format, item.updated), `${format} item ${i} updated`).toEqual(items[i]!.updated);
            });
            if (format !== 'json') {
              const latest = items.reduce((a, e) => (e.updated.seconds > a.updated.seconds ? e : a));
              expect(readWritten(format, read.updated)).toEqual(latest.updated);
              if (format === 'rss') expect(readWritten(format, read.published)).toEqual(items[0]!.published);
            }
            if (format !== 'rss') expect(attachmentTitles(format, document.text)).toEqual(items.map((e) => [...(format === 'atom' && e.image ? [undefined] : []), ...e.attachments.map((a) => a.title)]));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** Whether any string in a record loses characters XML forbids. */
function hasLoss(value: unknown): boolean {
  if (typeof value === 'string') return loses(value);
  if (Array.isArray(value)) return value.some(hasLoss);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasLoss);
  return false;
}

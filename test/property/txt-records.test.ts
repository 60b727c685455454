import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedFormat } from '../../src/vocabulary/types.js';
import { asHtml, instant, kept, loses, oneLine, RUNS, wallClock, writeDate, type Instant } from './arbitraries.js';
import { publishInMemory, readWritten, view } from './pipeline.js';

/**
 * Plain-text news records (docs/records.md) with any text on their lines and any
 * dateline, through the file's bytes: what the file holds comes back in
 * every format, less the characters XML forbids. A NUL byte makes a file
 * binary (an error, covered by the bad-input corpus), so none is written here.
 */

const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];
const CONFIG = JSON.stringify({ title: 'Wire', siteUrl: 'https://wire.example.org', author: 'Wire Desk <desk@wire.example.org>' });

/**
 * One line of text between guards, so that it is neither blank nor one of
 * the lines the format reads specially ("Updated ...", "Copyright ...", a
 * caption ending in " /Credit").
 */
const line = (first: string) => oneLine.filter((s) => !s.includes('\u0000')).map((s) => `${first}${s}!`);

interface TxtInput {
  readonly published: Instant & { form: number };
  readonly updated?: Instant & { form: number };
  readonly headline: string;
  readonly paragraphs: readonly (readonly string[])[];
  readonly rights?: string;
  readonly crlf: boolean;
}

const txt: fc.Arbitrary<TxtInput> = fc
  .record(
    {
      published: fc.record({ seconds: instant.map((i) => i.seconds), offset: instant.map((i) => i.offset), form: fc.nat(4) }),
      later: fc.record({ by: fc.nat(86_400 * 30), offset: instant.map((i) => i.offset), form: fc.nat(4) }),
      headline: line('H'),
      paragraphs: fc.array(fc.array(line('P'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
      rights: line('© '),
      crlf: fc.boolean(),
    },
    { requiredKeys: ['published', 'headline', 'paragraphs', 'crlf'] },
  )
  .map(({ later, ...t }) => ({
    ...t,
    ...(later === undefined ? {} : { updated: { seconds: Math.min(t.published.seconds + later.by, Date.UTC(2199, 11, 31, 23, 59, 59) / 1000), offset: later.offset, form: later.form } }),
  }));

function file(t: TxtInput): string {
  const blocks = [
    writeDate(t.published.seconds, t.published.offset, t.published.form),
    t.headline,
    ...(t.updated ? [`Updated ${writeDate(t.updated.seconds, t.updated.offset, t.updated.form)}`] : []),
    ...t.paragraphs.map((p) => p.join('\n')),
    ...(t.rights === undefined ? [] : [t.rights]),
  ];
  const text = blocks.join('\n\n') + '\n';
  return t.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** What the file holds once written: a lone surrogate is not UTF-8, and becomes U+FFFD. */
const onDisk = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

describe('plain-text records with any text on their lines', () => {
  it('come back in all three formats as the file holds them, less the characters XML forbids, with a warning naming each line that had one', () => {
    fc.assert(
      fc.property(fc.array(txt, { minLength: 1, maxLength: 3 }), (inputs) => {
        const files = Object.fromEntries(inputs.map((t, i) => [`r${i}.txt`, file(t)]));
        const { diagnostics, documents } = publishInMemory(CONFIG, files);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

        for (const [i, t] of inputs.entries()) {
          const lines = onDisk(file(t)).replace(/\r\n/g, '\n').split('\n');
          const warned = diagnostics.filter((d) => d.file === `articles/r${i}.txt` && d.ruleId === 'input/forbidden-character').map((d) => d.line);
          expect(warned).toEqual(lines.flatMap((l, n) => (loses(l) ? [n + 1] : [])));
        }

        const expected = inputs
          .map((t, i) => {
            const w = wallClock(t.published.seconds, t.published.offset);
            const day = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
            const paragraphs = t.paragraphs.map((p) => p.map((l) => kept(onDisk(l))).join(' '));
            return {
              id: `tag:wire.example.org,${day}:r${i}`,
              title: kept(onDisk(t.headline)),
              summary: paragraphs[0]!,
              content: paragraphs.map((p) => `<p>${asHtml(p)}</p>`).join('\n'),
              rights: t.rights === undefined ? undefined : kept(onDisk(t.rights)),
              published: { seconds: t.published.seconds, offset: t.published.offset },
              updated: t.updated ? { seconds: t.updated.seconds, offset: t.updated.offset } : { seconds: t.published.seconds, offset: t.published.offset },
            };
          })
          .sort((a, b) => b.published.seconds - a.published.seconds || (a.id < b.id ? -1 : 1));

        for (const format of FORMATS) {
          const document = documents![format];
          expect(document.proof.filter((d) => d.severity === 'error'), format).toEqual([]);
          const read = view(format, document.text);
          expect(read.items.map((item) => item.id)).toEqual(expected.map((e) => e.id));
          read.items.forEach((item, n) => {
            const e = expected[n]!;
            expect(item.title).toBe(e.title);
            expect(item.summary).toBe(format === 'json' ? e.summary : asHtml(e.summary));
            expect(item.content).toBe(e.content);
            expect(item.rights).toBe(format === 'json' ? undefined : e.rights);
            expect(readWritten(format, item.published)).toEqual(e.published);
            expect(readWritten(format, item.updated)).toEqual(e.updated);
          });
        }
      }),
      { numRuns: RUNS },
    );
  });
});

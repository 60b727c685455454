// Why feedwright first read front matter with js-yaml 4: the same values as
// the other maintained parsers on front matter of the shapes records give, in a
// fraction of the time (docs/performance.md says when yaml 2 reads it instead). Each parser is timed in a fresh process, as a build
// runs it: the first pass over 3,000 front matters (what a cold build pays),
// then the median of 7 more.
// Run: npm i --no-save js-yaml-5@npm:js-yaml@5.5.0 && node bench/yaml-choice.mjs
import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';

const parsers = {
  'js-yaml 4': async () => {
    const { load, CORE_SCHEMA } = await import('js-yaml');
    return (text) => load(text, { schema: CORE_SCHEMA, listener: () => {} });
  },
  'js-yaml 5': async () => {
    const { load, CORE_SCHEMA } = await import('js-yaml-5');
    return (text) => load(text, { schema: CORE_SCHEMA });
  },
  'yaml 2': async () => {
    const { parseDocument, LineCounter } = await import('yaml');
    return (text) => parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false }).toJS();
  },
};

/** Front matter of the shapes records have, seeded so that every run parses the same text. */
function frontMatters(count) {
  let seed = 7;
  const next = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const words = ['harbor', 'Zürich', 'tide', 'São Paulo', 'council', 'naïve', 'bridge', 'R&D', 'storm', 'Łódź'];
  const phrase = (n) => Array.from({ length: n }, () => words[next(words.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const lines = [`title: "${phrase(6 + next(8))} ${i}"`, `published: 2024-0${1 + next(9)}-1${next(10)} 0${next(10)}:${10 + next(50)} +0${next(10)}:00`];
    if (next(2)) lines.push(`tags: [${phrase(2).replace(' ', ', ')}]`);
    if (next(3) === 0) lines.push('authors:', `  - name: ${phrase(2)}`, `    email: desk${i}@example.org`);
    if (next(3) === 0) lines.push('summary: >', `  ${phrase(10)}`, `  ${phrase(8)}`);
    if (next(5) === 0) lines.push('draft: false');
    return lines.join('\n');
  });
}

const child = process.argv[2];
if (child) {
  const parse = await parsers[child]();
  const texts = frontMatters(3000);
  const pass = () => {
    const start = performance.now();
    const values = texts.map(parse);
    return { ms: performance.now() - start, values };
  };
  const first = pass();
  const more = Array.from({ length: 7 }, () => pass().ms).sort((a, b) => a - b);
  console.log(JSON.stringify({ first: first.ms, median: more[3], values: first.values }));
} else {
  const results = Object.fromEntries(Object.keys(parsers).map((name) => [name, JSON.parse(execFileSync(process.execPath, [import.meta.filename, name], { maxBuffer: 1 << 26 }).toString())]));
  const reference = results['yaml 2'].values;
  for (const [name, r] of Object.entries(results)) {
    const same = isDeepStrictEqual(r.values, reference) ? 'the same values as yaml 2' : 'DIFFERENT values from yaml 2';
    console.log(`${name}: first pass ${r.first.toFixed(0)} ms, then ${r.median.toFixed(0)} ms (median of 7); ${same}`);
  }
}

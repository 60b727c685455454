import { execFile } from 'node:child_process';
import { appendFile, mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { listRecordFiles } from '../src/build/files.js';
import { writeCorpus, writeExport } from './corpus.js';

/**
 * npm run bench [-- --sizes 1000,10000,100000 --runs 5 --large-runs 3 --everyday-runs 7]
 * npm run bench -- --scale 100000,1000000 [--scale-runs 3] [--scale-archive]
 *
 * For each size N: a seeded corpus of N records in the three formats; then,
 * each measurement in a fresh process, several runs, medians reported:
 * - the everyday CI case (limit 50): a cold build, a rebuild with nothing
 *   changed, a rebuild after one article changed (the CLI as a user runs it);
 * - the archive case (limit N): the stages (load, normalize, render per
 *   format, proof, write) against a bare parse of the same documents and
 *   against feed@6.0.0 rendering the same items; a cold build end to end,
 *   and feed@6.0.0 loading the same items as JSON, rendering and writing.
 * Prints a table and writes bench/results.json.
 *
 * With --scale, only the scale case instead: the everyday build (limit 50)
 * of N small records (about 500 bytes; JSON files of 1,000 records), cold,
 * its time and peak memory, given a heap that lets it finish: how a build
 * grows with an archive it shows 50 items of; and a rebuild after one
 * record file changed. With --scale-archive, also an archive build of the
 * same records (limit and pageSize 1,000): cold, after one new record (the
 * newest), and with nothing changed, with the files each wrote; and a
 * facet set (a feed of each tag, limit 50): cold, and after one new record
 * with one tag. Writes
 * bench/results-scale.json.
 */
const exec = promisify(execFile);
const { values } = parseArgs({
  options: { scale: { type: 'string' }, 'scale-runs': { type: 'string', default: '3' }, 'scale-archive': { type: 'boolean', default: false }, sizes: { type: 'string', default: '1000,10000,100000' }, runs: { type: 'string', default: '5' }, 'large-runs': { type: 'string', default: '3' }, 'everyday-runs': { type: 'string', default: '7' }, keep: { type: 'boolean', default: false } },
});
const scaleSizes = values.scale?.split(',').map(Number);
const sizes = scaleSizes ? [] : values.sizes.split(',').map(Number);
const runs = Number(values.runs);
// 100,000 records take minutes a run: they run fewer times. The shorter runs are the noisier, and run more.
const largeRuns = Number(values['large-runs']);
const runsFor = (n: number) => (n >= 100000 ? largeRuns : runs);
// The everyday builds take seconds: more runs of them cost little and steady their medians.
const everydayRuns = Number(values['everyday-runs']);
const here = import.meta.dirname;
const root = join(tmpdir(), 'feedwright-bench');
const node = process.execPath;
const script = (name: string) => join(here, `${name}.js`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Runs node with `args` (its own flags first) and reads the JSON line the script prints last. */
async function json(args: string[], cwd: string, stderr = false): Promise<Record<string, number | string>> {
  const { stdout, stderr: err } = await exec(node, args, { cwd, maxBuffer: 1 << 26 });
  const lines = (stderr ? err : stdout).trim().split('\n');
  return JSON.parse(lines.at(-1)!);
}

/** A project of `n` records: the corpus in many files, or one JSON export of them all (`export`), or small records in many files (`small`). */
async function project(n: number, limit: number, kind: 'files' | 'export' | 'small' = 'files'): Promise<string> {
  const dir = join(root, `${kind}-${n}`);
  try {
    await stat(join(dir, 'articles', '.complete'));
  } catch {
    await rm(dir, { recursive: true, force: true });
    console.error(`writing ${kind === 'export' ? 'an export' : 'a corpus'} of ${n} records…`);
    if (kind === 'files') await writeCorpus(join(dir, 'articles'), { count: n, seed: 1 });
    // About 500 bytes a record, and 1,000 records a JSON file.
    else if (kind === 'small') await writeCorpus(join(dir, 'articles'), { count: n, seed: 1, bodyBytes: 250, perJsonFile: 1000 });
    // 3 KB a record, as the issue's export of 100,000 records in 300 MB.
    else await writeExport(join(dir, 'articles', 'export.json'), { count: n, seed: 1, bodyBytes: 2400 });
    await writeFile(join(dir, 'articles', '.complete'), '');
    // Files written this moment are "racy" for the cache (same-mtime edits cannot be told apart): let them age.
    await new Promise((resolve) => setTimeout(resolve, 2100));
  }
  await writeFile(join(dir, 'feedwright.config.json'), JSON.stringify({ title: 'Bench', siteUrl: 'https://bench.example.org', author: 'Bench Desk <desk@bench.example.org>', limit }));
  return dir;
}

/** How many files a build's summary line says it wrote. */
const filesWritten = (line: string): number => {
  const wrote = /; wrote (.*?)(?: \(unchanged|; removed|$)/.exec(line.trim())?.[1] ?? 'nothing';
  if (wrote === 'nothing') return 0;
  const more = / and (\d+) more$/.exec(wrote);
  return more ? 3 + Number(more[1]) : wrote.split(', ').length;
};

const clean = (dir: string) => Promise.all([rm(join(dir, 'output'), { recursive: true, force: true }), rm(join(dir, 'node_modules'), { recursive: true, force: true })]);
const cli = (dir: string, ...nodeFlags: string[]) => json([...nodeFlags, script('measure'), 'build'], dir, true);
// A larger young generation: fewer scavenges, which at 100,000 items copy much that survives. The README's advice for large archives.
const YOUNG_64 = '--max-semi-space-size=64';

const results: Record<string, Record<string, number>> = {};
for (const n of sizes) {
  // The everyday CI case: limit 50.
  let dir = await project(n, 50);
  const everyday: Record<string, number[]> = { cold: [], unchanged: [], oneChanged: [], coldRss: [] };
  // The article to change: the newest plain-text one, so that the change reaches the feed.
  const changed = [...listRecordFiles(join(dir, 'articles')).paths].filter((f) => f.endsWith('.txt')).at(-1)!;
  const original = await readFile(changed, 'utf8');
  const originalStats = await stat(changed);
  for (let r = 0; r < everydayRuns; r++) {
    await clean(dir);
    const cold = await cli(dir);
    everyday.cold!.push(cold.wallMs as number);
    everyday.coldRss!.push(cold.maxRssMB as number);
    const unchanged = await cli(dir);
    if (!String(unchanged.stdout).includes('wrote nothing')) throw new Error(`a rebuild with nothing changed wrote files: ${unchanged.stdout}`);
    everyday.unchanged!.push(unchanged.wallMs as number);
    await appendFile(changed, `\nA sentence added in run ${r}.\n`);
    const one = await cli(dir);
    if (String(one.stdout).includes('wrote nothing')) throw new Error(`a rebuild after a change wrote nothing: ${one.stdout}`);
    everyday.oneChanged!.push(one.wallMs as number);
    await writeFile(changed, original);
    await utimes(changed, originalStats.atime, originalStats.mtime);
  }

  // The archive case: every item rendered.
  dir = await project(n, n);
  const stages: Record<string, number[]> = {};
  const archive: Record<string, number[]> = { build: [], buildRss: [], build64: [], build64Rss: [], feedScript: [], feedRender: [], feedRss: [] };
  const items = join(dir, 'items.json');
  for (let r = 0; r < runsFor(n); r++) {
    // The stages script holds every document at once, which the build never does: it gets the larger heap. The builds and feed@6.0.0's script run as users run them.
    const s = await json(['--expose-gc', '--max-old-space-size=8192', script('stages'), dir, ...(r === 0 ? [items] : [])], dir);
    for (const [k, v] of Object.entries(s)) if (typeof v === 'number') (stages[k] ??= []).push(v);
    await clean(dir);
    const build = await cli(dir);
    archive.build!.push(build.wallMs as number);
    archive.buildRss!.push(build.maxRssMB as number);
    await clean(dir);
    const build64 = await cli(dir, YOUNG_64);
    archive.build64!.push(build64.wallMs as number);
    archive.build64Rss!.push(build64.maxRssMB as number);
    const feed = await json([script('feed-baseline'), items], dir);
    archive.feedScript!.push((feed.load as number) + (feed.render as number) + (feed.write as number));
    archive.feedRender!.push(feed.render as number);
    archive.feedRss!.push(feed.maxRssMB as number);
  }

  // One JSON file of all N records, as a CMS exports them: a cold everyday build, and an archive build.
  const exported: Record<string, number[]> = { cold: [], coldRss: [], archive: [], archiveRss: [] };
  const everydayExport = await project(n, 50, 'export');
  const exportMB = (await stat(join(everydayExport, 'articles', 'export.json'))).size / 2 ** 20;
  for (let r = 0; r < everydayRuns; r++) {
    await clean(everydayExport);
    const cold = await cli(everydayExport);
    exported.cold!.push(cold.wallMs as number);
    exported.coldRss!.push(cold.maxRssMB as number);
  }
  const archiveExport = await project(n, n, 'export');
  for (let r = 0; r < runsFor(n); r++) {
    await clean(archiveExport);
    const build = await cli(archiveExport);
    exported.archive!.push(build.wallMs as number);
    exported.archiveRss!.push(build.maxRssMB as number);
  }

  const m = (xs: number[] | undefined) => (xs && xs.length > 0 ? median(xs) : NaN);
  const render = m(stages['render rss']) + m(stages['render atom']) + m(stages['render json']);
  results[`${n}`] = {
    'everyday cold build ms': m(everyday.cold),
    'everyday cold peak MB': m(everyday.coldRss),
    'everyday rebuild, nothing changed ms': m(everyday.unchanged),
    'everyday rebuild, one article changed ms': m(everyday.oneChanged),
    'cold / one-changed': m(everyday.cold) / m(everyday.oneChanged),
    'load ms': m(stages.load),
    'normalize ms': m(stages.normalize),
    'render rss ms': m(stages['render rss']),
    'render atom ms': m(stages['render atom']),
    'render json ms': m(stages['render json']),
    'proof ms': m(stages.proof),
    'bare parse ms': m(stages['bare parse']),
    'write ms': m(stages.write),
    'feed@6 render ms': m(archive.feedRender),
    'render / feed@6 render': render / m(archive.feedRender),
    '(render + proof) / feed@6 render': (render + m(stages.proof)) / m(archive.feedRender),
    'proof / bare parse': m(stages.proof) / m(stages['bare parse']),
    'archive build ms': m(archive.build),
    'archive build peak MB': m(archive.buildRss),
    [`archive build, ${YOUNG_64} ms`]: m(archive.build64),
    [`archive build, ${YOUNG_64} peak MB`]: m(archive.build64Rss),
    'feed@6 script ms': m(archive.feedScript),
    'feed@6 script peak MB': m(archive.feedRss),
    'archive build / feed@6 script': m(archive.build) / m(archive.feedScript),
    'one JSON export of all N: MB': exportMB,
    'export: everyday cold build ms': m(exported.cold),
    'export: everyday cold peak MB': m(exported.coldRss),
    'export: archive build ms': m(exported.archive),
    'export: archive build peak MB': m(exported.archiveRss),
  };
  console.error(`N=${n} done`);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const format = (v: number) => (Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(2));
if (sizes.length > 0) {
  const names = Object.keys(results[String(sizes[0])]!);
  const runCounts = [...new Set(sizes.map(runsFor))];
  const medians = runCounts.length === 1 ? `median of ${runCounts[0]}` : `median of ${runs}, at 100,000 of ${largeRuns}`;
  const lines = [`| measure (${medians}; everyday builds of ${everydayRuns}) | ${sizes.map((n) => `N = ${n.toLocaleString('en-US')}`).join(' | ')} |`, `| --- |${sizes.map(() => ' ---: |').join('')}`];
  for (const name of names) lines.push(`| ${name} | ${sizes.map((n) => format(results[String(n)]![name]!)).join(' | ')} |`);
  const big = sizes.filter((n) => n >= 10000);
  if (big.includes(10000) && big.includes(100000)) {
    lines.push(`| growth: archive build 100k / 10k | ${format(results['100000']!['archive build ms']! / results['10000']!['archive build ms']!)} |`);
  }
  console.log(`feedwright bench: ${machine}\n\n${lines.join('\n')}`);
  await mkdir(here, { recursive: true });
  await writeFile(join(here, '..', '..', '..', 'bench', 'results.json'), JSON.stringify({ machine, runs, largeRuns, everydayRuns, results, table: lines }, null, 2) + '\n');
}

if (scaleSizes) {
  // A heap that lets the largest build finish, so that its peak can be read (Node's default stops near 4 GB).
  const HEAP = '--max-old-space-size=20000';
  const scaleRuns = Number(values['scale-runs']);
  const scaled: Record<string, Record<string, number>> = {};
  for (const n of scaleSizes) {
    const dir = await project(n, 50, 'small');
    const cold: number[] = [];
    const peak: number[] = [];
    const oneChanged: number[] = [];
    const oneChangedPeak: number[] = [];
    const changed = [...listRecordFiles(join(dir, 'articles')).paths].filter((f) => f.endsWith('.txt')).at(-1)!;
    const original = await readFile(changed);
    for (let r = 0; r < scaleRuns; r++) {
      await clean(dir);
      const build = await cli(dir, HEAP);
      if (build.code !== 0) throw new Error(`the build of ${n} small records failed: ${build.stdout}`);
      cold.push(build.wallMs as number);
      peak.push(build.maxRssMB as number);
      await appendFile(changed, `\nA sentence added in run ${r}.\n`);
      const again = await cli(dir, HEAP);
      oneChanged.push(again.wallMs as number);
      oneChangedPeak.push(again.maxRssMB as number);
      await writeFile(changed, original);
    }
    scaled[`${n}`] = { 'everyday cold build ms': median(cold), 'everyday cold peak MB': median(peak), 'one file changed ms': median(oneChanged), 'one file changed peak MB': median(oneChangedPeak) };
    if (values['scale-archive']) {
      /** Builds of the same records with another config, into a folder of their own (cleared first): each build's time, peak and files written. */
      const builds = async (name: string, config: object) => {
        await writeFile(join(dir, `${name}.config.json`), JSON.stringify({ title: 'Bench', siteUrl: 'https://bench.example.org', author: 'Bench Desk <desk@bench.example.org>', ...config }));
        await rm(join(dir, `${name}-output`), { recursive: true, force: true });
        return async () => {
          const built = await json([HEAP, script('measure'), 'build', '--config', `${name}.config.json`, '--out', `${name}-output`], dir, true);
          if (built.code !== 0) throw new Error(`a build of ${n} small records (${name}) failed: ${built.stdout}`);
          return { ms: built.wallMs as number, mb: built.maxRssMB as number, written: filesWritten(String(built.stdout)) };
        };
      };
      /** Adds a record, the newest, and waits as a user's next build would: not in the moment of the edit, which the cache cannot tell by mtime. Returns its removal. */
      const addNewest = async (name: string, text: string) => {
        const path = join(dir, 'articles', name);
        await writeFile(path, text);
        await new Promise((resolve) => setTimeout(resolve, 2100));
        return () => rm(path);
      };
      // The heads change after a new record (and the last page, when the record fills it); then nothing changes.
      const archive = await builds('archive', { limit: 1000, archive: { pageSize: 1000 } });
      const cold = await archive();
      const removeNewest = await addNewest('newest.txt', '2026.06.01 12:00 GMT\n\nThe newest record of the bench\n\nOne paragraph of it.\n');
      const oneNew = await archive();
      const unchanged = await archive();
      await removeNewest();
      // A feed of each tag (some 30), `limit` 50, no archive: a new record with one tag makes the main head and that tag's.
      const facets = await builds('facets', { limit: 50, facets: { tags: 'tags/{slug}/' } });
      const facetsCold = await facets();
      const removeTagged = await addNewest('newest.md', '---\ntitle: The newest record of the bench\npublished: 2026-06-01T12:00:00Z\ntags: [harbor]\n---\nOne paragraph of it.\n');
      const facetsOneNew = await facets();
      await removeTagged();
      Object.assign(scaled[`${n}`]!, {
        'archive cold build ms (limit, pageSize 1,000; one run)': cold.ms,
        'archive cold peak MB': cold.mb,
        'archive, one new record ms': oneNew.ms,
        'archive, one new record peak MB': oneNew.mb,
        'archive, one new record: files written': oneNew.written,
        'archive, nothing changed ms': unchanged.ms,
        'archive, nothing changed: files written': unchanged.written,
        'facets (tags, limit 50) cold build ms': facetsCold.ms,
        'facets cold peak MB': facetsCold.mb,
        'facets, one new record ms': facetsOneNew.ms,
        'facets, one new record: files written': facetsOneNew.written,
      });
    }
    console.error(`scale N=${n} done`);
  }
  const lines = [`| small records, limit 50 (median of ${scaleRuns}) | ${scaleSizes.map((n) => `N = ${n.toLocaleString('en-US')}`).join(' | ')} |`, `| --- |${scaleSizes.map(() => ' ---: |').join('')}`];
  for (const name of Object.keys(scaled[String(scaleSizes[0])]!)) lines.push(`| ${name} | ${scaleSizes.map((n) => format(scaled[String(n)]![name]!)).join(' | ')} |`);
  const [small, large] = [scaleSizes[0]!, scaleSizes.at(-1)!];
  if (large > small) {
    const ratio = (name: string) => format(scaled[String(large)]![name]! / scaled[String(small)]![name]!);
    lines.push(`| growth ${large.toLocaleString('en-US')} / ${small.toLocaleString('en-US')}: time, peak | ${ratio('everyday cold build ms')}, ${ratio('everyday cold peak MB')} |`);
  }
  console.log(`feedwright bench (scale): ${machine}\n\n${lines.join('\n')}`);
  await writeFile(join(here, '..', '..', '..', 'bench', 'results-scale.json'), JSON.stringify({ machine, scaleRuns, results: scaled, table: lines }, null, 2) + '\n');
}
if (!values.keep) await rm(root, { recursive: true, force: true });

import { join } from 'node:path';
import { saveManifest, statsAt, unchangedFeeds } from '../cache/manifest.js';
import { FileMemo } from '../cache/memo.js';
import { proveDocuments, type Proven, type ProvenFile } from '../core/documents.js';
import { feedFrom } from '../core/feeds.js';
import { FORMATS } from '../render/feeds.js';
import { diagnosticsFor, hasErrors, type Diagnostic } from '../vocabulary/diagnostic.js';
import { copiesOf, precompress } from '../write/precompress.js';
import { Staging } from '../write/publish.js';
import type { BuildPlan, BuildResult } from './plan.js';
import { namer } from './files.js';
import { pingHub } from './ping.js';
import { staleSetFiles } from './set-files.js';
import { fileSource, type FileRecordSource } from './source.js';
import { describeStale, type PlannedFile, type StaleFile } from './stale.js';

/**
 * The memo keeps the records of the files the feed shows, so that a rebuild
 * reads only the files that changed, for feeds that show at most this many
 * items. Keeping a record costs each build about as much as reading its file
 * again costs a rebuild, and a rebuild of a feed that shows thousands of
 * items is mostly their render and proof anyway (docs/performance.md).
 */
const KEEP_SHOWN_UP_TO = 1000;

/**
 * The build once it has work to do: the record files → records (from the
 * files, or their placements from the memo) → the core → the output folder,
 * all or nothing; or, for `build --check`, the comparison with it.
 */
export async function runPipeline(plan: BuildPlan): Promise<BuildResult> {
  const { options, config, files, inputs, cache, outDir } = plan;
  const diagnostics: Diagnostic[] = [];
  const nameOf = namer(plan.articles, options.articlesDir);
  for (const { path, severity, ruleId, message } of files.unlisted) diagnosticsFor(nameOf(path), diagnostics)[severity](ruleId, message);

  const memo = cache && FileMemo.open(cache.memo, cache.key);
  let source: FileRecordSource | undefined;
  try {
    // A set of feeds (facets, archives) shows more than `limit` items: they are written aside as their files are read.
    // A feed of few items keeps none, and reads the files of those it shows again (docs/caching.md).
    const keepShown = config.limit <= KEEP_SHOWN_UP_TO && config.facets === undefined && config.archive === undefined;
    // Each file's name and stats made when it is read: as objects, a million files' weighed some 60 MB (docs/performance.md).
    const recordFiles = {
      length: files.paths.length,
      at(i: number) {
        const path = files.paths.at(i);
        const stats = statsAt(inputs.stats, i);
        return path === undefined ? undefined : { path, file: nameOf(path), ...(stats ? { stats } : {}) };
      },
    };
    source = await fileSource(recordFiles, config, { context: { unknownFields: config.unknownFields, ...(config.timezone === undefined ? {} : { timezone: config.timezone }) }, ...(memo ? { memo } : {}), statedAt: inputs.statedAt, fewShown: keepShown, ...(config.publicDir === undefined ? {} : { publicDir: join(options.cwd ?? process.cwd(), config.publicDir) }) }, diagnostics);
    // A feed of the set the last build made of the same records, and left as it is, is not made again (docs/caching.md); `build --check` compares every file.
    const lastMade = plan.previous && cache && !options.check ? unchangedFeeds(plan.previous, { key: cache.key, at: plan.now, outDir }) : undefined;
    const unchanged = lastMade && ((folder: string, fingerprint: string) => lastMade(folder, fingerprint) !== undefined);
    // The files are read as the core asks for their records, their messages added to `diagnostics`.
    const modelled = feedFrom(source, config, { utc: options.utc ?? config.utc, articlesDir: options.articlesDir, now: plan.now, future: options.future ?? false, ...(unchanged ? { unchanged } : {}) });
    const readFailed = hasErrors(diagnostics);
    // An empty feed because every file failed to read says nothing the read errors did not.
    diagnostics.push(...modelled.diagnostics.filter((d) => !(readFailed && d.ruleId === 'input/no-articles')));
    // Once the files are read and the records the feed shows kept.
    memo?.save();
    return await publishFeed(plan, modelled, lastMade, diagnostics);
  } finally {
    // Left as it was when the build stopped on an exception; a saved memo is not touched again.
    memo?.discard();
    source?.close();
  }
}

/** The feed's files, proven one at a time and handed to the output folder all or nothing; or, for `build --check`, compared with it. */
async function publishFeed(plan: BuildPlan, modelled: ReturnType<typeof feedFrom>, lastMade: ReturnType<typeof unchangedFeeds> | undefined, diagnostics: Diagnostic[]): Promise<BuildResult> {
  const { options, config, inputs, cache, outDir } = plan;
  const nothing = { written: [], unchanged: [], removed: [] };
  const { feed } = modelled;
  if (!feed || hasErrors(diagnostics)) return { exitCode: 1, diagnostics, items: 0, feeds: 0, ...nothing };
  const items = feed.entries.length;
  const feeds = modelled.feeds.length * FORMATS.length;

  // Each file as soon as it is proven: handed to the output folder (or compared with it), and let go.
  let staging: Staging | undefined;
  const stale: StaleFile[] = [];
  const planned: string[] = [];
  const hand = async (file: PlannedFile) => {
    planned.push(file.name);
    if (options.check) stale.push(...(await describeStale(outDir, [file])));
    else await (staging ??= await Staging.open(outDir)).add(file);
  };
  const accept = async (proven: ProvenFile) => {
    const file: PlannedFile = { name: proven.name, text: proven.bytes, ...(proven.format ? { format: proven.format } : {}) };
    await hand(file);
    if (config.precompress && proven.format) for (const copy of await precompress(outDir, [file])) await hand(copy);
  };
  let proven: Proven;
  try {
    proven = await proveDocuments(modelled.feeds, config, { outDir: options.outDir, now: plan.now, ...(options.strict === undefined ? {} : { strict: options.strict }) }, diagnostics, accept);
  } catch (error) {
    await staging?.abort();
    throw error;
  }
  if (!proven.ok) {
    await staging?.abort();
    return { exitCode: 1, diagnostics, feed, items, feeds, ...nothing };
  }
  // The files of the feeds kept as the last build wrote them stay as they are: looked at again now that this build
  // holds the folder's lock (the main feed's files are in it), in case another build wrote them since.
  const kept: string[] = [];
  for (const f of modelled.feeds) {
    if (!f.kept) continue;
    const names = lastMade?.(f.folder, f.fingerprint);
    if (names === undefined) {
      await staging?.abort();
      diagnostics.push({ file: options.outDir, ruleId: 'output/changing', severity: 'error', message: `had the files of ${f.folder} changed by something else while this build ran; build again` });
      return { exitCode: 1, diagnostics, feed, items, feeds, ...nothing };
    }
    kept.push(...names);
  }
  planned.push(...kept);
  // Compressed copies feedwright wrote follow their feed: with "precompress" off, they go.
  const feedNames = planned.filter((name) => Object.values(config.files).some((file) => name === file || name.endsWith(`/${file}`)));
  const strays = config.precompress ? [] : await copiesOf(outDir, feedNames);
  // Feeds of the set an earlier build wrote and this one does not (a tag no record has now): they go too.
  const gone = await staleSetFiles(outDir, config, modelled.feeds.filter((f) => !f.page).map((f) => f.folder), new Set(planned));
  const leaving = [...new Set([...strays, ...gone])];

  if (options.check) {
    for (const name of strays) stale.push({ name, reason: `is a compressed copy left from when "precompress" was on, and no longer matches what the build writes` });
    for (const name of gone.filter((n) => !strays.includes(n))) stale.push({ name, reason: 'is a feed of the set that the build no longer writes' });
    for (const { name, line, reason } of stale) {
      diagnostics.push({
        file: join(options.outDir, name),
        ...(line === undefined ? {} : { line }),
        ruleId: 'output/stale',
        severity: 'error',
        message: `${reason}; run "feedwright build" and commit the result`,
      });
    }
    return { exitCode: stale.length > 0 ? 1 : 0, diagnostics, feed, items, feeds, written: [], unchanged: stale.length > 0 ? [] : planned, removed: [] };
  }
  staging ??= await Staging.open(outDir);
  for (const name of leaving) staging.remove(name);
  // The manifest records the files as this build left them: before another build may write them.
  const committed = await staging.commit(async ({ written, unchanged }) => {
    if (!cache?.manifest) return;
    // A feed whose documents drew a message is made again next time, so that the message is given again.
    const quiet = new Set(proven.quiet);
    const clean = modelled.feeds.filter((f) => f.fingerprint !== undefined && (f.kept || quiet.has(f.folder)));
    const fingerprints = Object.fromEntries(clean.map((f) => [f.folder, f.fingerprint!]));
    await saveManifest(cache.manifest, { key: cache.key, inputs: inputs.signature, statedAt: inputs.statedAt, builtAt: plan.now, nextFuture: modelled.nextFuture, items, diagnostics, feeds: fingerprints }, outDir, [...written, ...unchanged, ...kept]);
  });
  const { written, removed } = committed;
  const unchanged = [...committed.unchanged, ...kept];
  // WebSub: the hub hears of each head feed whose bytes changed; archive pages are reached from their heads.
  if ((options.ping ?? config.ping) && config.hub !== undefined) {
    const heads = new Set(modelled.feeds.filter((f) => !f.page).flatMap((f) => Object.values(config.files).map((name) => f.folder + name)));
    const changed = written.filter((name) => heads.has(name));
    diagnostics.push(...(await pingHub(config.hub, changed.map((name) => config.feedUrl + name), { ...(options.strict ? { strict: true } : {}) })));
    if (hasErrors(diagnostics)) return { exitCode: 1, diagnostics, feed, items, feeds, written, unchanged, removed };
  }
  return { exitCode: 0, diagnostics, feed, items, feeds, written, unchanged, removed };
}

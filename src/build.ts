import { join, relative, resolve } from 'node:path';
import type { DateTime } from 'luxon';
import { loadConfig, type Config } from './config/config.js';
import { hasErrors, type Diagnostic } from './diagnostic.js';
import type { Feed, FeedFormat } from './model/types.js';
import { instantOf, listRecordFiles, Placements, readRecords, StalePlacements, type ArticleRecord, type Placement, type ReadContext, type ReadOptions } from './records/index.js';
import type * as Steps from './steps.js';
import { CODE_ID } from './version.js';
import { hashOf, inputSignature, loadManifest, saveManifest, stillCurrent } from './write/manifest.js';
import { precompress } from './write/precompress.js';
import { removeStaleTemps, Staging, Utf8Chunks } from './write/publish.js';
import type { PlannedFile, StaleFile } from './write/stale.js';

export interface BuildOptions {
  /** Paths are resolved against `cwd` (default: the process's) and shown in messages as given. */
  readonly cwd?: string;
  readonly articlesDir: string;
  readonly outDir: string;
  readonly configPath: string;
  /** Overrides the config's `utc` when given. */
  readonly utc?: boolean;
  /** Write nothing; fail when the output folder is stale or invalid. */
  readonly check?: boolean;
  /** The build's clock: records published after it are left out unless `future`. Without it, none are. */
  readonly now?: DateTime;
  readonly future?: boolean;
  /** Fail on a warning of the spec rules, as on an error. */
  readonly strict?: boolean;
  /** Where the last build's placements and manifest are kept (default: the config's cacheDir, else node_modules/.cache/feedwright); false: no cache. */
  readonly cacheDir?: string | false;
}

const DEFAULT_CACHE_DIR = join('node_modules', '.cache', 'feedwright');

/**
 * The placements keep the items a feed shows whole, content included, so
 * that a rebuild reads only the files that changed, for feeds that show at
 * most this many. Keeping an item costs each build about as much as reading
 * its file again costs a rebuild (at 100,000 items, writing the records
 * whole took 6.5 s against 7 s to read the files), and a rebuild of a feed
 * that shows thousands of items is mostly their render and proof anyway.
 */
const KEEP_CONTENT_UP_TO = 1000;

export interface BuildResult {
  /** 0 ok; 1 invalid input or output; 2 config error (SPEC section 7). */
  readonly exitCode: 0 | 1 | 2;
  readonly diagnostics: readonly Diagnostic[];
  /** The feed, when the build made one (not when it found nothing changed since the last). */
  readonly feed?: Feed;
  /** How many items each feed holds. */
  readonly items: number;
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
}

/**
 * articles → records → model → render → proof → write. Nothing is written
 * unless every step succeeded for every feed.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const nothing = { written: [], unchanged: [] };
  const at = (path: string) => resolve(options.cwd ?? process.cwd(), path);
  const loaded = await loadConfig(at(options.configPath), options.configPath);
  if (!loaded.config) return { exitCode: 2, diagnostics: loaded.diagnostics, items: 0, ...nothing };
  const config = loaded.config;

  const context = config.timezone === undefined ? {} : { timezone: config.timezone };
  const articles = at(options.articlesDir);
  const outDir = at(options.outDir);
  const startedAt = Date.now();
  const now = options.now?.toMillis() ?? startedAt;
  const cacheDir = options.cacheDir === false ? undefined : at(options.cacheDir ?? config.cacheDir ?? DEFAULT_CACHE_DIR);
  // The cache is the project's: named by its folders as the project names them, it survives the project's move (a CI checkout elsewhere).
  const id = hashOf(relative(at('.'), articles), relative(at('.'), outDir)).slice(0, 12);

  // Nothing changed since the last build that wrote this output folder: nothing to do.
  const files = await listRecordFiles(articles).catch(() => undefined);
  const inputs = files && inputSignature(articles, files);
  const key = hashOf(CODE_ID, JSON.stringify(config), JSON.stringify({ utc: options.utc, future: options.future, strict: options.strict }));
  const manifestPath = cacheDir && join(cacheDir, `build-${id}.json`);
  // Local media sizes, and entries that are not record files but must be reported (broken links), are inputs the manifest does not track.
  const untracked = config.publicDir !== undefined || (files?.unlisted?.length ?? 0) > 0;
  const manifest = manifestPath && inputs && !untracked ? await loadManifest(manifestPath) : undefined;
  if (manifest && stillCurrent(manifest, { key, inputs: inputs!.signature, newest: inputs!.newest, at: now, outDir })) {
    // A build killed before its renames may have left temporary files: they go, as in a full build.
    await removeStaleTemps(outDir);
    return { exitCode: 0, diagnostics: manifest.diagnostics, items: manifest.items, written: [], unchanged: manifest.outputs.map((o) => o.name) };
  }

  // The model, the renderers and the proof load only now (see steps.ts).
  const steps = await import('./steps.js');
  const { feed, diagnostics, nextFuture } = await model(steps, articles, config, options, {
    context,
    // Placed as the last build placed them: for this config and these options, and not with local media, whose sizes are inputs they do not track.
    ...(cacheDir === undefined || config.publicDir !== undefined ? {} : { placements: { path: join(cacheDir, `placements-${id}`), key: hashOf(key, options.articlesDir), trusted: true } }),
    reading: { ...(files ? { files } : {}), ...(inputs ? { stats: inputs.stats } : {}) },
    now,
    ...(config.publicDir === undefined ? {} : { publicDir: at(config.publicDir) }),
  });
  if (!feed || hasErrors(diagnostics)) return { exitCode: 1, diagnostics, items: 0, ...nothing };
  const items = feed.entries.length;

  // One format at a time: rendered, proven, handed to the output folder, and let go, so that no
  // two documents, nor their parsed trees, are held at once. Every format is proven, so that
  // every problem is reported; nothing is renamed into place unless all of them pass. The
  // output folder is first touched when a proven file is handed over.
  let staging: Staging | undefined;
  const stale: StaleFile[] = [];
  const planned: string[] = [];
  const hand = async (files: readonly PlannedFile[]) => {
    for (const file of files) planned.push(file.name);
    if (options.check) stale.push(...(await steps.describeStale(outDir, files)));
    else for (const file of files) await (staging ??= await Staging.open(outDir)).add(file);
  };
  let failed = false;
  try {
    for (const format of steps.FORMATS) {
      const { file, proven } = renderAndProve(steps, feed, config, options, format);
      diagnostics.push(...proven);
      failed ||= hasErrors(proven) || (options.strict === true && proven.some((d) => d.severity === 'warning'));
      if (!failed) await hand(await feedFiles(config, file, outDir));
    }
    if (!failed) await hand(companionFiles(steps, config));
  } catch (error) {
    await staging?.abort();
    throw error;
  }
  if (failed) {
    await staging?.abort();
    return { exitCode: 1, diagnostics, feed, items, ...nothing };
  }

  if (options.check || !staging) {
    for (const { name, line, reason } of stale) {
      diagnostics.push({
        file: join(options.outDir, name),
        ...(line === undefined ? {} : { line }),
        ruleId: 'output/stale',
        severity: 'error',
        message: `${reason}; run "feedwright build" and commit the result`,
      });
    }
    return { exitCode: stale.length > 0 ? 1 : 0, diagnostics, feed, items, written: [], unchanged: stale.length > 0 ? [] : planned };
  }
  const { written, unchanged } = await staging.commit();
  if (manifestPath && inputs) {
    await saveManifest(manifestPath, { key, inputs: inputs.signature, savedAt: startedAt, builtAt: now, nextFuture, items, diagnostics }, outDir, [...written, ...unchanged]);
  }
  return { exitCode: 0, diagnostics, feed, items, written, unchanged };
}

/**
 * articles → records → model. The records are let go when it returns: the
 * model keeps what the feeds need.
 */
async function model(
  steps: typeof Steps,
  articles: string,
  config: Config,
  options: BuildOptions,
  input: {
    readonly context: ReadContext;
    readonly placements?: { readonly path: string; readonly key: string; readonly trusted: boolean };
    readonly reading: Omit<ReadOptions, 'display' | 'placements'>;
    readonly now: number;
    readonly publicDir?: string;
  },
): Promise<{ feed?: Feed; diagnostics: Diagnostic[]; nextFuture: number | null }> {
  const kept = input.placements;
  const placements = kept && (kept.trusted ? Placements.open : Placements.none)(kept.path, kept.key);
  const { records, diagnostics: readDiagnostics } = await readRecords(articles, input.context, { display: options.articlesDir, ...input.reading, ...(placements ? { placements } : {}) });
  const mediaSizes = input.publicDir === undefined ? undefined : await steps.localMediaSizes(mediaUrls(records), config.siteUrl, input.publicDir);
  let modelled: ReturnType<typeof steps.normalize>;
  try {
    modelled = steps.normalize(records, config, {
      utc: options.utc ?? config.utc,
      articlesDir: options.articlesDir,
      ...(options.now === undefined ? {} : { now: options.now }),
      future: options.future ?? false,
      ...(mediaSizes === undefined ? {} : { mediaSizes }),
      ...(placements === undefined ? {} : { onPlaced: (record: ArticleRecord, placement: Placement) => placements.place(record, placement) }),
      ...(placements === undefined || config.limit > KEEP_CONTENT_UP_TO ? {} : { onContent: (record: ArticleRecord, html: string) => placements.keepShown(record, html) }),
    });
  } catch (error) {
    // A file read again for the feed is not as the last build placed it (changed during this build): all over again, reading every file.
    if (error instanceof StalePlacements && kept?.trusted) return model(steps, articles, config, options, { ...input, placements: { ...kept, trusted: false } });
    throw error;
  }
  const { feed, diagnostics: modelDiagnostics } = modelled;
  // An empty feed because every file failed to read says nothing the read errors did not.
  const consequential = (d: Diagnostic) => d.ruleId === 'input/no-articles' && hasErrors(readDiagnostics);
  const diagnostics = [...readDiagnostics, ...modelDiagnostics.filter((d) => !consequential(d))];
  await placements?.save(diagnostics);
  // The first record left out as future, so that the manifest knows when the output goes stale.
  let nextFuture: number | null = null;
  if (options.now !== undefined && !options.future) {
    for (const r of records) {
      const at = instantOf(r, 'published');
      if (at !== undefined && at > input.now && (nextFuture === null || at < nextFuture)) nextFuture = at;
    }
  }
  return { ...(feed ? { feed } : {}), diagnostics, nextFuture };
}

/**
 * One format, rendered, proven (SPEC 5; the spec rules are the same that
 * `feedwright check` runs on any feed) and encoded a piece at a time, head,
 * items, tail: the document is never held as one string, nor its tree.
 */
function renderAndProve(steps: typeof Steps, feed: Feed, config: Config, options: BuildOptions, format: FeedFormat): { file: PlannedFile; proven: Diagnostic[] } {
  const pieces = steps.renderPieces(feed, format);
  const name = config.files[format];
  const proof = steps.startProof(feed, { format, file: join(options.outDir, name), head: pieces.head, tail: pieces.tail }, options.now === undefined ? {} : { now: options.now.toMillis() });
  const bytes = new Utf8Chunks();
  bytes.write(pieces.head);
  feed.entries.forEach((entry, index) => {
    const text = pieces.item(entry, index);
    proof.item(text);
    bytes.write(text);
  });
  bytes.write(pieces.tail);
  return { file: { name, text: bytes.end(), format }, proven: proof.finish() };
}

/** A feed file, and its precompressed copies when the config asks for them. */
async function feedFiles(config: Config, feed: PlannedFile, dir: string): Promise<PlannedFile[]> {
  return [feed, ...(config.precompress ? await precompress(dir, [feed]) : [])];
}

/** feedwright's stylesheet for the feed page, and a `_headers` file for the host, when the config asks for them. */
const companionFiles = (steps: typeof Steps, config: Config): PlannedFile[] => [
  ...(config.stylesheetFile ? [{ name: config.stylesheetFile, text: steps.renderStylesheet() }] : []),
  ...(config.headers ? [{ name: steps.HEADERS_FILE, text: steps.renderHeadersFile(config) }] : []),
];

/** Media whose length a record leaves unsaid. */
function* mediaUrls(records: readonly ArticleRecord[]): Generator<string> {
  for (const record of records) {
    if (record.image !== undefined) yield record.image;
    for (const a of record.attachments ?? []) if (a.length === undefined) yield a.url;
  }
}

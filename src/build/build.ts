import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { hashOf, inputSignature, loadManifest, stillCurrent, type Manifest } from '../cache/manifest.js';
import { loadConfig } from '../config/load.js';
import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import { CODE_ID } from '../vocabulary/version.js';
import { isLeftover } from '../write/leftovers.js';
import { folderProblem, listRecordFiles, type RecordFiles } from './files.js';
import type { BuildOptions, BuildPlan, BuildResult } from './plan.js';

export type { BuildOptions, BuildResult } from './plan.js';

const DEFAULT_CACHE_DIR = join('node_modules', '.cache', 'feedwright');

/**
 * The build: list and read the record files → records → the core (model,
 * render, proof) → write. Nothing is written unless every step succeeded
 * for every file. A rebuild that finds nothing changed since the last stops
 * here, before the rest of the pipeline is even loaded.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const nothing = { items: 0, feeds: 0, written: [], unchanged: [], removed: [] };
  const at = (path: string) => resolve(options.cwd ?? process.cwd(), path);
  const loaded = await loadConfig(at(options.configPath), options.configPath);
  if (!loaded.config) return { exitCode: 2, diagnostics: loaded.diagnostics, ...nothing };
  const config = loaded.config;
  if (options.ping && config.hub === undefined) {
    return { exitCode: 2, diagnostics: [{ file: options.configPath, ruleId: 'config/missing', severity: 'error', message: 'needs a "hub" for --ping: the WebSub hub to tell when a feed changed' }], ...nothing };
  }
  const articles = at(options.articlesDir);
  const outDir = at(options.outDir);
  const now = options.now?.getTime() ?? Date.now();
  const cacheDir = options.cacheDir === false ? undefined : at(options.cacheDir ?? config.cacheDir ?? DEFAULT_CACHE_DIR);

  let files: RecordFiles;
  try {
    // The output folder and the cache are never read as records, wherever they are.
    files = listRecordFiles(articles, [outDir, ...(cacheDir === undefined ? [] : [cacheDir])]);
  } catch (error) {
    const diagnostics: Diagnostic[] = [];
    diagnosticsFor(options.articlesDir, diagnostics).error('input/articles-folder', folderProblem(error));
    return { exitCode: 1, diagnostics, ...nothing };
  }
  const inputs = inputSignature(articles, files.paths);
  let cache: BuildPlan['cache'];
  let previous: Manifest | undefined;
  // Local media sizes are inputs the cache does not track: with them, there is none.
  if (cacheDir !== undefined && config.publicDir === undefined) {
    // The cache is the project's: named by its folders as the project names them, it survives the project's move (a CI checkout elsewhere).
    const id = hashOf(relative(at('.'), articles), relative(at('.'), outDir)).slice(0, 12);
    const key = hashOf(CODE_ID, JSON.stringify(config), JSON.stringify({ articles: options.articlesDir, utc: options.utc, future: options.future, strict: options.strict }));
    // Entries that are not record files but must be reported (broken links) are inputs the manifest does not track.
    cache = { memo: join(cacheDir, `memo-${id}.jsonl`), key, ...(files.unlisted.length > 0 ? {} : { manifest: join(cacheDir, `build-${id}.json`) }) };
    previous = cache.manifest === undefined ? undefined : await loadManifest(cache.manifest);
    if (previous && !hasLeftovers(outDir) && stillCurrent(previous, { key, inputs: inputs.signature, newest: inputs.newest, at: now, outDir })) {
      const feeds = previous.outputs.filter((o) => Object.values(config.files).includes(o.name.slice(o.name.lastIndexOf('/') + 1))).length;
      return { exitCode: 0, diagnostics: previous.diagnostics, items: previous.items, feeds, written: [], unchanged: previous.outputs.map((o) => o.name), removed: [] };
    }
  }
  // The one place the build loads code lazily: all that reads, models, renders, proves and writes.
  const { runPipeline } = await import('./pipeline.js');
  return runPipeline({ options, config, articles, outDir, now, files, inputs, ...(cache ? { cache } : {}), ...(previous ? { previous } : {}) });
}

/** Whether a build is writing the output folder, or a killed one left its temporary files or its lock: a build that takes the lock clears them. */
function hasLeftovers(outDir: string): boolean {
  try {
    return readdirSync(outDir).some(isLeftover);
  } catch {
    return false;
  }
}

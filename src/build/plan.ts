import type { inputSignature, Manifest } from '../cache/manifest.js';
import type { Config } from '../config/config.js';
import type { Diagnostic } from '../vocabulary/diagnostic.js';
import type { Feed } from '../vocabulary/types.js';
import type { RecordFiles } from './files.js';

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
  /** The build's clock: records published after it are left out unless `future`. Default: now, as on the command line. */
  readonly now?: Date;
  readonly future?: boolean;
  /** Fail on a warning of the spec rules, as on an error. */
  readonly strict?: boolean;
  /** After a build that changed a head feed, ping the config's WebSub `hub` (as `"ping": true` does). */
  readonly ping?: boolean;
  /** Where the memo and the manifest are kept (default: the config's cacheDir, else node_modules/.cache/feedwright); false: no cache. */
  readonly cacheDir?: string | false;
}

export interface BuildResult {
  /** 0 ok; 1 invalid input or output; 2 config error (docs/cli.md). */
  readonly exitCode: 0 | 1 | 2;
  readonly diagnostics: readonly Diagnostic[];
  /** The feed, when the build made one (not when it found nothing changed since the last). */
  readonly feed?: Feed;
  /** How many items the main feed holds. */
  readonly items: number;
  /** How many feed documents the build wrote or found current: 3 for one feed in three formats, more for a set (docs/feed-set.md). */
  readonly feeds: number;
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

/** What a build has settled before it reads any record: the pipeline's input (see pipeline.ts). */
export interface BuildPlan {
  readonly options: BuildOptions;
  readonly config: Config;
  readonly articles: string;
  readonly outDir: string;
  readonly now: number;
  readonly files: RecordFiles;
  /** The record files' sizes and times, when they were looked at, and their signature. */
  readonly inputs: ReturnType<typeof inputSignature>;
  /** The memo's and the manifest's paths, and the key both hold for; none without a cache. */
  readonly cache?: { readonly memo: string; readonly manifest?: string; readonly key: string };
  /** What the last build wrote, as its manifest says: the feeds of the set it need not make again. */
  readonly previous?: Manifest;
}

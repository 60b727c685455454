import { build } from '../build/build.js';
import { CONFIG_FILE } from '../config/config.js';
import { FeedwrightError } from '../vocabulary/errors.js';
import { count, formatDiagnostic } from './report.js';
import { readArguments, usageError, type Io } from './io.js';
import { runWatch } from './watch.js';

interface BuildValues {
  readonly articles: string;
  readonly out: string;
  readonly config: string;
  readonly utc?: boolean;
  readonly check: boolean;
  readonly future: boolean;
  readonly strict: boolean;
  readonly ping: boolean;
  readonly 'no-cache': boolean;
}

/** `feedwright build`: the pipeline, its diagnostics, and one summary line. */
export async function runBuild(argv: readonly string[], io: Io): Promise<number> {
  const parsed = readArguments(io, 'build', {
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      articles: { type: 'string', default: 'articles' },
      out: { type: 'string', default: 'output' },
      config: { type: 'string', default: CONFIG_FILE },
      utc: { type: 'boolean' },
      check: { type: 'boolean', default: false },
      future: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      ping: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      watch: { type: 'boolean', default: false },
    },
  });
  if (!parsed) return 2;
  const { values } = parsed;
  if (values.watch) {
    if (values.check) {
      return usageError(io, 'build', '--watch and --check do not go together; use --check in CI and --watch while writing');
    }
    return runWatch({ articles: values.articles, config: values.config, out: values.out }, () => buildOnce(values, io), io);
  }
  return buildOnce(values, io);
}

/** One build: its diagnostics and its summary line. */
async function buildOnce(values: BuildValues, io: Io): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const started = now();
  try {
    const result = await build({
      cwd: io.cwd,
      articlesDir: values.articles,
      outDir: values.out,
      configPath: values.config,
      ...(values.utc === undefined ? {} : { utc: values.utc }),
      check: values.check,
      now: io.clock?.().toJSDate() ?? new Date(),
      future: values.future,
      strict: values.strict,
      ...(values.ping ? { ping: true } : {}),
      ...(values['no-cache'] ? { cacheDir: false as const } : {}),
    });
    for (const d of result.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    const time = `${Math.round(now() - started)} ms`;
    const items = result.items;
    if (result.exitCode !== 0) {
      const what = values.check && errors > 0 && result.feed ? 'check failed' : 'build failed';
      io.stderr(`feedwright: ${what}: ${count(errors, 'error')}, ${count(warnings, 'warning')} in ${time}; nothing was written\n`);
    } else if (values.check) {
      io.stdout(`feedwright: ${values.out} is up to date: ${count(result.feeds, 'feed')}, ${count(items, 'item')}, ${count(warnings, 'warning')} in ${time}\n`);
    } else {
      const wrote = result.written.length > 0 ? `wrote ${names(result.written)}` : 'wrote nothing';
      const removed = result.removed.length > 0 ? `; removed ${names(result.removed)}` : '';
      const same = result.unchanged.length > 0 ? ` (unchanged: ${names(result.unchanged)})` : '';
      io.stdout(`feedwright: ${count(result.feeds, 'feed')}, ${count(items, 'item')}, ${count(warnings, 'warning')} in ${time}; ${wrote}${same}${removed}\n`);
    }
    return result.exitCode;
  } catch (error) {
    if (error instanceof FeedwrightError) {
      const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
      io.stderr(`feedwright: ${error.message}${cause}\n`);
      return 1;
    }
    // Not the user's mistake: one line to report, the stack only when asked for.
    const detail = process.env.FEEDWRIGHT_DEBUG ? `\n${(error as Error).stack}` : ' (set FEEDWRIGHT_DEBUG=1 for the stack)';
    io.stderr(`feedwright: internal error: ${(error as Error).message}; nothing was written. Please report it${detail}\n`);
    return 1;
  }
}

/** Files named in the summary line: a set of many feeds (docs/feed-set.md) is named by its first few and counted. */
const SHOWN_NAMES = 12;
const names = (files: readonly string[]): string => (files.length <= SHOWN_NAMES ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`);

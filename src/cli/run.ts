import { parseArgs } from 'node:util';
import { build } from '../build.js';
import { CONFIG_FILE } from '../config/config.js';
import { FeedwrightError } from '../errors.js';
import { count, formatDiagnostic } from './report.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Milliseconds from some fixed point, for the summary line only. */
  readonly now?: () => number;
}

export const USAGE = `Usage:
  feedwright build [--articles DIR] [--out DIR] [--config FILE] [--utc] [--check]

  build      Build feed.xml (RSS 2.0), atom.xml (Atom 1.0) and feed.json (JSON Feed 1.1)
             from the article records in --articles (default: articles/) into --out
             (default: output/), proving each document before it is written.
    --config FILE  the config file (default: ${CONFIG_FILE})
    --utc          write every date in UTC instead of the offset its author wrote
    --check        write nothing; exit 1 when the output folder is stale or invalid (a CI gate)

Exit codes: 0 ok, 1 invalid input or output, 2 usage or config error.
`;

/** The command line: returns the exit code and writes only through `io`. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'build') return runBuild(rest, io);
  io.stderr(`feedwright: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

async function runBuild(argv: readonly string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        articles: { type: 'string', default: 'articles' },
        out: { type: 'string', default: 'output' },
        config: { type: 'string', default: CONFIG_FILE },
        utc: { type: 'boolean' },
        check: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    io.stderr(`feedwright build: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
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
    });
    for (const d of result.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    const time = `${Math.round(now() - started)} ms`;
    const items = result.feed?.entries.length ?? 0;
    if (result.exitCode !== 0) {
      const what = values.check && errors > 0 && result.feed ? 'check failed' : 'build failed';
      io.stderr(`feedwright: ${what}: ${count(errors, 'error')}, ${count(warnings, 'warning')} in ${time}; nothing was written\n`);
    } else if (values.check) {
      io.stdout(`feedwright: ${values.out} is up to date: 3 feeds, ${count(items, 'item')}, ${count(warnings, 'warning')} in ${time}\n`);
    } else {
      const wrote = result.written.length > 0 ? `wrote ${result.written.join(', ')}` : 'wrote nothing';
      const same = result.unchanged.length > 0 ? ` (unchanged: ${result.unchanged.join(', ')})` : '';
      io.stdout(`feedwright: 3 feeds, ${count(items, 'item')}, ${count(warnings, 'warning')} in ${time}; ${wrote}${same}\n`);
    }
    return result.exitCode;
  } catch (error) {
    if (error instanceof FeedwrightError) {
      const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
      io.stderr(`feedwright: ${error.message}${cause}; the previous output was left as it was\n`);
      return 1;
    }
    throw error;
  }
}

import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DateTime } from 'luxon';
import { CONFIG_FILE } from '../config/config.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Milliseconds from some fixed point, for the summary line only. */
  readonly now?: () => number;
  /** The build's clock, which decides what is in the future (default: the system clock). Never written into a feed. */
  readonly clock?: () => DateTime;
  /** Stops a command that runs until stopped (`serve`, `build --watch`); without one, Ctrl-C (SIGINT) or SIGTERM does. */
  readonly signal?: AbortSignal;
  /** Standard input, for `feedwright check -` (default: the process's). */
  readonly stdin?: () => Promise<string>;
}

export const USAGE = `Usage:
  feedwright build [--articles DIR] [--out DIR] [--config FILE] [--utc] [--future] [--strict] [--no-cache] [--check | --watch]
  feedwright serve [--out DIR] [--port N] [--host H] [--config FILE]
  feedwright check [--format text|json] [--strict] FILE...

  build      Build feed.xml (RSS 2.0), atom.xml (Atom 1.0) and feed.json (JSON Feed 1.1)
             from the article records in --articles (default: articles/) into --out
             (default: output/), proving each document before it is written.
    --config FILE  the config file (default: ${CONFIG_FILE})
    --utc          write every date in UTC instead of the offset its author wrote
    --check        write nothing; exit 1 when the output folder is stale or invalid (a CI gate)
    --watch        build, then rebuild whenever an article or the config changes, until Ctrl-C
    --future       include records dated after now (left out by default)
    --strict       fail on a warning of the spec rules too (see check), not only on an error
    --no-cache     parse every record again, and do not stop early when nothing changed

  serve      Serve the output folder over HTTP as a CDN would: each feed's media type,
             ETag and Last-Modified with 304s, gzip and brotli, Cache-Control from the config.
    --port N       the port (default: 8080; 0 picks a free one)
    --host H       the address to listen on (default: 127.0.0.1, this machine only)

  check      Check RSS 2.0, Atom 1.0 and JSON Feed files from any publisher against
             feedwright's rules; "-" reads standard input. Prints path:line:col,
             severity, message and rule id for each problem, then a summary.
    --format json  print the diagnostics as a JSON array instead
    --strict       fail on warnings too, not only on errors

Exit codes: 0 ok, 1 invalid input or output, 2 usage or config error.
`;

/** A usage error of `feedwright COMMAND`: what is wrong, then the usage; exit code 2. */
export function usageError(io: Io, command: string, message: string): 2 {
  io.stderr(`feedwright ${command}: ${message}\n\n${USAGE}`);
  return 2;
}

/** A command's arguments, read by parseArgs; undefined, with a usage error printed, when they do not parse. */
export function readArguments<T extends ParseArgsConfig>(io: Io, command: string, config: T): ReturnType<typeof parseArgs<T>> | undefined {
  try {
    return parseArgs(config);
  } catch (error) {
    usageError(io, command, (error as Error).message);
    return undefined;
  }
}

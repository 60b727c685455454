// Its declarations name node:util's types: this brings Node's types (a dependency of the package)
// into a consumer's program even when its tsconfig lists none ("types": [], as tsc --init writes).
/// <reference types="node" preserve="true" />
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

/** The commands, each with its synopsis and what `feedwright COMMAND --help` says of it. */
const HELP = {
  build: {
    synopsis: 'feedwright build [--articles DIR] [--out DIR] [--config FILE] [--utc] [--future] [--strict] [--ping] [--no-cache] [--check | --watch]',
    text: `Builds feed.xml (RSS 2.0), atom.xml (Atom 1.0) and feed.json (JSON Feed 1.1)
from the article records in --articles into --out, proving each document
before it is written.

  --articles DIR  the article records (default: articles)
  --out DIR       the folder the feeds are written to (default: output)
  --config FILE   the config file (default: ${CONFIG_FILE})
  --utc           write every date in UTC instead of the offset its author wrote
  --check         write nothing; exit 1 when the output folder is stale or invalid (a CI gate)
  --watch         build, then rebuild whenever an article or the config changes, until Ctrl-C
  --future        include records dated after now (left out by default)
  --strict        fail on a warning of the spec rules too (see check), not only on an error
  --ping          tell the config's WebSub hub of each feed the build changed
  --no-cache      parse every record again, and do not stop early when nothing changed
`,
  },
  serve: {
    synopsis: 'feedwright serve [--out DIR] [--port N] [--host H] [--config FILE]',
    text: `Serves the output folder over HTTP as a CDN would: each feed's media type,
ETag and Last-Modified with 304s, gzip and brotli, Cache-Control from the config.

  --out DIR       the folder to serve (default: output)
  --port N        the port (default: 8080; 0 picks a free one)
  --host H        the address to listen on (default: 127.0.0.1, this machine only)
  --config FILE   the config file, for the feeds' names and Cache-Control (default: ${CONFIG_FILE})
`,
  },
  links: {
    synopsis: 'feedwright links [--config FILE] [--facet KIND=VALUE]',
    text: `Prints the <link rel="alternate"> tags of the feeds, to paste into a page's
<head> so that browsers and readers find them.

  --config FILE       the config file (default: ${CONFIG_FILE})
  --facet KIND=VALUE  the tags of one facet's feeds instead, such as tags=rivers
`,
  },
  check: {
    synopsis: 'feedwright check [--format text|json] [--strict] [--profile apple|podcastindex|media]... [--base URL] FILE...',
    text: `Checks RSS 2.0, RSS 1.0, Atom 1.0 and JSON Feed files from any publisher against
feedwright's rules; "-" reads standard input. Prints path:line:col, severity,
message and rule id for each problem, then a summary. A feed with RFC 5005
archive pages has its chain followed through its folder, each page checked.

  --format json   print the diagnostics as a JSON array instead
  --strict        fail on warnings too, not only on errors
  --profile NAME  also the rules of apple (Apple Podcasts), podcastindex (Podcasting 2.0)
                  or media (Media RSS); may be given more than once
  --base URL      the URL of the folder a FILE with archive pages is served from
                  (default: its self link's), to follow its pages through the folder
`,
  },
} as const;

export type CommandName = keyof typeof HELP;

const EXIT_CODES = 'Exit codes: 0 ok, 1 invalid input or output, 2 usage or config error.\n';

/** The whole command line's help: `feedwright`, `feedwright --help`. */
export const USAGE = `Usage:
${Object.values(HELP).map((c) => `  ${c.synopsis}\n`).join('')}  feedwright --version
  feedwright help [COMMAND]    (or: feedwright COMMAND --help)

${Object.entries(HELP)
  .map(([name, c]) => `${name}\n${indent(c.text)}`)
  .join('\n')}
${EXIT_CODES}`;

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '  ');
}

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(HELP, name);
}

/** One command's help, for `feedwright COMMAND --help` and its usage errors. */
export function commandUsage(command: CommandName): string {
  const { synopsis, text } = HELP[command];
  return `Usage: ${synopsis}\n\n${text}  -h, --help      print this help\n\n${EXIT_CODES}`;
}

/**
 * Whether a command's arguments ask for its help: `-h` or `--help` anywhere
 * before a `--`, after which every argument is a file name. Answered before
 * the arguments are parsed, so that help never fails on another argument.
 */
export function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/** A usage error of `feedwright COMMAND`: what is wrong, then the usage; exit code 2. */
export function usageError(io: Io, command: string, message: string): 2 {
  io.stderr(`feedwright ${command}: ${message}\n\n${isCommand(command) ? commandUsage(command) : USAGE}`);
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

import { runBuild } from './build.js';
import { runCheck } from './check.js';
import { runServe } from './serve.js';
import { USAGE, type Io } from './io.js';

export type { Io } from './io.js';

/** Each command in a module of its own under cli/, taking its arguments and the io. */
const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: Io) => Promise<number>>> = {
  build: runBuild,
  serve: runServe,
  check: runCheck,
};

/** The command line: returns the exit code and writes only through `io`. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 2 : 0;
  }
  const handler = COMMANDS[command];
  if (handler) return handler(rest, io);
  io.stderr(`feedwright: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

import { USAGE, type Io } from './io.js';

export type { Io } from './io.js';

type Command = (argv: readonly string[], io: Io) => Promise<number>;

/** Each command in a module of its own under cli/, taking its arguments and the io; loaded when it runs, so that a build does not load the server. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  build: async () => (await import('./build.js')).runBuild,
  serve: async () => (await import('./serve.js')).runServe,
  check: async () => (await import('./check.js')).runCheck,
};

/** The command line: returns the exit code and writes only through `io`. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (load) return (await load())(rest, io);
  io.stderr(`feedwright: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

import { asksForHelp, commandUsage, isCommand, USAGE, type CommandName, type Io } from './io.js';

export type { Io } from './io.js';

type Command = (argv: readonly string[], io: Io) => Promise<number>;

/** Each command in a module of its own under cli/, taking its arguments and the io; loaded when it runs, so that a build does not load the server. */
const COMMANDS: Readonly<Record<CommandName, () => Promise<Command>>> = {
  build: async () => (await import('./build.js')).runBuild,
  serve: async () => (await import('./serve.js')).runServe,
  links: async () => (await import('./links.js')).runLinks,
  check: async () => (await import('./check.js')).runCheck,
};

const HELP = new Set(['help', '--help', '-h']);
const VERSION = new Set(['--version', '-v']);

/** The command line: returns the exit code and writes only through `io`. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  if (VERSION.has(command)) {
    // Loaded only here: the module hashes feedwright's own code when it loads.
    io.stdout(`${(await import('../vocabulary/version.js')).VERSION}\n`);
    return 0;
  }
  if (HELP.has(command)) {
    const [topic] = rest;
    if (topic === undefined) io.stdout(USAGE);
    else if (isCommand(topic)) io.stdout(commandUsage(topic));
    else return unknownCommand(io, topic);
    return 0;
  }
  if (!isCommand(command)) return unknownCommand(io, command);
  // Answered here, before the command's module loads and parses its arguments.
  if (asksForHelp(rest)) {
    io.stdout(commandUsage(command));
    return 0;
  }
  return (await COMMANDS[command]())(rest, io);
}

function unknownCommand(io: Io, command: string): 2 {
  io.stderr(`feedwright: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONFIG_FILE, DEFAULT_FILES } from '../config/config.js';
import { loadConfig } from '../config/load.js';
import { DEFAULT_HOST, DEFAULT_PORT, serve, type ServeOptions, type Serving } from '../serve/server.js';
import { formatDiagnostic } from './report.js';
import { readArguments, usageError, type Io } from './io.js';
import { stopped, stopSignal } from './stop.js';

/**
 * `feedwright serve`: the output folder over HTTP until Ctrl-C (or
 * `io.signal`), one log line per response. The config, when there is one,
 * gives the feeds' file names and Cache-Control.
 */
export async function runServe(argv: readonly string[], io: Io): Promise<number> {
  const parsed = readArguments(io, 'serve', {
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      out: { type: 'string', default: 'output' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: DEFAULT_HOST },
      config: { type: 'string' },
    },
  });
  if (!parsed) return 2;
  const { values } = parsed;
  const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port <= 65535)) return usageError(io, 'serve', `--port must be a number from 0 to 65535; found "${values.port}"`);

  const at = (path: string) => resolve(io.cwd, path);
  const configPath = values.config ?? CONFIG_FILE;
  const hasConfig = values.config !== undefined || (await access(at(configPath)).then(() => true, () => false));
  let names: Pick<ServeOptions, 'files' | 'stylesheetFile' | 'cacheControl'> = { files: DEFAULT_FILES };
  if (hasConfig) {
    const { config, diagnostics } = await loadConfig(at(configPath), configPath);
    for (const d of diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    if (!config) return 2;
    names = { files: config.files, ...(config.stylesheetFile ? { stylesheetFile: config.stylesheetFile } : {}), ...(config.cacheControl ? { cacheControl: config.cacheControl } : {}) };
  }
  if (!(await stat(at(values.out)).then((s) => s.isDirectory(), () => false))) {
    io.stderr(`${values.out}: error: is not a folder; run "feedwright build" first, or pass --out DIR [serve/no-output]\n`);
    return 1;
  }

  const { signal, dispose } = stopSignal(io);
  let serving: Serving;
  try {
    serving = await serve({
      root: at(values.out),
      host: values.host,
      port,
      ...names,
      onResponse: (r) => io.stdout(`${r.method} ${r.target} ${r.status}${r.encoding && r.encoding !== 'identity' ? ` (${r.encoding})` : ''}\n`),
    });
  } catch (error) {
    dispose();
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'is in use; pass another --port (0 picks a free one)' : code === 'EADDRNOTAVAIL' ? 'is not an address of this machine; pass another --host' : `cannot be listened on (${(error as Error).message})`;
    io.stderr(`feedwright serve: ${values.host}:${port} ${why}\n`);
    return 1;
  }
  io.stdout(`feedwright: serving ${values.out} at ${serving.url} (${Object.values(names.files).join(', ')}); press Ctrl-C to stop\n`);
  await stopped(signal);
  await serving.close();
  dispose();
  io.stdout('feedwright: stopped\n');
  return 0;
}


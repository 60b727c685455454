import { readFile } from 'node:fs/promises';
import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import { CONFIG_FILE, parseConfig, type Config } from './config.js';

/** Reads and validates the config; every problem is a diagnostic, all of them reported. */
export async function loadConfig(path: string, display = path): Promise<{ config?: Config; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const report = diagnosticsFor(display, diagnostics);
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    report.error('config/unreadable', code === 'ENOENT' ? `no config file; create ${CONFIG_FILE} with at least "title" and "siteUrl", or pass --config FILE` : `cannot be read (${code ?? String(error)})`);
    return { diagnostics };
  }
  return parseConfig(source.replace(/^\uFEFF/, ''), display, diagnostics);
}

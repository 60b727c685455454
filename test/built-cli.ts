import { execFile } from 'node:child_process';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..');

/**
 * Compiles src/ into a folder of its own and returns the path of its bin,
 * for tests that run the real command in a child process. dist/ may be
 * stale, and two test files compiling into it at once would race; a
 * folder under node_modules/.cache finds the dependencies all the same.
 */
export async function compileCli(): Promise<{ readonly cli: string; readonly remove: () => Promise<void> }> {
  const out = join(ROOT, 'node_modules', '.cache', `feedwright-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  await mkdir(out, { recursive: true });
  // Node takes a folder under node_modules for CommonJS unless it says otherwise.
  await writeFile(join(out, 'package.json'), '{ "type": "module" }\n');
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out, '--declaration', 'false', '--sourceMap', 'false'], { cwd: ROOT });
  } catch {
    // A type error elsewhere still emits JavaScript; only a missing bin is a failure here.
  }
  const cli = join(out, 'cli.js');
  await access(cli);
  return { cli, remove: () => rm(out, { recursive: true, force: true }) };
}

import { readFile } from 'node:fs/promises';
import { basename, dirname, join, posix, resolve } from 'node:path';
import { archiveView, followArchive, type PageLoader } from '../check/chain.js';
import { check } from '../check/check.js';
import { PROFILES, rulesWith, type Profile } from '../check/rules/index.js';
import type { Diagnostic } from '../vocabulary/diagnostic.js';
import { FORMAT_NAMES } from '../vocabulary/formats.js';
import type { CheckedFormat } from '../vocabulary/types.js';
import { count, where } from './report.js';
import { readArguments, usageError, type Io } from './io.js';

const STDIN = '-';

/**
 * `feedwright check FILE...`: validates feeds from any publisher with the
 * rules the build uses. Exit 0 with no error, 1 with one (with `--strict`, a
 * warning too), 2 for a usage error or a file that cannot be read.
 */
export async function runCheck(argv: readonly string[], io: Io): Promise<number> {
  const parsed = readArguments(io, 'check', {
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      strict: { type: 'boolean', default: false },
      base: { type: 'string' },
      profile: { type: 'string', multiple: true },
    },
  });
  if (!parsed) return 2;
  const { values, positionals: files } = parsed;
  if (values.format !== 'text' && values.format !== 'json') {
    return usageError(io, 'check', `--format is "${values.format}"; use "text" or "json"`);
  }
  const profiles = values.profile ?? [];
  const unknownProfile = profiles.find((p) => !(PROFILES as readonly string[]).includes(p));
  if (unknownProfile !== undefined) return usageError(io, 'check', `--profile is "${unknownProfile}"; use ${PROFILES.map((p) => `"${p}"`).join(', ')}`);
  const rules = rulesWith(profiles as Profile[]);
  if (files.length === 0) {
    return usageError(io, 'check', 'name at least one feed file, or "-" for standard input');
  }

  const elapsed = io.now ?? (() => performance.now());
  const started = elapsed();
  const now = io.clock?.().toMillis() ?? Date.now();
  const diagnostics: Diagnostic[] = [];
  const formats: CheckedFormat[] = [];
  let unreadable = 0;
  for (const file of files) {
    const shown = file === STDIN ? '<stdin>' : file;
    let text: string;
    try {
      text = file === STDIN ? await (io.stdin ?? noStandardInput)() : await readFile(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      io.stderr(`feedwright check: cannot read ${shown}: ${(error as Error).message}\n`);
      unreadable++;
      continue;
    }
    const result = check(text, { file: shown, now, rules });
    if (result.format) formats.push(result.format);
    diagnostics.push(...result.diagnostics);
    // A head with archive pages: the chain followed through the folder it is in (docs/feed-set.md).
    const view = file === STDIN ? undefined : archiveView(text);
    if (view?.prev !== undefined) diagnostics.push(...(await followArchive({ file: shown, view }, localPages(resolve(io.cwd, file), shown, view.self, values.base), { now, rules })));
  }

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const infos = diagnostics.length - errors - warnings;
  if (values.format === 'json') {
    io.stdout(JSON.stringify(diagnostics, null, 2) + '\n');
  } else {
    for (const d of diagnostics) io.stdout(formatLine(d) + '\n');
    const kinds = [...new Set(formats)].map((f) => FORMAT_NAMES[f].replace(' 1.1', '')).join(', ');
    const checked = `${count(files.length - unreadable, 'file')}${kinds ? ` (${kinds})` : ''}${unreadable > 0 ? `, ${unreadable} unreadable` : ''}`;
    const verdict = errors > 0 || (values.strict && warnings > 0) || unreadable > 0 ? 'failed' : 'passed';
    io.stdout(
      `feedwright: check ${verdict}${values.strict ? ' (strict)' : ''}: ${checked}, ${count(errors, 'error')}, ${count(warnings, 'warning')}, ${infos} info in ${Math.round(elapsed() - started)} ms\n`,
    );
  }
  if (unreadable > 0) return 2;
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
}

/**
 * Archive pages from the folder a feed is in: a URL on the same host as
 * the feed's own (its self link, or `--base`, the URL of the folder it is
 * served from) is the file at the same place relative to the feed's file.
 */
function localPages(path: string, shown: string, self: string | undefined, base: string | undefined): PageLoader {
  const anchor = base !== undefined ? new URL(basename(path), base.endsWith('/') ? base : `${base}/`) : self === undefined ? undefined : new URL(self);
  return async (url) => {
    const target = URL.canParse(url) ? new URL(url) : undefined;
    if (anchor === undefined || target === undefined || target.origin !== anchor.origin || target.search !== '' || target.hash !== '') return undefined;
    let linked: string;
    try {
      linked = decodeURIComponent(target.pathname);
    } catch {
      return undefined; // A malformed escape: a link that leads nowhere.
    }
    const rel = posix.relative(posix.dirname(anchor.pathname), linked);
    const file = join(dirname(shown), rel);
    const text = await readFile(join(dirname(path), rel), 'utf8').catch(() => undefined);
    return { file, ...(text === undefined ? {} : { text }) };
  };
}

/** `path:line:col  severity  message  rule-id`, the form editors and CI logs link to. */
function formatLine(d: Diagnostic): string {
  return `${where(d)}  ${d.severity}  ${d.message}  ${d.ruleId}`;
}

const noStandardInput = async (): Promise<string> => {
  throw new Error('standard input is not available here');
};

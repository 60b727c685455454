import { resolve } from 'node:path';
import { CONFIG_FILE, FACET_KINDS, type FacetKind } from '../config/config.js';
import { loadConfig } from '../config/load.js';
import { facetFolder } from '../model/set.js';
import { escapeHtml } from '../vocabulary/html.js';
import { MEDIA_TYPES } from '../vocabulary/formats.js';
import type { FeedFormat } from '../vocabulary/types.js';
import { formatDiagnostic } from './report.js';
import { readArguments, usageError, type Io } from './io.js';

/**
 * `feedwright links`: the `<link rel="alternate">` tags of the main feed's
 * three documents, or of one facet value's (`--facet tags=rivers`), for a
 * site's `<head>` (docs/feed-set.md). Read from the config alone: the
 * URLs are those the build writes.
 */
export async function runLinks(argv: readonly string[], io: Io): Promise<number> {
  const parsed = readArguments(io, 'links', {
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: { config: { type: 'string', default: CONFIG_FILE }, facet: { type: 'string' } },
  });
  if (!parsed) return 2;
  const { values } = parsed;
  const { config, diagnostics } = await loadConfig(resolve(io.cwd, values.config), values.config);
  for (const d of diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  if (!config) return 2;

  let folder = '';
  let title = config.title;
  if (values.facet !== undefined) {
    const at = values.facet.indexOf('=');
    const kind = values.facet.slice(0, at) as FacetKind;
    const value = values.facet.slice(at + 1);
    if (at < 1 || !FACET_KINDS.includes(kind) || value === '') return usageError(io, 'links', `--facet must be KIND=VALUE, KIND one of ${FACET_KINDS.join(', ')}; found "${values.facet}"`);
    const pattern = config.facets?.[kind];
    if (pattern === undefined) return usageError(io, 'links', `the config has no "${kind}" in "facets", so there are no ${kind} feeds; add it to ${values.config}`);
    const made = facetFolder(pattern, value);
    if (made === undefined) return usageError(io, 'links', `"${value}" makes no folder name (nothing is left of it as a slug)`);
    folder = made;
    title = `${config.title}: ${value}`;
  }
  for (const [format, name] of Object.entries(config.files) as [FeedFormat, string][]) {
    const href = config.feedUrl + folder + name;
    io.stdout(`<link rel="alternate" type="${MEDIA_TYPES[format]}" title="${escapeHtml(title)}" href="${escapeHtml(href)}">\n`);
  }
  return 0;
}

import { DateTime } from 'luxon';
import { readBack } from '../../src/check/prove.js';
import { renderAndProve } from '../../src/core/documents.js';
import { FORMATS } from '../../src/render/feeds.js';
import { parseConfig, type Config } from '../../src/config/config.js';
import { diagnosticsFor, type Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { normalize } from '../../src/core/feeds.js';
import type { Feed, FeedFormat } from '../../src/vocabulary/types.js';
import { readJson } from '../../src/records/json.js';
import type { ArticleRecord } from '../../src/vocabulary/record.js';
import { decodeText } from '../../src/records/text.js';
import { readTxt } from '../../src/records/txt.js';
import type { FeedView } from '../../src/check/view.js';

/**
 * The build of src/build/ without the file system: the same steps, in the
 * same order, on files held in memory, so that a property can run a
 * thousand times in a few seconds.
 */
export interface Published {
  readonly config?: Config;
  readonly diagnostics: readonly Diagnostic[];
  readonly feed?: Feed;
  /** Each format's document, and what its proof found. */
  readonly documents: Readonly<Record<FeedFormat, { readonly text: string; readonly proof: readonly Diagnostic[] }>> | undefined;
}

export function publishInMemory(configJson: string, files: Readonly<Record<string, string | Uint8Array>>): Published {
  const { config, diagnostics: configDiagnostics } = parseConfig(configJson, 'feedwright.config.json');
  if (!config) return { diagnostics: configDiagnostics, documents: undefined };
  const diagnostics: Diagnostic[] = [];
  const records: ArticleRecord[] = [];
  for (const [name, content] of Object.entries(files)) {
    const file = `articles/${name}`;
    const report = diagnosticsFor(file, diagnostics);
    // As src/records/index.ts does: a JSON file's values are cleaned one by one, not its text.
    const text = decodeText(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, report, { removeForbidden: !name.endsWith('.json') });
    if (text === undefined) continue;
    const slug = name.replace(/\.[^.]+$/, '');
    const context = config.timezone === undefined ? {} : { timezone: config.timezone };
    const read = name.endsWith('.json') ? readJson(text, slug, { file }, report, context) : readTxt(text, slug, { file }, report, context);
    if (read) records.push(...(Array.isArray(read) ? read : [read as ArticleRecord]));
  }
  const { feed, diagnostics: model } = normalize(records, config, { utc: config.utc, articlesDir: 'articles' });
  diagnostics.push(...model);
  if (!feed) return { config, diagnostics, documents: undefined };
  const documents = Object.fromEntries(
    FORMATS.map((format) => {
      const { file, proven } = renderAndProve(feed, config, { outDir: 'output' }, format);
      return [format, { text: Buffer.concat(file.bytes).toString('utf8'), proof: proven }];
    }),
  ) as Record<FeedFormat, { text: string; proof: Diagnostic[] }>;
  return { config, diagnostics, feed, documents };
}

/** A document read back by the proof's reader; fails loudly when it is not well-formed. */
export function view(format: FeedFormat, text: string): FeedView<string> {
  const { view: read, error } = readBack(format, text);
  if (!read) throw new Error(`the ${format} document does not read back: ${error?.message}`);
  return read;
}

/** A date as a feed wrote it, read with luxon's own parsers (not feedwright's): seconds since the epoch and the offset. */
export function readWritten(format: FeedFormat, text: string | undefined): { seconds: number; offset: number } | undefined {
  if (text === undefined) return undefined;
  const date = format === 'rss' && !/^\d{4}-/.test(text) ? DateTime.fromRFC2822(text, { setZone: true }) : DateTime.fromISO(text, { setZone: true });
  if (!date.isValid) return undefined;
  return { seconds: date.toSeconds(), offset: date.offset };
}

/** Removes keys whose value is undefined, so that views compare on what they hold. */
export const defined = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

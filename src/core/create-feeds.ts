import { validateConfig } from '../config/config.js';
import { hasErrors, type Diagnostic } from '../vocabulary/diagnostic.js';
import type { Feed } from '../vocabulary/types.js';
import { readPlainRecords } from '../records/plain.js';
import { proveDocuments } from './documents.js';
import { normalize } from './feeds.js';

export interface CreateFeedsInput {
  /** The config file's keys (docs/config.md), validated the same way. */
  readonly config: Readonly<Record<string, unknown>>;
  /** A JSON record's fields (docs/records.md); dates as text in any accepted form, or as JS Dates. */
  readonly records: readonly Readonly<Record<string, unknown>>[];
  /** The clock: records published after it are left out. Default: now. */
  readonly now?: Date;
}

export interface CreateFeedsResult {
  readonly ok: boolean;
  /** Each file the build would write, by its path in the output folder ("feed.xml", "atom.xml", "feed.json", "tags/rivers/feed.xml"...), each proven; empty unless `ok`. */
  readonly files: Readonly<Record<string, string>>;
  /** The main feed's model, when the records made one. */
  readonly feed?: Feed;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Records in memory → proven feed documents in memory (docs/library.md).
 * It touches no file system: `feedwright build` reads the files, hands their
 * records to the same steps, and writes what comes out.
 */
export async function createFeeds(input: CreateFeedsInput): Promise<CreateFeedsResult> {
  const failed = (diagnostics: readonly Diagnostic[], feed?: Feed): CreateFeedsResult => ({ ok: false, files: {}, ...(feed ? { feed } : {}), diagnostics });
  const { config, diagnostics } = validateConfig(input.config, 'config');
  if (!config) return failed(diagnostics);
  const records = readPlainRecords(input.records, { unknownFields: config.unknownFields, ...(config.timezone === undefined ? {} : { timezone: config.timezone }) }, diagnostics);
  const now = input.now?.getTime() ?? Date.now();
  const { feed, feeds, diagnostics: modelled } = normalize(records, config, { utc: config.utc, articlesDir: 'records', now });
  diagnostics.push(...modelled);
  if (!feed || hasErrors(diagnostics)) return failed(diagnostics, feed);
  const files: Record<string, string> = {};
  const { ok } = await proveDocuments(feeds, config, { outDir: '', now }, diagnostics, (file) => {
    files[file.name] = Buffer.concat(file.bytes).toString('utf8');
  });
  return ok ? { ok, files, feed, diagnostics } : failed(diagnostics, feed);
}

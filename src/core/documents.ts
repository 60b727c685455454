import { join } from 'node:path';
import { startProof } from '../check/prove.js';
import { rulesWith } from '../check/rules/index.js';
import type { Config } from '../config/config.js';
import { hasErrors, type Diagnostic } from '../vocabulary/diagnostic.js';
import type { Feed, FeedFormat } from '../vocabulary/types.js';
import { FORMATS, renderPieces } from '../render/feeds.js';
import { HEADERS_FILE, render as renderHeadersFile } from '../render/headers-file.js';
import { OPML_FILE, render as renderOpml } from '../render/opml.js';
import { render as renderStylesheet } from '../render/stylesheet.js';
import type { SetFeed } from './feeds.js';
import { Utf8Chunks } from './encode.js';

/** A file a build writes, proven when it is a feed: its name in the output folder, and its bytes. */
export interface ProvenFile {
  readonly name: string;
  readonly format?: FeedFormat;
  readonly bytes: readonly Uint8Array[];
}

export interface DocumentOptions {
  /** How the output folder is named in messages ("" for none). */
  readonly outDir: string;
  /** The clock that "in the future" is measured from, for the spec rules (epoch ms). */
  readonly now?: number;
  /** Fail on a warning of the spec rules, as on an error. */
  readonly strict?: boolean;
}

/**
 * Every file of the feed set, each feed in each format rendered, proven
 * (docs/proof.md: the same rules `feedwright check` runs on any feed) and
 * encoded a piece at a time, head, items, tail: no document is held as one
 * string, nor its tree, and each is handed to `accept` as soon as it is
 * proven, so that no two are held at once. Every document made is proven,
 * so that every problem is reported; once one fails, none is handed on.
 * A feed kept as an earlier build wrote it is not made.
 * Returns whether all passed.
 */
export async function proveDocuments(feeds: readonly SetFeed[], config: Config, options: DocumentOptions, diagnostics: Diagnostic[], accept: (file: ProvenFile) => void | Promise<void>): Promise<Proven> {
  let failed = false;
  const quiet: string[] = [];
  for (const set of feeds) {
    // A feed kept as an earlier build wrote it is not made again.
    if (set.kept) continue;
    const { folder } = set;
    const feed = set.make();
    let said = false;
    for (const format of FORMATS) {
      const { file, proven } = renderAndProve(feed, config, options, format, folder);
      diagnostics.push(...proven);
      said ||= proven.length > 0;
      failed ||= hasErrors(proven) || (options.strict === true && proven.some((d) => d.severity === 'warning'));
      if (!failed) await accept(file);
    }
    if (!said) quiet.push(folder);
  }
  if (failed) return { ok: false, quiet };
  for (const file of companionFiles(config, feeds)) await accept(file);
  return { ok: true, quiet };
}

export interface Proven {
  /** Whether every document passed. */
  readonly ok: boolean;
  /** The folders of the feeds made whose documents drew no message. */
  readonly quiet: readonly string[];
}

/** One format of the feed, rendered, proven and encoded: see proveDocuments. */
export function renderAndProve(feed: Feed, config: Config, options: DocumentOptions, format: FeedFormat, folder = ''): { file: ProvenFile; proven: Diagnostic[] } {
  const pieces = renderPieces(feed, format);
  const name = folder + config.files[format];
  // A podcast's RSS is checked as Apple Podcasts and Podcast Index would check it; a photo's Media RSS, always (docs/rules.md, "Profiles").
  const rules = rulesWith(feed.podcast ? ['apple', 'podcastindex', 'media'] : ['media']);
  const proof = startProof(feed, { format, file: options.outDir === '' ? name : join(options.outDir, name), head: pieces.head, tail: pieces.tail }, { ...(options.now === undefined ? {} : { now: options.now }), rules });
  const bytes = new Utf8Chunks();
  bytes.write(pieces.head);
  feed.entries.forEach((entry, index) => {
    const text = pieces.item(entry, index);
    proof.item(text);
    bytes.write(text);
  });
  bytes.write(pieces.tail);
  return { file: { name, format, bytes: bytes.end() }, proven: proof.finish() };
}

/**
 * feedwright's stylesheet for the feed page, and a `_headers` file for the
 * host, when the config asks for them; `feeds.opml`, listing the heads, when
 * the set has facets (docs/feed-set.md).
 */
function companionFiles(config: Config, feeds: readonly SetFeed[]): ProvenFile[] {
  const text = (name: string, value: string): ProvenFile => ({ name, bytes: [Buffer.from(value, 'utf8')] });
  const heads = feeds.filter((f) => !f.page);
  const archives = feeds.some((f) => f.page);
  return [
    ...(config.stylesheetFile ? [text(config.stylesheetFile, renderStylesheet())] : []),
    ...(config.headers ? [text(HEADERS_FILE, renderHeadersFile({ ...config, folders: heads.map((f) => f.folder), archives }))] : []),
    ...(config.facets ? [text(OPML_FILE, renderOpml(config.title, config.siteUrl, heads))] : []),
  ];
}

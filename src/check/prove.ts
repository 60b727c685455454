import type { Diagnostic } from '../diagnostic.js';
import type { Feed, FeedFormat } from '../model/types.js';
import { compareViews } from './compare.js';
import { expectedView } from './expect.js';
import { parseXml } from './parse.js';
import { read as readAtom } from './read/atom.js';
import { read as readJsonFeed } from './read/json-feed.js';
import { read as readRss } from './read/rss.js';
import type { FeedView } from './view.js';

/** A rendered document, not yet written. */
export interface Rendered {
  readonly format: FeedFormat;
  /** The path it is to be written to, for messages. */
  readonly file: string;
  readonly text: string;
}

/** Parses a document of a known format back into what a reader sees. */
export function readBack(format: FeedFormat, text: string): { view?: FeedView<string>; error?: { line?: number; column?: number; message: string } } {
  if (format === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      return { error: { message: `is not valid JSON: ${(error as Error).message}` } };
    }
    const view = readJsonFeed(doc);
    return view ? { view } : { error: { message: 'is not a JSON Feed (no "version" of https://jsonfeed.org/version/...)' } };
  }
  const parsed = parseXml(text);
  if (!parsed.ok) return { error: { line: parsed.line, column: parsed.column, message: `is not well-formed XML: ${parsed.message}` } };
  const view = format === 'rss' ? readRss(parsed.doc) : readAtom(parsed.doc);
  return view ? { view } : { error: { message: `is not ${format === 'rss' ? 'RSS (no rss/channel)' : 'Atom (no feed element)'}` } };
}

/**
 * The proof before publishing (SPEC section 5): the document is parsed back
 * and compared with the model it came from, field by field, every item.
 */
export function prove(feed: Feed, rendered: Rendered): Diagnostic[] {
  const { view, error } = readBack(rendered.format, rendered.text);
  if (error || !view) {
    return [{ file: rendered.file, ...(error?.line === undefined ? {} : { line: error.line, column: error.column }), ruleId: 'proof/well-formed', severity: 'error', message: error?.message ?? 'cannot be read back' }];
  }
  return compareViews(expectedView(feed, rendered.format), view).map((d) => ({
    file: rendered.file,
    ruleId: 'proof/round-trip',
    severity: 'error',
    message: `${d.where}, field "${d.field}": the model has ${d.expected}, the document read back has ${d.actual}; this is a bug in feedwright's renderer, please report it`,
    expected: d.expected,
    actual: d.actual,
  }));
}

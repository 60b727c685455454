import type { Diagnostic } from '../diagnostic.js';
import type { Feed, FeedFormat } from '../model/types.js';
import { check, releaseLastMatch, type ParsedDocument } from './check.js';
import { compareViews } from './compare.js';
import { expectedView } from './expect.js';
import { read as readAtom } from './read/atom.js';
import { read as readJsonFeed } from './read/json-feed.js';
import { read as readRss } from './read/rss.js';
import { dateReader } from './values.js';
import type { FeedView } from './view.js';

/** A rendered document, not yet written. */
export interface Rendered {
  readonly format: FeedFormat;
  /** The path it is to be written to, for messages. */
  readonly file: string;
  readonly text: string;
}

/** What a reader sees in a parsed document of the format it is meant to be. */
function viewOf(format: FeedFormat, document: ParsedDocument | undefined): FeedView<string> | undefined {
  if (document === undefined || document.format !== format) return undefined;
  return document.format === 'json' ? readJsonFeed(document.json) : document.format === 'rss' ? readRss(document.root) : readAtom(document.root);
}

/** Parses a document of a known format back into what a reader sees, or says why it cannot. */
export function readBack(format: FeedFormat, text: string): { view?: FeedView<string>; error?: { line?: number; column?: number; message: string } } {
  let document: ParsedDocument | undefined;
  const { diagnostics } = check(text, { file: '', rules: [], onParsed: (d) => (document = d) });
  const view = viewOf(format, document);
  if (view) return { view };
  const problem = diagnostics.find((d) => d.severity === 'error');
  return { error: { ...(problem?.line === undefined ? {} : { line: problem.line, column: problem.column }), message: problem?.message ?? `is not ${format === 'rss' ? 'RSS 2.0' : format === 'atom' ? 'Atom 1.0' : 'a JSON Feed'}` } };
}

/**
 * The proof before publishing (SPEC section 5): each document is parsed
 * back once (fast-xml-parser's validator, then the position-keeping scan;
 * JSON.parse for JSON Feed). That one parse feeds the spec rules, which walk
 * it once, and the round trip: what a reader sees is compared with the model
 * it came from, field by field, every item.
 */
export function prove(feed: Feed, rendered: Rendered, options: { readonly now?: number } = {}): Diagnostic[] {
  let document: ParsedDocument | undefined;
  const dates = dateReader();
  const ruled = check(rendered.text, { file: rendered.file, ...options, dates, onParsed: (d) => (document = d) });
  const view = viewOf(rendered.format, document);
  if (!view) {
    const problems = ruled.diagnostics.filter((d) => d.severity === 'error');
    return problems.length > 0 ? problems : [{ file: rendered.file, ruleId: 'proof/round-trip', severity: 'error', message: `is not ${rendered.format} when read back` }];
  }
  const differences = compareViews(expectedView(feed, rendered.format), view, dates).map(
    (d): Diagnostic => ({
      file: rendered.file,
      ruleId: 'proof/round-trip',
      severity: 'error',
      message: `${d.where}, field "${d.field}": the model has ${d.expected}, the document read back has ${d.actual}; this is a bug in feedwright's renderer, please report it`,
      expected: d.expected,
      actual: d.actual,
    }),
  );
  releaseLastMatch();
  return [...ruled.diagnostics, ...differences];
}

import type { Diagnostic } from '../diagnostic.js';
import type { Feed, FeedFormat } from '../model/types.js';
import { check, releaseLastMatch, type ParsedDocument } from './check.js';
import { compareFeeds, compareItems, compareViews, itemCountDifference, type Difference } from './compare.js';
import { expectedFeed, expectedItem, expectedView } from './expect.js';
import { checkInPieces } from './pieces.js';
import { entry as readAtomEntry, read as readAtom } from './read/atom.js';
import { item as readJsonFeedItem, read as readJsonFeed } from './read/json-feed.js';
import { item as readRssItem, read as readRss } from './read/rss.js';
import type { XmlElement } from './tree.js';
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
  const differences = compareViews(expectedView(feed, rendered.format), view, dates).map(roundTrip(rendered.file));
  releaseLastMatch();
  return [...ruled.diagnostics, ...differences];
}

const roundTrip =
  (file: string) =>
  (d: Difference): Diagnostic => ({
    file,
    ruleId: 'proof/round-trip',
    severity: 'error',
    message: `${d.where}, field "${d.field}": the model has ${d.expected}, the document read back has ${d.actual}; this is a bug in feedwright's renderer, please report it`,
    expected: d.expected,
    actual: d.actual,
  });

/** A document as a build writes it: its head, then one piece per entry of the feed, in order, then its tail. */
export interface RenderedPieces {
  readonly format: FeedFormat;
  readonly file: string;
  readonly head: string;
  readonly tail: string;
}

/** A proof under way: each item as it is rendered, then `finish`. */
export interface PieceProof {
  item(text: string): void;
  finish(): Diagnostic[];
}

/**
 * `prove`, for a document proven as it is written, a piece at a time
 * (`checkInPieces`): each item is read back and compared with its entry as
 * soon as it is parsed, then let go, and the feed's own fields once the tail
 * is in. The same rules and the same comparison as `prove`, without ever
 * holding the document or its tree: at 100,000 items a document is over half
 * a gigabyte in memory, and its tree more.
 */
export function startProof(feed: Feed, document: RenderedPieces, options: { readonly now?: number } = {}): PieceProof {
  const { format, file } = document;
  const dates = dateReader();
  const differences: Difference[] = [];
  let items = 0;
  let parsed: ParsedDocument | undefined;
  const readItem = (item: XmlElement | unknown) =>
    format === 'json' ? readJsonFeedItem(item) : format === 'rss' ? readRssItem(item as XmlElement) : readAtomEntry(item as XmlElement);
  const check = checkInPieces(format, document.head, document.tail, {
    file,
    ...options,
    dates,
    onItem(item, index) {
      items++;
      const entry = feed.entries[index];
      if (entry) differences.push(...compareItems(index, expectedItem(entry, format), readItem(item), dates));
    },
    onParsed: (d) => (parsed = d),
  });
  return {
    item: check.item,
    finish() {
      const ruled = check.finish();
      const view = viewOf(format, parsed);
      if (!view) {
        const problems = ruled.diagnostics.filter((d) => d.severity === 'error');
        return problems.length > 0 ? problems : [{ file, ruleId: 'proof/round-trip', severity: 'error', message: `is not ${format} when read back` }];
      }
      // In prove's order: the feed's fields, the count, then the items.
      const feedDifferences = compareFeeds(expectedFeed(feed, format), view, dates);
      if (items !== feed.entries.length) feedDifferences.push(itemCountDifference(feed.entries.length, items));
      return [...ruled.diagnostics, ...[...feedDifferences, ...differences].map(roundTrip(file))];
    },
  };
}

import type { Diagnostic } from '../vocabulary/diagnostic.js';
import type { Feed, FeedFormat } from '../vocabulary/types.js';
import type { Rule } from './rules/index.js';
import { checkInPieces, type ParsedDocument } from './check.js';
import { compareFeeds, compareItems, itemCountDifference, type Difference } from './compare.js';
import { expectedFeed, expectedItem } from './expect.js';
import { entry as readAtomEntry, read as readAtom } from './read/atom.js';
import { item as readJsonFeedItem, read as readJsonFeed } from './read/json-feed.js';
import { item as readRssItem, read as readRss } from './read/rss.js';
import type { XmlElement } from './tree.js';
import { dateReader } from './values.js';
import type { FeedView, ItemView } from './view.js';

/**
 * A document as a build writes it: its head, then one piece per entry of the
 * feed, in order, then its tail. A document rendered whole is its head, with
 * no item pieces and an empty tail.
 */
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
 * Reads a document back as a reader would, a piece at a time: each item as
 * the check hands it on, the feed's own fields once the document is in. The
 * view is undefined when the document is not a well-formed feed of `format`;
 * `failure` then says why, from what the check found.
 */
function reader(format: FeedFormat) {
  let parsed: ParsedDocument | undefined;
  const readItem = (item: XmlElement | unknown): ItemView<string> =>
    format === 'json' ? readJsonFeedItem(item) : format === 'rss' ? readRssItem(item as XmlElement) : readAtomEntry(item as XmlElement);
  return {
    readItem,
    onParsed: (document: ParsedDocument) => void (parsed = document),
    /** The feed's own fields: its items were read as they came. */
    feed(): FeedView<string> | undefined {
      if (parsed === undefined || parsed.format !== format) return undefined;
      return parsed.format === 'json' ? readJsonFeed(parsed.json) : parsed.format === 'rss' ? readRss(parsed.root) : readAtom(parsed.root);
    },
    /** Why there is no view: the errors found, or, if none, that the document is another format. */
    failure(file: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
      const problems = diagnostics.filter((d) => d.severity === 'error');
      return problems.length > 0 ? problems : [{ file, ruleId: 'proof/round-trip', severity: 'error', message: `is not ${NAMES[format]}` }];
    },
  };
}

const NAMES: Readonly<Record<FeedFormat, string>> = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'a JSON Feed' };

/** Parses a document of a known format back into what a reader sees, or says why it cannot. */
export function readBack(format: FeedFormat, text: string): { view?: FeedView<string>; error?: { line?: number; column?: number; message: string } } {
  const read = reader(format);
  // The document's format is found from its text: its items are read once it proves the one asked for.
  const items: unknown[] = [];
  const { diagnostics } = checkInPieces(undefined, text, '', { file: '', rules: [], onItem: (item) => void items.push(item), onParsed: read.onParsed }).finish();
  const view = read.feed();
  if (view) return { view: { ...view, items: items.map(read.readItem) } };
  const [problem] = read.failure('', diagnostics);
  return { error: { ...(problem?.line === undefined ? {} : { line: problem.line, column: problem.column }), message: problem!.message } };
}

/**
 * The proof before publishing (docs/proof.md), of a document as it is
 * written, a piece at a time (`checkInPieces`): the one parse feeds the spec
 * rules and the round trip, where what a reader sees is compared with the
 * model it came from, field by field: each item as soon as it is parsed,
 * then let go, and the feed's own fields once the tail is in. A document is
 * never held whole, nor its tree: at 100,000 items a document is over half a
 * gigabyte in memory, and its tree more.
 */
export function startProof(feed: Feed, document: RenderedPieces, options: { readonly now?: number; readonly rules?: readonly Rule[] } = {}): PieceProof {
  const { format, file } = document;
  const dates = dateReader();
  const read = reader(format);
  const differences: Difference[] = [];
  let items = 0;
  const check = checkInPieces(format, document.head, document.tail, {
    file,
    ...options,
    dates,
    onItem(item, index) {
      items++;
      const entry = feed.entries[index];
      if (entry) differences.push(...compareItems(index, expectedItem(entry, format, feed.podcast !== undefined), read.readItem(item), dates));
    },
    onParsed: read.onParsed,
  });
  return {
    item: check.item,
    finish() {
      const ruled = check.finish();
      const view = read.feed();
      if (!view) return read.failure(file, ruled.diagnostics);
      // The feed's fields, the count, then the items: the order a reader meets them in.
      const feedDifferences = compareFeeds(expectedFeed(feed, format), view, dates);
      if (items !== feed.entries.length) feedDifferences.push(itemCountDifference(feed.entries.length, items));
      return [...ruled.diagnostics, ...[...feedDifferences, ...differences].map(roundTrip(file))];
    },
  };
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

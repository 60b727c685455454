import type * as FastXmlParser from 'fast-xml-parser';
import type { Diagnostic } from '../vocabulary/diagnostic.js';
import { ATOM_NS, RDF_NS } from '../vocabulary/formats.js';
import type { CheckedFormat, FeedFormat } from '../vocabulary/types.js';
import { onFirstUse } from '../vocabulary/on-first-use.js';
import { releaseLastMatch } from '../vocabulary/memory.js';
import { LineIndex, type Position } from '../vocabulary/position.js';
import { jsonErrorOffset, jsonLocator, type JsonPath } from './json-locate.js';
import { RULES, UNKNOWN_FORMAT, WELL_FORMED, type JsonObject, type Rule, type Visitors, type Where } from './rules/index.js';
import { XmlScanner, type XmlElement } from './tree.js';
import { dateReader, type DateReader } from './values.js';

export const fastXmlParser = onFirstUse<typeof FastXmlParser>('fast-xml-parser');

export interface CheckOptions {
  /** The path shown in diagnostics. */
  readonly file: string;
  /** Milliseconds since the epoch that "in the future" is measured from; default: the clock. */
  readonly now?: number;
  /** Default: every registered rule. */
  readonly rules?: readonly Rule[];
}

/** What the proof and the read-back hook into as a document is checked. */
export interface PieceCheckOptions extends CheckOptions {
  /** Date readers to share with the caller (the proof), which reads the same dates after the rules. */
  readonly dates?: DateReader;
  /** Each item once the rules have seen it, before it is let go: an `item` or `atom:entry` element, or a value of a JSON Feed's `items`. */
  readonly onItem?: (item: XmlElement | unknown, index: number) => void;
  /** After the last piece, if the document is a well-formed feed: its root element with its items let go, or its JSON Feed object with none. */
  readonly onParsed?: (document: ParsedDocument) => void;
}

/** A well-formed document of a known format, as the one parse made it. */
export type ParsedDocument =
  | { readonly format: 'json'; readonly json: JsonObject }
  | { readonly format: XmlFormat; readonly root: XmlElement };

type XmlFormat = Exclude<CheckedFormat, 'json'>;

export interface CheckResult {
  /** Undefined when the document is not a feed the rules know. */
  readonly format?: CheckedFormat;
  /** In document order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A check under way: the items, in order, then `finish`. */
export interface PieceCheck {
  item(text: string): void;
  finish(): CheckResult;
}

/**
 * Checks one feed document of any format against the rules (docs/rules.md):
 * the whole document is the head of a check in pieces, with no item pieces
 * and no tail, so a file is checked as a build checks what it writes.
 */
export function check(text: string, options: CheckOptions): CheckResult {
  return checkInPieces(undefined, text, '', options).finish();
}

/**
 * The one check: of a document in pieces, its head, each item, its tail (the
 * document is their concatenation), each checked as it comes and let go, its
 * item's elements too once the rules and `onItem` have seen them, so that a
 * feed of any size is checked without being held whole, nor its tree. The
 * parse is fast-xml-parser's validator then the position-keeping scan, or
 * JSON.parse, piece by piece: the head and tail together are validated as
 * one document, and each item as another, and a document is well-formed when
 * those are and each item piece is one item. The rules see the elements in
 * document order, once; positions are the whole document's. With no format
 * given, the document's own says what it is (its first character, then the
 * root of an XML document).
 */
export function checkInPieces(format: FeedFormat | undefined, head: string, tail: string, options: PieceCheckOptions): PieceCheck {
  const lines = new LineIndex();
  const found: { readonly diagnostic: Diagnostic; readonly phase: Phase }[] = [];
  let phase: Phase = Phase.Elements;
  const record = (rule: Rule, offset: number | undefined, message: string, detail: Detail | undefined, at: Phase) => {
    const position = offset === undefined ? {} : lines.at(offset);
    found.push({ phase: at, diagnostic: { file: options.file, ...position, ruleId: rule.meta.id, severity: rule.meta.severity, message, ...detail } });
  };
  const setting = { now: options.now ?? Date.now(), dates: options.dates ?? dateReader(), at: (offset: number) => lines.at(offset) };
  const run: Run = {
    lines,
    setUp: (format, locate) => create(options.rules ?? RULES, { ...setting, format, push: (rule, offset, message, detail) => record(rule, offset, message, detail, phase), locate }),
    during(at, visit) {
      phase = at;
      visit();
      phase = Phase.Elements;
    },
    say: (rule, offset, message) => record(rule, offset, message, undefined, Phase.Parse),
    // The first piece that is not well-formed stops the check: later pieces are not read.
    failed: false,
    fail(offset, message, rule = WELL_FORMED) {
      if (!run.failed) run.say(rule, offset, message);
      run.failed = true;
    },
  };
  const kind = format ?? kindOf(head);
  const pieces = kind === 'json' ? jsonPieces(head, tail, run, options) : kind === 'empty' ? emptyPieces(run) : xmlPieces(kind === 'xml' ? undefined : kind, head, tail, run, options);
  return {
    item: pieces.item,
    finish() {
      const format = pieces.finish();
      releaseLastMatch();
      // A document that is not well-formed has no tree to speak of: what the rules found in its text stands, and the parse error.
      const kept = run.failed ? found.filter((f) => f.phase === Phase.Text || f.phase === Phase.Parse) : found;
      const diagnostics = kept
        .sort((a, b) => (a.diagnostic.line ?? 0) - (b.diagnostic.line ?? 0) || (a.diagnostic.column ?? 0) - (b.diagnostic.column ?? 0) || a.phase - b.phase)
        .map((f) => f.diagnostic);
      return { ...(format === undefined ? {} : { format }), diagnostics };
    },
  };
}

/**
 * When a rule found something: the walk over a document reads its text, then
 * its tree, then each element, then ends, and the parse reports last. Findings
 * at one place are listed in that order, however the pieces came.
 */
const Phase = { Text: 0, Tree: 1, Elements: 2, End: 3, Parse: 4 } as const;
type Phase = (typeof Phase)[keyof typeof Phase];

type Detail = { readonly expected?: string; readonly actual?: string };
type Push = (rule: Rule, offset: number | undefined, message: string, detail?: Detail) => void;
type JsonLocator = (path: JsonPath) => number | undefined;

/** What the format-specific halves of a check share: where diagnostics go, and the rules set up for the document. */
interface Run {
  readonly lines: LineIndex;
  readonly setUp: (format: CheckedFormat, locate?: JsonLocator) => Visitors[];
  /** Calls visitors of another phase than the elements'. */
  during(phase: Phase, visit: () => void): void;
  /** A finding of the parse itself. */
  say(rule: Rule, offset: number | undefined, message: string): void;
  failed: boolean;
  fail(offset: number | undefined, message: string, rule?: Rule): void;
}

/** The half of a check that knows its format: takes the items, then says, after the tail, the format it found. */
interface Pieces {
  item(text: string): void;
  finish(): CheckedFormat | undefined;
}

/** What a document of no format given is, from its first character. */
function kindOf(head: string): 'json' | 'xml' | 'empty' {
  const start = head.search(/[^\s\ufeff]/);
  return start === -1 ? 'empty' : head[start] === '{' || head[start] === '[' ? 'json' : 'xml';
}

function emptyPieces(run: Run): Pieces {
  return {
    item: () => {},
    finish() {
      run.say(WELL_FORMED, undefined, 'is empty: a feed file holds an <rss> or <feed> document, or a JSON Feed object');
      return undefined;
    },
  };
}

/** Atom 0.3's namespace, before RFC 4287. */
const ATOM_03_NS = 'http://purl.org/atom/ns#';

export function formatOf(root: XmlElement): XmlFormat | { reason: string } {
  if (root.key === 'rss') return 'rss';
  // An Atom Entry Document (RFC 4287, section 2) is one entry on its own.
  if (root.key === 'atom:feed' || root.key === 'atom:entry') return 'atom';
  if (root.key === 'rdf:RDF') return 'rdf';
  const name = `<${root.name}>`;
  if (root.local === 'RDF') return { reason: `has the root ${name} in the namespace "${root.namespace ?? ''}"; an RSS 1.0 document's root is <rdf:RDF xmlns:rdf="${RDF_NS}">` };
  if (root.local === 'feed' && root.namespace === ATOM_03_NS) {
    return {
      reason: `is Atom 0.3 (namespace "${ATOM_03_NS}"), which was replaced by Atom 1.0 (RFC 4287) in 2005 and is deprecated: readers may drop it; convert it to Atom 1.0 (xmlns="${ATOM_NS}"; <modified> becomes <updated>, <issued> <published>, <tagline> <subtitle>, <copyright> <rights>, <content mode="escaped"> type="html")`,
    };
  }
  if (root.local === 'feed') {
    return { reason: `has a <feed> root in the namespace "${root.namespace ?? ''}", not Atom 1.0's; declare xmlns="${ATOM_NS}"` };
  }
  if (root.local.toLowerCase() === 'html') return { reason: 'is a web page (HTML), not a feed; check the feed\'s own URL (see its <link rel="alternate" type="application/rss+xml">)' };
  return { reason: `has the root element ${name}; a feed's root is <rss> (RSS 2.0), <feed xmlns="${ATOM_NS}"> (Atom 1.0) or <rdf:RDF> (RSS 1.0)` };
}

interface Setting {
  readonly format: CheckedFormat;
  readonly now: number;
  readonly dates: DateReader;
  readonly push: Push;
  readonly at: (offset: number) => Position;
  readonly locate?: JsonLocator | undefined;
}

/** Each rule for the format, set up for this document. */
function create(rules: readonly Rule[], { format, now, dates, push, at, locate }: Setting): Visitors[] {
  const offsetOf = (where: Where): number | undefined =>
    typeof where === 'number' ? where : Array.isArray(where) ? locate?.(where as JsonPath) : (where as { readonly offset: number }).offset;
  return rules
    .filter((rule) => rule.meta.formats.includes(format) && rule !== WELL_FORMED && rule !== UNKNOWN_FORMAT)
    .map((rule) =>
      rule.create({
        format,
        now,
        dates,
        report: (where, message, detail) => push(rule, offsetOf(where), message, detail),
        position: (where) => {
          const offset = offsetOf(where);
          return offset === undefined ? undefined : at(offset);
        },
      }),
    );
}

/** Calls, for an element, the visitors that want it: a table from element key to them. */
function elementVisitor(visitors: readonly Visitors[]): (el: XmlElement) => void {
  const table = new Map<string, ((el: XmlElement) => void)[]>();
  for (const v of visitors) {
    for (const [key, visit] of Object.entries(v.elements ?? {})) {
      const list = table.get(key);
      if (list) list.push(visit);
      else table.set(key, [visit]);
    }
  }
  // The visitors of every element ('*') follow those of each key: one look-up and one list an element.
  const every = table.get('*') ?? [];
  table.delete('*');
  for (const list of table.values()) list.push(...every);
  return (el) => {
    for (const visit of table.get(el.key) ?? every) visit(el);
  };
}

/** Where an error found in the head and tail, parsed together, is in the document: after the items if in the tail. */
function inDocument(headLength: number, tailStart: number, offset: number): number {
  return offset < headLength ? offset : tailStart + offset - headLength;
}

/** The offset of a 1-based line and column in a text, as fast-xml-parser's validator counts them: a byte order mark is not a column. */
function offsetAt(text: string, line: number, column: number): number {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  return Math.min(start + column - 1, text.length);
}

const isItem: Readonly<Record<XmlFormat, (el: XmlElement) => boolean>> = {
  rss: (el) => el.key === 'item' && el.parent?.key === 'channel' && el.parent.parent?.parent === undefined,
  atom: (el) => el.key === 'atom:entry' && el.parent !== undefined && el.parent.parent === undefined,
  // RSS 1.0's items are beside its channel, in the root.
  rdf: (el) => el.key === 'rss1:item' && el.parent !== undefined && el.parent.parent === undefined,
};

function xmlPieces(given: XmlFormat | undefined, head: string, tail: string, run: Run, options: PieceCheckOptions): Pieces {
  const { lines } = run;
  const validate = (text: string) => fastXmlParser().XMLValidator.validate(text);
  let format: XmlFormat | undefined;
  let visitors: readonly Visitors[] = [];
  let visit = (_: XmlElement): void => {};
  const setUp = (found: XmlFormat) => {
    format = found;
    visitors = run.setUp(found);
    visit = elementVisitor(visitors);
    run.during(Phase.Text, () => visitors.forEach((v) => v.source?.(head, 0)));
  };
  // A document that does not parse as far as its root is the format asked for, or the one its text suggests:
  // rules that read only the raw text still run, as a forbidden character is often why a feed does not parse.
  const setUpFromText = () => {
    const text = head + tail;
    const sniffed = given ?? (/<rss[\s>]/.test(text) ? 'rss' : /<(?:\w+:)?feed[\s>]/.test(text) ? 'atom' : /<(?:\w+:)?RDF[\s>]/.test(text) ? 'rdf' : undefined);
    if (sniffed) setUp(sniffed);
  };
  // A root that is no feed the rules know, or not the one asked for, is said once the document proves well-formed.
  let notFeed: { offset: number; message: string } | undefined;
  let index = 0;
  let inPiece = 0;
  const scanner = new XmlScanner(
    (el) => {
      if (format === undefined) return;
      visit(el);
      if (!isItem[format](el)) return;
      options.onItem?.(el, index);
      index++;
      inPiece++;
      // Let go of the item: nothing after it reads it.
      const siblings = el.parent!.children as XmlElement[];
      if (siblings[siblings.length - 1] === el) siblings.pop();
    },
    (root) => {
      const found = formatOf(root);
      if (typeof found === 'string' && (given === undefined || found === given)) setUp(found);
      else notFeed = { offset: root.offset, message: typeof found === 'string' ? `is ${found}, not ${given}` : found.reason };
    },
  );
  const scan = (piece: string) => {
    const bad = scanner.add(piece);
    if (bad) run.fail(bad.offset, `is not well-formed XML: ${bad.message}`);
  };

  lines.add(head);
  const shell = validate(head + tail);
  if (shell === true) scan(head);
  else run.failed = true;
  if (run.failed && scanner.root === undefined) setUpFromText();

  return {
    item(text: string): void {
      const start = lines.length;
      lines.add(text);
      if (run.failed) return;
      run.during(Phase.Text, () => visitors.forEach((v) => v.source?.(text, start)));
      const valid = validate(text);
      if (valid !== true) {
        const { line, col, msg } = valid.err;
        return run.fail(start + offsetAt(text, line, col ?? 1), `is not well-formed XML: ${msg}`);
      }
      inPiece = 0;
      scan(text);
      if (!run.failed && format !== undefined && inPiece !== 1) run.fail(start, `is not well-formed as written: a piece written as one item holds ${inPiece} items`);
    },
    finish() {
      const tailStart = lines.length;
      lines.add(tail);
      if (shell !== true) {
        const { line, col, msg } = shell.err;
        run.failed = false;
        run.fail(inDocument(head.length, tailStart, offsetAt(head + tail, line, col ?? 1)), `is not well-formed XML: ${msg}`);
        return format;
      }
      if (run.failed) return format;
      run.during(Phase.Text, () => visitors.forEach((v) => v.source?.(tail, tailStart)));
      scan(tail);
      const incomplete = run.failed ? undefined : scanner.finish();
      if (incomplete) run.fail(incomplete.offset, `is not well-formed XML: ${incomplete.message}`);
      if (run.failed) return format;
      if (notFeed) return void run.say(UNKNOWN_FORMAT, notFeed.offset, notFeed.message);
      const tree = { root: scanner.root!, elements: [], strayCdataEnds: scanner.strayCdataEnds, undeclaredPrefixes: scanner.undeclaredPrefixes };
      run.during(Phase.Tree, () => visitors.forEach((v) => v.document?.(tree)));
      run.during(Phase.End, () => visitors.forEach((v) => v.end?.()));
      options.onParsed?.({ format: format!, root: scanner.root! });
      return format;
    },
  };
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonPieces(head: string, tail: string, run: Run, options: PieceCheckOptions): Pieces {
  const { lines } = run;
  const shellText = head + tail;
  let shell: JsonObject | undefined;
  let shellError: { rule: Rule; offset: number | undefined; message: string } | undefined;
  try {
    const value: unknown = JSON.parse(shellText.charCodeAt(0) === 0xfeff ? shellText.slice(1) : shellText);
    if (isObject(value)) shell = value;
    else shellError = { rule: UNKNOWN_FORMAT, offset: shellText.search(/[^\s\ufeff]/), message: 'is JSON, but not a JSON Feed: a JSON Feed is an object with "version", "title" and "items"' };
  } catch (error) {
    shellError = { rule: WELL_FORMED, offset: jsonErrorOffset(shellText), message: `is not valid JSON: ${(error as Error).message}` };
  }
  // A path into the head (the feed's own members, and the items of a document checked whole) is located in the head
  // and tail together; one into an item piece, in that piece.
  const inShell = jsonLocator(shellText);
  const feedPath: JsonLocator = (path) => {
    const offset = inShell(path);
    return offset === undefined ? undefined : Math.min(offset, head.length);
  };
  let locate = feedPath;
  const visitors = run.setUp('json', (path) => locate(path));
  let index = 0;
  const handOn = (value: unknown) => {
    if (isObject(value)) for (const v of visitors) v.item?.(value, index);
    options.onItem?.(value, index);
    index++;
  };
  lines.add(head);
  if (shellError) run.failed = true;
  else {
    run.during(Phase.Text, () => visitors.forEach((v) => v.source?.(head, 0)));
    for (const v of visitors) v.feed?.(shell!);
    // A document checked whole has its items in the head.
    if (Array.isArray(shell!.items)) for (const value of shell!.items as unknown[]) handOn(value);
  }

  return {
    item(text: string): void {
      const start = lines.length;
      lines.add(text);
      if (run.failed) return;
      const body = index === 0 ? text : text.startsWith(',') ? text.slice(1) : undefined;
      if (body === undefined) return run.fail(start, `is not valid JSON: item ${index} does not follow item ${index - 1} after a ","`);
      const base = start + text.length - body.length;
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch (error) {
        return run.fail(base + (jsonErrorOffset(body) ?? 0), `is not valid JSON: ${(error as Error).message}`);
      }
      run.during(Phase.Text, () => visitors.forEach((v) => v.source?.(text, start)));
      const inItem = jsonLocator(body);
      const at = index;
      locate = (path) => {
        if (path[0] !== 'items' || path[1] !== at) return feedPath(path);
        const offset = inItem(path.slice(2));
        return offset === undefined ? undefined : base + offset;
      };
      handOn(value);
      locate = feedPath;
    },
    finish() {
      const tailStart = lines.length;
      lines.add(tail);
      if (shellError) {
        const { rule, offset, message } = shellError;
        run.failed = false;
        run.fail(offset === undefined ? undefined : inDocument(head.length, tailStart, offset), message, rule);
        return undefined;
      }
      if (run.failed) return 'json';
      run.during(Phase.Text, () => visitors.forEach((v) => v.source?.(tail, tailStart)));
      run.during(Phase.End, () => visitors.forEach((v) => v.end?.()));
      options.onParsed?.({ format: 'json', json: { ...shell!, items: [] } });
      return 'json';
    },
  };
}

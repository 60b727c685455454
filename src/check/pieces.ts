import type { Diagnostic } from '../diagnostic.js';
import type { FeedFormat } from '../model/types.js';
import { LineIndex } from '../position.js';
import { create, elementVisitor, fastXmlParser, formatOf, releaseLastMatch, type CheckOptions, type CheckResult, type JsonLocator, type ParsedDocument, type Push } from './check.js';
import { jsonErrorOffset, jsonLocator, type JsonPath } from './json-locate.js';
import { RULES, UNKNOWN_FORMAT, WELL_FORMED, type JsonObject, type Visitors } from './rules/index.js';
import { XmlScanner, type XmlElement } from './tree.js';
import { dateReader } from './values.js';

export interface PieceCheckOptions extends Omit<CheckOptions, 'onParsed'> {
  /** Each item once the rules have seen it, before it is let go: an `item` or `atom:entry` element, or a value of a JSON Feed's `items`. */
  readonly onItem: (item: XmlElement | unknown, index: number) => void;
  /** After the last piece, if the document is well-formed: its root element with its items let go, or its JSON Feed object with none. */
  readonly onParsed: (document: ParsedDocument) => void;
}

/** A check under way: the items, in order, then `finish`. */
export interface PieceCheck {
  item(text: string): void;
  finish(): CheckResult;
}

/**
 * `check` for a document a build writes in pieces: its head, each item, its
 * tail (the document is their concatenation). Each piece is checked as it
 * comes and let go, its item's elements too once the rules and `onItem`
 * have seen them, so that a feed of any size is checked without being held
 * whole, nor its tree. The parse is the same (fast-xml-parser's validator
 * then the position-keeping scan; JSON.parse), piece by piece: the head and
 * tail together are validated as one document, and each item as another, and
 * a document is well-formed when those are and each item piece is one item.
 * The rules are the same, and see the elements in the same order; positions
 * are the whole document's.
 */
export function checkInPieces(format: FeedFormat, head: string, tail: string, options: PieceCheckOptions): PieceCheck {
  const lines = new LineIndex();
  const found: Diagnostic[] = [];
  const push: Push = (rule, offset, message, detail) => {
    found.push({ file: options.file, ...(offset === undefined ? {} : lines.at(offset)), ruleId: rule.meta.id, severity: rule.meta.severity, message, ...detail });
  };
  const setting = { format, now: options.now ?? Date.now(), dates: options.dates ?? dateReader(), push, at: (offset: number) => lines.at(offset) };
  const run: PieceRun = {
    lines,
    visitorsFor: (locate) => create(options.rules ?? RULES, { ...setting, ...(locate ? { locate } : {}) }),
    push,
    // The first piece that is not well-formed stops the check: later pieces are not read.
    failed: false,
    fail(offset, message) {
      if (!run.failed) push(WELL_FORMED, offset, message);
      run.failed = true;
    },
  };
  const pieces = format === 'json' ? jsonPieces(head, tail, run, options) : xmlPieces(format, head, tail, run, options);
  return {
    item: pieces.item,
    finish() {
      pieces.finish();
      releaseLastMatch();
      return { format, diagnostics: found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)) };
    },
  };
}

interface PieceRun {
  readonly lines: LineIndex;
  readonly visitorsFor: (locate?: JsonLocator) => Visitors[];
  readonly push: Push;
  failed: boolean;
  fail(offset: number, message: string): void;
}

/** Where an error found in the head and tail, validated together, is in the document. */
function inDocument(headLength: number, tailStart: number, offset: number): number {
  return offset < headLength ? offset : tailStart + offset - headLength;
}

/** The offset of a 1-based line and column in a text. */
function offsetAt(text: string, line: number, column: number): number {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  return Math.min(start + column - 1, text.length);
}

const isItem: Readonly<Record<'rss' | 'atom', (el: XmlElement) => boolean>> = {
  rss: (el) => el.key === 'item' && el.parent?.key === 'channel' && el.parent.parent?.parent === undefined,
  atom: (el) => el.key === 'atom:entry' && el.parent !== undefined && el.parent.parent === undefined,
};

function xmlPieces(format: 'rss' | 'atom', head: string, tail: string, run: PieceRun, options: PieceCheckOptions) {
  const { lines } = run;
  const validate = (text: string) => fastXmlParser().XMLValidator.validate(text);
  const visitors = run.visitorsFor();
  const visit = elementVisitor(visitors);
  let index = 0;
  let inPiece = 0;
  const scanner = new XmlScanner((el) => {
    visit(el);
    if (!isItem[format](el)) return;
    options.onItem(el, index++);
    inPiece++;
    // Let go of the item: nothing after it reads it.
    const siblings = el.parent!.children as XmlElement[];
    if (siblings[siblings.length - 1] === el) siblings.pop();
  });
  const scan = (piece: string) => {
    const bad = scanner.add(piece);
    if (bad) run.fail(bad.offset, `is not well-formed XML: ${bad.message}`);
  };

  lines.add(head);
  const shell = validate(head + tail);
  for (const v of visitors) v.source?.(head, 0);
  if (shell === true) scan(head);
  else run.failed = true;
  const root = scanner.root;
  if (!run.failed && root && formatOf(root) !== format) {
    const found = formatOf(root);
    run.push(UNKNOWN_FORMAT, root.offset, typeof found === 'string' ? `is ${found}, not ${format}` : found.reason);
    run.failed = true;
  }

  return {
    item(text: string): void {
      const start = lines.length;
      lines.add(text);
      if (run.failed) return;
      for (const v of visitors) v.source?.(text, start);
      const valid = validate(text);
      if (valid !== true) {
        const { line, col, msg } = valid.err;
        return run.fail(start + offsetAt(text, line, col ?? 1), `is not well-formed XML: ${msg}`);
      }
      inPiece = 0;
      scan(text);
      if (!run.failed && inPiece !== 1) run.fail(start, `is not well-formed as written: a piece written as one item holds ${inPiece} items`);
    },
    finish(): void {
      const tailStart = lines.length;
      lines.add(tail);
      if (shell !== true) {
        const { line, col, msg } = shell.err;
        run.failed = false;
        return run.fail(inDocument(head.length, tailStart, offsetAt(head + tail, line, col ?? 1)), `is not well-formed XML: ${msg}`);
      }
      if (run.failed) return;
      for (const v of visitors) v.source?.(tail, tailStart);
      scan(tail);
      const incomplete = run.failed ? undefined : scanner.finish();
      if (incomplete) run.fail(incomplete.offset, `is not well-formed XML: ${incomplete.message}`);
      if (run.failed) return;
      for (const v of visitors) v.document?.({ root: scanner.root!, elements: [], strayCdataEnds: scanner.strayCdataEnds, undeclaredPrefixes: scanner.undeclaredPrefixes });
      for (const v of visitors) v.end?.();
      options.onParsed({ format, root: scanner.root! });
    },
  };
}

function jsonPieces(head: string, tail: string, run: PieceRun, options: PieceCheckOptions) {
  const { lines } = run;
  const shellText = head + tail;
  let shell: JsonObject | undefined;
  let shellError: { offset: number; message: string } | undefined;
  try {
    const value: unknown = JSON.parse(shellText);
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as JsonObject).items) && ((value as JsonObject).items as unknown[]).length === 0) {
      shell = value as JsonObject;
    } else shellError = { offset: 0, message: 'is not a JSON Feed with its items left out: a JSON Feed is an object with "version", "title" and "items"' };
  } catch (error) {
    shellError = { offset: jsonErrorOffset(shellText) ?? 0, message: `is not valid JSON: ${(error as Error).message}` };
  }
  // A path into the head (the feed's own members) is located in the head and tail together; one into an item, in that item's piece.
  const inShell = jsonLocator(shellText);
  const feedPath: JsonLocator = (path) => {
    const offset = inShell(path);
    return offset === undefined ? undefined : Math.min(offset, head.length);
  };
  let locate = feedPath;
  const visitors = run.visitorsFor((path) => locate(path));
  lines.add(head);
  let index = 0;
  if (shellError) run.failed = true;
  else {
    for (const v of visitors) v.source?.(head, 0);
    for (const v of visitors) v.feed?.(shell!);
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
      for (const v of visitors) v.source?.(text, start);
      const inItem = jsonLocator(body);
      const at = index;
      locate = (path: JsonPath) => {
        if (path[0] !== 'items' || path[1] !== at) return feedPath(path);
        const offset = inItem(path.slice(2));
        return offset === undefined ? undefined : base + offset;
      };
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) for (const v of visitors) v.item?.(value as JsonObject, index);
      options.onItem(value, index++);
      locate = feedPath;
    },
    finish(): void {
      const tailStart = lines.length;
      lines.add(tail);
      if (shellError) {
        run.failed = false;
        return run.fail(inDocument(head.length, tailStart, shellError.offset), shellError.message);
      }
      if (run.failed) return;
      for (const v of visitors) v.source?.(tail, tailStart);
      for (const v of visitors) v.end?.();
      options.onParsed({ format: 'json', json: shell! });
    },
  };
}

import type * as FastXmlParser from 'fast-xml-parser';
import type { Diagnostic } from '../diagnostic.js';
import { ATOM_NS } from '../formats.js';
import type { FeedFormat } from '../model/types.js';
import { onFirstUse } from '../on-first-use.js';
import { jsonErrorOffset, jsonLocator } from './json-locate.js';
import { positionsOf, type Position } from '../position.js';
import { RULES, UNKNOWN_FORMAT, WELL_FORMED, type JsonObject, type Rule, type Visitors, type Where } from './rules/index.js';
import { scanXml, type XmlElement, type XmlTree } from './tree.js';
import { dateReader, type DateReader } from './values.js';

export const fastXmlParser = onFirstUse<typeof FastXmlParser>('fast-xml-parser');

export interface CheckOptions {
  /** The path shown in diagnostics. */
  readonly file: string;
  /** Milliseconds since the epoch that "in the future" is measured from; default: the clock. */
  readonly now?: number;
  /** Default: every registered rule. */
  readonly rules?: readonly Rule[];
  /** Date readers to share with the caller (the proof), which reads the same dates after the rules. */
  readonly dates?: DateReader;
  /** Given the parsed document, so that a caller (the proof) reads it without parsing it again. */
  readonly onParsed?: (document: ParsedDocument) => void;
}

/** A well-formed document of a known format, as the one parse made it. */
export type ParsedDocument =
  | { readonly format: 'json'; readonly json: JsonObject }
  | { readonly format: 'rss' | 'atom'; readonly root: XmlElement };

export interface CheckResult {
  /** Undefined when the document is not a feed the rules know. */
  readonly format?: FeedFormat;
  /** In document order. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Checks one feed document of any format against the rules (SPEC section
 * 5.3): parses it once, then walks it once, calling each rule's visitors.
 */
export function check(text: string, options: CheckOptions): CheckResult {
  const rules = options.rules ?? RULES;
  const now = options.now ?? Date.now();
  const at = positionsOf(text);
  const found: Diagnostic[] = [];
  const run: Run = {
    push: (rule, offset, message, detail) => {
      found.push({ file: options.file, ...(offset === undefined ? {} : at(offset)), ruleId: rule.meta.id, severity: rule.meta.severity, message, ...detail });
    },
    add: (diagnostic) => void found.push({ file: options.file, ...diagnostic }),
    setUp: (format, locate) => create(rules, { format, now, dates: options.dates ?? dateReader(), push: run.push, at, locate }),
    parsed: (document) => options.onParsed?.(document),
  };

  const start = text.search(/[^\s\ufeff]/);
  let format: FeedFormat | undefined;
  if (start === -1) run.push(WELL_FORMED, undefined, 'is empty: a feed file holds an <rss> or <feed> document, or a JSON Feed object');
  else if (text[start] === '{' || text[start] === '[') format = checkJson(text, start, run);
  else format = checkXml(text, run);
  releaseLastMatch();
  return {
    ...(format === undefined ? {} : { format }),
    diagnostics: found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)),
  };
}

/**
 * V8 keeps the text of the last successful regular-expression match (the
 * legacy `RegExp.input`), and a date or a name read from a document is a
 * slice that keeps the whole document: without this, each document checked
 * stays in memory until other text is matched. At 100,000 items a document
 * is hundreds of megabytes.
 */
export const releaseLastMatch = (): void => void /^/.exec('');

/** What the format-specific halves of a check share: where diagnostics go, and the rules set up for the document. */
interface Run {
  readonly push: Push;
  /** A diagnostic whose position came from elsewhere (fast-xml-parser's validator). */
  readonly add: (diagnostic: Omit<Diagnostic, 'file'>) => void;
  readonly setUp: (format: FeedFormat, locate?: JsonLocator) => Visitors[];
  readonly parsed: (document: ParsedDocument) => void;
}

function checkJson(text: string, start: number, run: Run): FeedFormat | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    run.push(WELL_FORMED, jsonErrorOffset(text), `is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    run.push(UNKNOWN_FORMAT, start, 'is JSON, but not a JSON Feed: a JSON Feed is an object with "version", "title" and "items"');
    return undefined;
  }
  const feed = doc as JsonObject;
  run.parsed({ format: 'json', json: feed });
  const visitors = run.setUp('json', jsonLocator(text));
  for (const v of visitors) v.source?.(text, 0);
  for (const v of visitors) v.feed?.(feed);
  if (Array.isArray(feed.items)) {
    feed.items.forEach((item: unknown, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
      for (const v of visitors) v.item?.(item as JsonObject, index);
    });
  }
  for (const v of visitors) v.end?.();
  return 'json';
}

function checkXml(text: string, run: Run): FeedFormat | undefined {
  const valid = fastXmlParser().XMLValidator.validate(text);
  const scanned = valid === true ? scanXml(text) : undefined;
  if (valid !== true || !scanned?.ok) {
    const sniffed = /<rss[\s>]/.test(text) ? 'rss' : /<(?:\w+:)?feed[\s>]/.test(text) ? 'atom' : undefined;
    // Rules that read only the raw text still run: a forbidden character is often why a feed does not parse.
    if (sniffed) for (const v of run.setUp(sniffed)) v.source?.(text, 0);
    if (valid !== true) {
      const { line, col, msg } = valid.err;
      run.add({ line, column: col ?? 1, ruleId: WELL_FORMED.meta.id, severity: WELL_FORMED.meta.severity, message: `is not well-formed XML: ${msg}` });
    } else if (scanned && !scanned.ok) {
      run.push(WELL_FORMED, scanned.offset, `is not well-formed XML: ${scanned.message}`);
    }
    return sniffed;
  }
  const { tree } = scanned;
  const format = formatOf(tree.root);
  if (typeof format !== 'string') {
    run.push(UNKNOWN_FORMAT, tree.root.offset, format.reason);
    return undefined;
  }
  run.parsed({ format, root: tree.root });
  walk(tree, text, run.setUp(format));
  return format;
}

export function formatOf(root: XmlElement): 'rss' | 'atom' | { reason: string } {
  if (root.key === 'rss') return 'rss';
  if (root.key === 'atom:feed') return 'atom';
  const name = `<${root.name}>`;
  if (root.local === 'RDF') return { reason: `is RSS 1.0 (RDF): its root is ${name}; feedwright checks RSS 2.0, Atom 1.0 and JSON Feed` };
  if (root.local === 'feed') {
    return { reason: `has a <feed> root in the namespace "${root.namespace ?? ''}", not Atom 1.0's; declare xmlns="${ATOM_NS}" (Atom 0.3 is obsolete)` };
  }
  if (root.local.toLowerCase() === 'html') return { reason: 'is a web page (HTML), not a feed; check the feed\'s own URL (see its <link rel="alternate" type="application/rss+xml">)' };
  return { reason: `has the root element ${name}; a feed's root is <rss> (RSS 2.0) or <feed xmlns="${ATOM_NS}"> (Atom 1.0)` };
}

export type Push = (rule: Rule, offset: number | undefined, message: string, detail?: { readonly expected?: string; readonly actual?: string }) => void;
export type JsonLocator = (path: readonly (string | number)[]) => number | undefined;

export interface Setting {
  readonly format: FeedFormat;
  readonly now: number;
  readonly dates: DateReader;
  readonly push: Push;
  readonly at: (offset: number) => Position;
  readonly locate?: JsonLocator | undefined;
}

/** Each rule for the format, set up for this document. */
export function create(rules: readonly Rule[], { format, now, dates, push, at, locate }: Setting): Visitors[] {
  const offsetOf = (where: Where): number | undefined =>
    typeof where === 'number' ? where : Array.isArray(where) ? locate?.(where as readonly (string | number)[]) : (where as { readonly offset: number }).offset;
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

/** The one walk over an XML document. */
function walk(tree: XmlTree, source: string, visitors: readonly Visitors[]): void {
  const visit = elementVisitor(visitors);
  for (const v of visitors) v.source?.(source, 0);
  for (const v of visitors) v.document?.(tree);
  for (const el of tree.elements) visit(el);
  for (const v of visitors) v.end?.();
}

/** Calls, for an element, the visitors that want it: a table from element key to them. */
export function elementVisitor(visitors: readonly Visitors[]): (el: XmlElement) => void {
  const table = new Map<string, ((el: XmlElement) => void)[]>();
  for (const v of visitors) {
    for (const [key, visit] of Object.entries(v.elements ?? {})) {
      const list = table.get(key);
      if (list) list.push(visit);
      else table.set(key, [visit]);
    }
  }
  const every = table.get('*') ?? [];
  return (el) => {
    const handlers = table.get(el.key);
    if (handlers) for (const visit of handlers) visit(el);
    for (const visit of every) visit(el);
  };
}

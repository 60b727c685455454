import type * as SmolToml from 'smol-toml';
import type * as JsYaml from 'js-yaml';
import type * as Yaml from 'yaml';
import type { Reporter } from '../vocabulary/diagnostic.js';
import { onFirstUse } from '../vocabulary/on-first-use.js';

const yaml = onFirstUse<typeof Yaml>('yaml');
const jsYaml = onFirstUse<typeof JsYaml>('js-yaml');
const toml = onFirstUse<typeof SmolToml>('smol-toml');

/** A key of a front matter block or a JSON record, its value, and the line it stands on. */
export interface RawField {
  readonly key: string;
  readonly value: unknown;
  readonly line?: number;
}

/** A front matter block: YAML between `---` lines, or TOML between `+++` lines (Hugo's), as other tools write them. */
export interface FrontMatter {
  readonly format: 'yaml' | 'toml';
  /** The text between the fence lines. */
  readonly text: string;
  /** The line in the file of the block's first line. */
  readonly firstLine: number;
}

export interface Split {
  readonly front?: FrontMatter;
  /** The text after the block (all of it when there is none). */
  readonly body: string;
  /** The line in the file the body starts on. */
  readonly bodyLine: number;
}

const FENCES: Readonly<Record<string, { readonly format: FrontMatter['format']; readonly closing: readonly string[] }>> = {
  '---': { format: 'yaml', closing: ['---', '...'] },
  '+++': { format: 'toml', closing: ['+++'] },
};

/**
 * Splits an optional front matter block off the top of a file's text (lines
 * end in LF): `---` ... `---` (YAML) or `+++` ... `+++` (TOML), after any
 * blank lines, as Hugo accepts them. Only the block is looked at line by
 * line: a Markdown body is kept whole, as its renderer wants it.
 */
export function splitFrontMatter(text: string, report: Reporter): Split | undefined {
  const lineEnd = (from: number) => {
    const at = text.indexOf('\n', from);
    return at === -1 ? text.length : at;
  };
  let open = 0;
  let openLine = 1;
  while (open < text.length && text.slice(open, lineEnd(open)).trim() === '' && lineEnd(open) < text.length) {
    open = lineEnd(open) + 1;
    openLine++;
  }
  const openEnd = lineEnd(open);
  const fence = FENCES[text.slice(open, openEnd).trimEnd()];
  if (fence === undefined) return { body: text, bodyLine: 1 };
  let start = openEnd + 1;
  for (let line = openLine + 1; start <= text.length; line++) {
    const end = lineEnd(start);
    if (fence.closing.includes(text.slice(start, end).trimEnd())) {
      const block = start === openEnd + 1 ? '' : text.slice(openEnd + 1, start - 1);
      return { front: { format: fence.format, text: block, firstLine: openLine + 1 }, body: text.slice(end + 1), bodyLine: line + 1 };
    }
    start = end + 1;
  }
  const closing = fence.closing[0]!;
  report.error('input/front-matter', `opens front matter with "${closing}" that is never closed; add a "${closing}" line after the last field`, openLine);
  return undefined;
}

/** The top-level fields of a front matter block, each with its line in the file; undefined when it cannot be read (reported). */
export function readFrontMatter(front: FrontMatter, report: Reporter): RawField[] | undefined {
  return front.format === 'toml' ? readTomlFields(front.text, front.firstLine, report) : readYamlFields(front.text, front.firstLine, report);
}

/**
 * How many times aliases may be expanded, counted as the `yaml` package
 * counts them (each alias times the aliases under its anchor). Front matter
 * has little use for aliases; nested ones grow exponentially, and a few
 * hundred bytes of them once took a build 52 seconds and 2.3 GB.
 */
const MAX_ALIAS_COUNT = 100;

const MUST_BE_MAPPING = 'front matter must be "key: value" lines, such as "author: Jane Doe"';

/**
 * Parses front matter YAML (the YAML 1.2 core schema: a date such as
 * `2016-10-06 11:10:38 -0700` stays text, for the date rules to read) into
 * its top-level fields, each with the line of its key in the file. Every
 * syntax error in the block is reported, with its line and column.
 */
export function readYamlFields(text: string, firstLine: number, report: Reporter): RawField[] | undefined {
  return quickYamlFields(text, firstLine) ?? parseYamlFields(text, firstLine, report);
}

/**
 * js-yaml's reading of front matter, four times faster than yaml's on a first
 * pass (docs/performance.md): undefined for YAML it refuses, for anything but
 * a mapping of named keys, and for front matter that sets an anchor, whose
 * aliases js-yaml would expand without a bound. yaml then reads it, and says
 * what is wrong. js-yaml's parse events give each key's line.
 */
export function quickYamlFields(text: string, firstLine: number): RawField[] | undefined {
  // The lines of the nodes open now, outermost first, and the nodes that closed at depth 2: a block mapping's keys and values in turn.
  const open: number[] = [];
  const closed: { readonly result: unknown; readonly line: number }[] = [];
  let anchored = false;
  const listener = (event: 'open' | 'close', state: { line: number; result: unknown; anchor: string | null }) => {
    if (event === 'open') return void open.push(state.line);
    const opened = open.pop()!;
    if (state.anchor !== null) anchored = true;
    if (open.length === 1) closed.push({ result: state.result, line: firstLine + opened });
  };
  const { load, CORE_SCHEMA } = jsYaml();
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, listener: listener as (event: 'open' | 'close', state: unknown) => void });
  } catch {
    return undefined;
  }
  if (anchored) return undefined;
  if (data === undefined || data === null) return [];
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  const fields = Object.entries(data);
  // Anything but a plain block mapping of named keys (a flow mapping, a key with no value) is left to yaml, which places each key on its line.
  const keys = keyLines(closed, fields.length);
  if (keys === undefined || [...keys.values()].some((k) => typeof k.result !== 'string')) return undefined;
  return fields.map(([key, value]) => ({ key, value, line: keys.get(key)!.line }));
}

/** The top-level keys by name, when the closed nodes pair up as exactly the mapping's keys and values. */
function keyLines(closed: readonly { readonly result: unknown; readonly line: number }[], count: number) {
  if (closed.length !== count * 2) return undefined;
  const keys = new Map<string, { readonly result: unknown; readonly line: number }>();
  for (let i = 0; i < closed.length; i += 2) keys.set(String(closed[i]!.result), closed[i]!);
  return keys.size === count ? keys : undefined;
}

/** yaml's reading of front matter: what readYamlFields does with front matter quickYamlFields declines. */
export function parseYamlFields(text: string, firstLine: number, report: Reporter): RawField[] | undefined {
  const { LineCounter, parseDocument, isMap, isScalar, visit } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, lineCounter: lines, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line: firstLine + line - 1, column: col };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const { line, column } = at(openedAt(doc, error) ?? error.pos[0]);
      report.error('input/front-matter', `front matter is not valid YAML: ${yamlReason(error, text, line - firstLine)}`, line, { column });
    }
    return undefined;
  }
  for (const warning of doc.warnings) {
    const { line, column } = at(warning.pos[0]);
    const asText = warning.code === 'TAG_RESOLVE_FAILED' ? '; the value is read as text' : '';
    report.warning('input/front-matter', `front matter: ${warning.message}${asText}`, line, { column });
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return [];
  if (!isMap(contents)) {
    report.error('input/front-matter', MUST_BE_MAPPING, firstLine);
    return undefined;
  }
  // An explicit `!!timestamp` is read as a JS Date in UTC: give the date rules the text as written instead.
  visit(doc, { Scalar: (_key, node) => void (node.value instanceof Date && (node.value = node.source)) });
  const fields: RawField[] = [];
  for (const pair of contents.items) {
    const key = pair.key;
    // A key left out (`: value`) is null: the block's first line stands for it.
    const keyAt = at((key as Yaml.Node | null)?.range?.[0] ?? 0);
    if (!isScalar(key) || typeof key.value !== 'string') {
      report.error('input/front-matter', 'front matter keys must be plain names, such as "author"', keyAt.line);
      return undefined;
    }
    let value: unknown;
    try {
      // Aliases are followed within the bound (see MAX_ALIAS_COUNT); an alias to no anchor is refused too.
      value = pair.value === null ? null : (pair.value as Yaml.Node).toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      const why = error.message.startsWith('Excessive alias')
        ? `"${key.value}" expands aliases (*name) more than ${MAX_ALIAS_COUNT} times, as nested aliases do; write the values out instead`
        : `"${key.value}": ${error.message.replace(/^Unresolved alias.*: /, 'an alias names no anchor set before it: *')}`;
      report.error('input/front-matter', `front matter is not valid YAML: ${why}`, keyAt.line);
      return undefined;
    }
    fields.push({ key: key.value, value, line: keyAt.line });
  }
  return fields;
}

/**
 * Where a collection or quoted value that is never closed opened: the error
 * is found where the text ends, and the line it opened on says more.
 */
function openedAt(doc: Yaml.Document.Parsed, error: Yaml.YAMLError): number | undefined {
  if (!/end with a|Missing closing/.test(error.message)) return undefined;
  const { visit, isCollection, isScalar } = yaml();
  let found: number | undefined;
  visit(doc, (_key, node) => {
    const unclosed = (isCollection(node) && node.flow === true) || (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'));
    const range = (node as Yaml.Node).range;
    if (unclosed && range && range[0] <= error.pos[0] && error.pos[0] <= range[2]) found = Math.max(found ?? -1, range[0]);
  });
  return found;
}

/** A YAML error in plain words where a common cause is known; the parser's words otherwise. */
function yamlReason(error: Yaml.YAMLError, text: string, lineIndex: number): string {
  const source = text.split('\n')[lineIndex] ?? '';
  // `title: Jekyll: the guide`: a ": " in a plain value starts a mapping that YAML does not allow there.
  const colon = /^(\s*)([^\s:#'"][^:]*?)\s*:\s+([^\s'"[{|>].*:\s.*?)\s*$/.exec(source);
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && colon) {
    const quoted = `"${colon[3]!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return `the value of "${colon[2]}" holds ": ", which YAML reads as the start of another key; put the value in quotes: ${colon[2]}: ${quoted}`;
  }
  if (error.code === 'DUPLICATE_KEY') return 'a key is given twice (duplicated mapping key); keep one';
  if (error.code === 'TAB_AS_INDENT') return 'a line is indented with a tab; indent with spaces';
  const message = error.message.replace(/ at line \d+, column \d+.*$/s, '');
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/**
 * Parses TOML front matter (Hugo's `+++` blocks) into its top-level fields.
 * TOML dates become the text forms docs/dates.md reads: an offset date-time
 * keeps its offset, and a local date-time or date is written as a local
 * time, for the config's `timezone` to place.
 */
export function readTomlFields(text: string, firstLine: number, report: Reporter): RawField[] | undefined {
  const { parse, TomlError } = toml();
  let data: Record<string, unknown>;
  try {
    data = parse(text);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    report.error('input/front-matter', `front matter is not valid TOML: ${reason}`, firstLine + error.line - 1, { column: error.column });
    return undefined;
  }
  const lines = tomlKeyLines(text);
  return Object.entries(data).map(([key, value]) => ({ key, value: fromToml(value), line: firstLine + (lines.get(key) ?? 0) }));
}

/** A TOML value as the field rules read values: dates as text, tables as plain objects. */
function fromToml(value: unknown): unknown {
  if (value instanceof Date) return tomlDateText(value as SmolToml.TomlDate);
  if (Array.isArray(value)) return value.map(fromToml);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromToml(v)]));
  return value;
}

/** "2024-05-16T11:55:00-07:00", "2024-05-16T11:55:00" (local: no offset), "2024-05-16", "11:55:00", as TOML wrote them. */
const tomlDateText = (date: SmolToml.TomlDate): string => date.toISOString().replace(/\.0+(?=$|[Z+-])/, '');

/** The line index (from 0) of each top-level key: `key = …`, a dotted `key.sub = …`, or a `[key]` table header. */
function tomlKeyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const unquote = (key: string) => (key.startsWith('"') || key.startsWith("'") ? key.slice(1, -1) : key);
  let inTable = false;
  text.split('\n').forEach((source, i) => {
    const header = /^\s*\[\[?\s*("[^"]*"|'[^']*'|[\w-]+)/.exec(source);
    if (header) {
      inTable = true;
      if (!lines.has(unquote(header[1]!))) lines.set(unquote(header[1]!), i);
      return;
    }
    const pair = inTable ? null : /^\s*("[^"]*"|'[^']*'|[\w-]+)\s*[.=]/.exec(source);
    if (pair && !lines.has(unquote(pair[1]!))) lines.set(unquote(pair[1]!), i);
  });
  return lines;
}

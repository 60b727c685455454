import type * as JsYaml from 'js-yaml';
import type { Reporter } from '../vocabulary/diagnostic.js';
import { onFirstUse } from '../vocabulary/on-first-use.js';

const jsYaml = onFirstUse<typeof JsYaml>('js-yaml');

/** A key of a front matter block or a JSON record, its value, and the line it stands on. */
export interface RawField {
  readonly key: string;
  readonly value: unknown;
  readonly line?: number;
}

export interface Split {
  /** The YAML between the `---` lines, with the line its first line has in the file. */
  readonly yaml?: { readonly text: string; readonly firstLine: number };
  /** The text after the block (all of it when there is none). */
  readonly body: string;
  /** The line in the file the body starts on. */
  readonly bodyLine: number;
}

/**
 * Splits an optional `---` ... `---` block off the top of a file's text
 * (lines end in LF). Only the block is looked at line by line: a Markdown
 * body is kept whole, as its renderer wants it.
 */
export function splitFrontMatter(text: string, report: Reporter): Split | undefined {
  const lineEnd = (from: number) => {
    const at = text.indexOf('\n', from);
    return at === -1 ? text.length : at;
  };
  const firstEnd = lineEnd(0);
  if (text.slice(0, firstEnd).trimEnd() !== '---') return { body: text, bodyLine: 1 };
  let start = firstEnd + 1;
  for (let line = 2; start <= text.length; line++) {
    const end = lineEnd(start);
    const closing = text.slice(start, end).trimEnd();
    if (closing === '---' || closing === '...') {
      const yaml = start === firstEnd + 1 ? '' : text.slice(firstEnd + 1, start - 1);
      return { yaml: { text: yaml, firstLine: 2 }, body: text.slice(end + 1), bodyLine: line + 1 };
    }
    start = end + 1;
  }
  report.error('input/front-matter', 'opens front matter with "---" that is never closed; add a "---" line after the last field', 1);
  return undefined;
}

/**
 * Parses front matter YAML (the YAML 1.2 core schema: a date stays text, for
 * the date rules to read) into its top-level fields, each with its line in the
 * file. js-yaml 4 reads it several times faster than js-yaml 5 or `yaml`
 * (bench/yaml-choice.mjs), which counts: a cold build of 10,000 records,
 * 3,000 of them Markdown, spent a fifth of its time here with `yaml`. Its
 * parse events give the lines.
 */
export function readYamlFields(text: string, firstLine: number, report: Reporter): RawField[] | undefined {
  // Parse events: the lines of the nodes open now, outermost first, and the nodes that closed at depth 2:
  // in a block mapping, its keys and values in turn.
  const open: number[] = [];
  const closed: { readonly result: unknown; readonly line: number }[] = [];
  const listener = (event: 'open' | 'close', state: { line: number; result: unknown }) => {
    if (event === 'open') return void open.push(state.line);
    const opened = open.pop()!;
    if (open.length === 1) closed.push({ result: state.result, line: firstLine + opened });
  };
  const { load, CORE_SCHEMA, YAMLException } = jsYaml();
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, listener });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // A bracket or quote never closed is found at the end: the line where it opened says more.
    const unclosed = error.reason.startsWith('unexpected end of the stream') ? open.at(-1) : undefined;
    report.error('input/front-matter', `front matter is not valid YAML: ${error.reason}`, firstLine + (unclosed ?? error.mark?.line ?? 0));
    return undefined;
  }
  if (data === undefined || data === null) return [];
  if (typeof data !== 'object' || Array.isArray(data)) {
    report.error('input/front-matter', 'front matter must be "key: value" lines, such as "author: Jane Doe"', firstLine);
    return undefined;
  }
  const fields = Object.entries(data);
  const keys = keyLines(closed, fields.length);
  const bad = keys && [...keys.values()].find((k) => typeof k.result !== 'string');
  if (bad) {
    report.error('input/front-matter', 'front matter keys must be plain names, such as "author"', bad.line);
    return undefined;
  }
  // Anything but a plain block mapping (a flow mapping, a key with no value) places its fields on the first line.
  return fields.map(([key, value]) => ({ key, value, line: keys?.get(key)?.line ?? firstLine }));
}

/** The top-level keys by name, when the closed nodes pair up as exactly the mapping's keys and values. */
function keyLines(closed: readonly { readonly result: unknown; readonly line: number }[], count: number) {
  if (closed.length !== count * 2) return undefined;
  const keys = new Map<string, { readonly result: unknown; readonly line: number }>();
  for (let i = 0; i < closed.length; i += 2) keys.set(String(closed[i]!.result), closed[i]!);
  return keys.size === count ? keys : undefined;
}

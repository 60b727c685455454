import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Reporter } from '../diagnostic.js';

/** A key of a front matter block or a JSON record, its value, and the line it stands on. */
export interface RawField {
  readonly key: string;
  readonly value: unknown;
  readonly line?: number;
}

export interface Split {
  /** The YAML between the `---` lines, with the line its first line has in the file. */
  readonly yaml?: { readonly text: string; readonly firstLine: number };
  readonly body: readonly string[];
  /** The line in the file of `body[0]`. */
  readonly bodyLine: number;
}

/** Splits an optional `---` ... `---` block off the top of a file's lines. */
export function splitFrontMatter(lines: readonly string[], report: Reporter): Split | undefined {
  if (lines[0]?.trimEnd() !== '---') return { body: lines, bodyLine: 1 };
  const end = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
  if (end < 0) {
    report.error('input/front-matter', 'opens front matter with "---" that is never closed; add a "---" line after the last field', 1);
    return undefined;
  }
  return { yaml: { text: lines.slice(1, end).join('\n'), firstLine: 2 }, body: lines.slice(end + 1), bodyLine: end + 2 };
}

/** Parses front matter YAML into its top-level fields, each with its line in the file. */
export function readYamlFields(text: string, firstLine: number, report: Reporter): RawField[] | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      report.error('input/front-matter', `front matter is not valid YAML: ${message}`, toFileLine(error.pos[0]));
    }
    return undefined;
  }
  if (doc.contents === null) return [];
  if (!isMap(doc.contents)) {
    report.error('input/front-matter', 'front matter must be "key: value" lines, such as "author: Jane Doe"', firstLine);
    return undefined;
  }
  const fields: RawField[] = [];
  for (const pair of doc.contents.items) {
    const line = isNode(pair.key) && pair.key.range ? toFileLine(pair.key.range[0]) : firstLine;
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string') {
      report.error('input/front-matter', 'front matter keys must be plain names, such as "author"', line);
      continue;
    }
    fields.push({ key: pair.key.value, value: isNode(pair.value) ? pair.value.toJSON() : pair.value, line });
  }
  return fields;
}

import type MarkdownIt from 'markdown-it';
import type { Reporter } from '../vocabulary/diagnostic.js';
import { onFirstUse } from '../vocabulary/on-first-use.js';
import { FIELD_KEYS, readFields } from './fields.js';
import { readYamlFields, splitFrontMatter } from './front-matter.js';
import type { ArticleRecord, ReadContext } from '../vocabulary/record.js';

/**
 * Markdown records (docs/records.md): YAML front matter with the record fields, then
 * a body rendered to HTML. markdown-it is the renderer: it passes more of the
 * CommonMark examples than marked (see bench/markdown-choice.mjs). Raw HTML
 * in the body is kept as the author wrote it.
 */
const markdown = onFirstUse('markdown-it', (Renderer: typeof MarkdownIt) => new Renderer({ html: true }));

const KEYS = new Set(FIELD_KEYS.filter((key) => !key.startsWith('content_')));

export function readMarkdown(text: string, slug: string, source: { file: string }, report: Reporter, context: ReadContext): ArticleRecord | undefined {
  const split = splitFrontMatter(text, report);
  if (!split) return undefined;
  if (!split.yaml) {
    report.error('input/front-matter', 'has no front matter; start it with a "---" block giving at least "title" and "published"', 1);
    return undefined;
  }
  const raw = readYamlFields(split.yaml.text, split.yaml.firstLine, report);
  if (!raw) return undefined;
  const { fields, lines } = readFields(raw, KEYS, report, context, (key) =>
    key.startsWith('content_') ? 'the Markdown body after the front matter is the content' : undefined,
  );
  const body = split.body;
  if (body.trim() === '') {
    report.error('input/empty-body', 'has no body after its front matter; write the article in Markdown below the closing "---"', split.bodyLine - 1);
    return undefined;
  }
  return {
    ...fields,
    source: { ...source, line: 1 },
    lines,
    slug: fields.slug ?? slug,
    // Rendered when read, and not kept: most records of a large folder never reach the feed, and the model keeps the content of those that do.
    get contentHtml() {
      return markdown().render(body).trimEnd();
    },
  };
}

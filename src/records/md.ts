import type { DateTime } from 'luxon';
import type MarkdownIt from 'markdown-it';
import type { Reporter } from '../vocabulary/diagnostic.js';
import { onFirstUse } from '../vocabulary/on-first-use.js';
import { FIELD_KEYS, readFields } from './fields.js';
import { readFrontMatter, splitFrontMatter } from './front-matter.js';
import { parseDate } from '../dates/parse.js';
import type { ArticleRecord, ReadContext } from '../vocabulary/record.js';

/**
 * Markdown records (docs/records.md): YAML or TOML front matter with the record
 * fields, then a body rendered to HTML. markdown-it is the renderer: it passes more of the
 * CommonMark examples than marked (see bench/markdown-choice.mjs). Raw HTML
 * in the body is kept as the author wrote it.
 */
const markdown = onFirstUse('markdown-it', (Renderer: typeof MarkdownIt) => new Renderer({ html: true }));

const KEYS = new Set(FIELD_KEYS.filter((key) => !key.startsWith('content_')));

export function readMarkdown(text: string, slug: string, source: { file: string }, report: Reporter, context: ReadContext): ArticleRecord | undefined {
  const split = splitFrontMatter(text, report);
  if (!split) return undefined;
  if (!split.front) {
    report.error('input/front-matter', 'has no front matter; start it with a "---" block giving at least "title" and "published"', 1);
    return undefined;
  }
  const raw = readFrontMatter(split.front, report);
  if (!raw) return undefined;
  const { fields, lines } = readFields(raw, KEYS, report, context, (key) =>
    key.startsWith('content_') ? 'the Markdown body after the front matter is the content' : undefined,
  );
  const body = split.body;
  // A draft is never published: a Hugo draft may be only its front matter.
  if (body.trim() === '' && fields.draft !== true) {
    const fence = split.front.format === 'toml' ? '+++' : '---';
    report.error('input/empty-body', `has no body after its front matter; write the article in Markdown below the closing "${fence}"`, split.bodyLine - 1);
    return undefined;
  }
  const named = fromFileName(slug, lines.published === undefined, report, context);
  if (!named) return undefined;
  return {
    ...fields,
    ...(named.published ? { published: named.published } : {}),
    source: { ...source, line: 1 },
    lines,
    slug: fields.slug ?? named.slug,
    // Rendered when read, and not kept: most records of a large folder never reach the feed, and the model keeps the content of those that do.
    get contentHtml() {
      return markdown().render(body).trimEnd();
    },
  };
}

// Jekyll's post names: `2024-05-16-my-trip.md`, and `2022-1-27-x.md` with a one-digit month or day, as real sites have them.
const DATED_NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/;

/**
 * The slug, and the date when front matter gives none, of a file named as
 * Jekyll names posts (docs/records.md): the date is midnight in the config's
 * `timezone`, and the slug is the rest of the name, as Jekyll's URLs use it.
 */
function fromFileName(name: string, wantDate: boolean, report: Reporter, context: ReadContext): { slug: string; published?: DateTime } | undefined {
  const m = DATED_NAME.exec(name);
  if (!m) return { slug: name };
  if (!wantDate) return { slug: m[4]! };
  const date = parseDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`, context.timezone);
  if (date.ok) return { slug: m[4]!, published: date.value };
  const fix = date.reason.includes('has no time zone') ? '; set "timezone" in feedwright.config.json, or give "date" with an offset in the front matter' : '';
  report.error('input/date', `the date in its file name: ${date.reason.replace(/; write an offset.*$/, '')}${fix}`);
  return undefined;
}

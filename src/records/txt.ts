import { parseDate } from '../dates/parse.js';
import type { Reporter } from '../vocabulary/diagnostic.js';
import { escapeHtml } from '../vocabulary/html.js';
import type { Caption } from '../vocabulary/types.js';
import { readFields } from './fields.js';
import { readFrontMatter, splitFrontMatter } from './front-matter.js';
import type { ArticleRecord, ReadContext } from '../vocabulary/record.js';

/**
 * The plain-text news format of docs/records.md: a dateline, a headline, an
 * optional "Updated" line, paragraphs (a photo caption ends in " /Credit"),
 * and an optional copyright line last. Front matter may add what the text
 * cannot say.
 */

// What front matter may give in a .txt record; the text itself gives the rest.
const FRONT_MATTER_KEYS = new Set(['author', 'authors', 'tags', 'link', 'url', 'id', 'image', 'language', 'slug', 'draft', 'summary', 'rights', 'attachments', 'episode', 'season', 'episodeType', 'duration', 'explicit', 'transcript', 'chapters']);
const FROM_TEXT: Readonly<Record<string, string>> = {
  title: 'the headline line gives the title',
  published: 'the dateline gives the publication date',
  date: 'the dateline gives the publication date',
  updated: 'an "Updated 2024.05.17 09:45 GMT+8" line after the headline gives it',
};

const UPDATED = /^Updated:?\s+(\S.*)$/i;
const COPYRIGHT = /^(?:Copyright\b|©|\(c\)\s)/i;
// " /Xinhua", " /Getty Images": a short credit of capitalized words after " /".
const CAPTION = /^(.*\S)\s+\/\s?([A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})$/;

interface Block {
  readonly text: string;
  readonly line: number;
  readonly lineCount: number;
}

export function readTxt(text: string, slug: string, source: { file: string }, report: Reporter, context: ReadContext): ArticleRecord | undefined {
  const split = splitFrontMatter(text, report);
  if (!split) return undefined;
  let front: ReturnType<typeof readFields> = { fields: {}, lines: {} };
  if (split.front) {
    const raw = readFrontMatter(split.front, report);
    if (!raw) return undefined;
    front = readFields(raw, FRONT_MATTER_KEYS, report, context, (key) =>
      FROM_TEXT[key] ? `${FROM_TEXT[key]}; remove it from the front matter` : undefined,
    );
  }

  const blocks = toBlocks(split.body.split('\n'), split.bodyLine);
  const first = blocks.shift();
  if (first === undefined) {
    report.error('input/empty', 'is empty; a plain-text article starts with a dateline such as "2024.05.16 11:55 GMT+8", then the headline', 1);
    return undefined;
  }
  // The dateline is one line; a headline written right under it still counts.
  const [datelineText, ...rest] = first.text.split('\n');
  if (rest.length > 0) blocks.unshift({ text: rest.join('\n'), line: first.line + 1, lineCount: first.lineCount - 1 });
  const dateline = parseDate(datelineText!, context.timezone);
  if (!dateline.ok) {
    report.error('input/dateline', `the dateline ${dateline.reason.startsWith('"') ? dateline.reason : `is wrong: ${dateline.reason}`}`, first.line);
  }

  const headline = blocks.shift();
  if (headline === undefined) {
    report.error('input/missing-title', 'has a dateline but no headline; write the headline on its own line after the dateline', first.line);
    return undefined;
  }

  const lines: Record<string, number> = { ...front.lines, published: first.line, title: headline.line };
  let updated;
  const updatedMatch = blocks[0]?.lineCount === 1 ? UPDATED.exec(blocks[0].text) : null;
  if (updatedMatch) {
    const block = blocks.shift()!;
    lines.updated = block.line;
    const date = parseDate(updatedMatch[1]!, context.timezone);
    if (date.ok) updated = date.value;
    else report.error('input/date', `the "Updated" line: ${date.reason}`, block.line);
  }

  let rights = front.fields.rights;
  const last = blocks.at(-1);
  if (last && last.lineCount === 1 && COPYRIGHT.test(last.text)) {
    blocks.pop();
    if (rights !== undefined) report.error('input/duplicate-field', 'gives "rights" in its front matter and a copyright line; keep one', last.line);
    rights = last.text;
    lines.rights = last.line;
  }

  if (blocks.length === 0) {
    report.error('input/empty-body', 'has no text after the headline; write at least one paragraph', headline.line);
    return undefined;
  }

  const captions: Caption[] = [];
  const html: string[] = [];
  let summary: string | undefined;
  for (const block of blocks) {
    const paragraph = paragraphText(block);
    const caption = paragraph.includes('/') ? CAPTION.exec(paragraph) : null;
    if (caption) {
      captions.push({ text: caption[1]!, credit: caption[2]! });
      html.push(`<p class="caption">${escapeHtml(paragraph)}</p>`);
    } else {
      summary ??= paragraph;
      html.push(`<p>${escapeHtml(paragraph)}</p>`);
    }
  }

  if (!dateline.ok) return undefined;
  // A wire photo's caption paragraph is its image's caption and credit too, unless the front matter gives them (docs/records.md, "Photos").
  const [caption] = captions;
  const { photo } = front.fields;
  const captioned = front.fields.image !== undefined && caption !== undefined && photo?.caption === undefined ? { photo: { ...photo, caption: caption.text, ...(photo?.credit === undefined ? { credit: caption.credit } : {}) } } : {};
  return {
    ...front.fields,
    ...captioned,
    source: { ...source, line: 1 },
    lines,
    slug: front.fields.slug ?? slug,
    title: paragraphText(headline),
    published: dateline.value,
    ...(updated ? { updated } : {}),
    summary: front.fields.summary ?? summary ?? paragraphText(blocks[0]!),
    contentHtml: html.join('\n'),
    ...(rights === undefined ? {} : { rights }),
    captions,
  };
}

const paragraphText = (block: Block) => block.text.replace(/\n/g, ' ');

/** Paragraphs: runs of non-blank lines, each line trimmed, with the line each starts on. */
function toBlocks(lines: readonly string[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      if (current.length > 0) blocks.push({ text: current.join('\n'), line: firstLine + start, lineCount: current.length });
      current = [];
      return;
    }
    if (current.length === 0) start = i;
    current.push(line);
  });
  if (current.length > 0) blocks.push({ text: current.join('\n'), line: firstLine + start, lineCount: current.length });
  return blocks;
}

import type * as Htmlparser2 from 'htmlparser2';
import { mayHoldForbidden, XML_FORBIDDEN } from '../vocabulary/formats.js';
import { onFirstUse } from '../vocabulary/on-first-use.js';

const htmlparser2 = onFirstUse<typeof Htmlparser2>('htmlparser2');

/** The longest summary made from an article's body, in characters, "…" included (docs/formats.md). */
export const SUMMARY_LENGTH = 300;

/** An article's HTML with its summary marker taken out, and the summary its body gives. */
export interface Excerpt {
  readonly contentHtml: string;
  /** Plain text; absent when the body has no text. */
  readonly summary?: string;
}

/**
 * Splits a body at its summary marker, `<!--more-->` (Hugo's, and
 * Jekyll's with `excerpt_separator`; any spacing, any case), which never
 * reaches the content. The summary, when `wanted`, is the text before the
 * marker, else the first paragraph, as plain text cut to SUMMARY_LENGTH
 * (docs/formats.md, "Summaries"). htmlparser2 reads the HTML, so that
 * comments, entities and the raw text of scripts are what a browser makes
 * of them.
 */
export function excerpt(html: string, wanted: boolean): Excerpt {
  // Most bodies have no comment, and most records give their summary: nothing to read then.
  const commented = html.includes('<!--');
  if (!wanted && !commented) return { contentHtml: html };
  const cuts: { start: number; end: number }[] = [];
  // The text before the first marker; the first paragraph's; whether the reader is in one, or in a script or style.
  let before = '';
  let marked = false;
  let paragraph: string | undefined;
  let inParagraph = false;
  let current = '';
  let hidden = 0;
  const parser: Htmlparser2.Parser = new (htmlparser2().Parser)(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++;
        if (BLOCKS.has(name)) gap();
        if (name === 'p' && paragraph === undefined) {
          inParagraph = true;
          current = '';
        }
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        if (BLOCKS.has(name)) gap();
        if (name === 'p' && inParagraph) {
          inParagraph = false;
          if (current.trim() !== '') paragraph = current;
          // With no marker to take out, the rest of a long body need not be read.
          if (paragraph !== undefined && !commented) parser.pause();
        }
      },
      ontext(text) {
        if (hidden > 0) return;
        if (!marked) before += text;
        if (inParagraph) current += text;
      },
      oncomment(data) {
        if (!MORE.test(data)) return;
        marked = true;
        // The marker, and the line end after it, go.
        const end = html[parser.endIndex + 1] === '\n' ? parser.endIndex + 2 : parser.endIndex + 1;
        cuts.push({ start: parser.startIndex, end });
      },
    },
    { decodeEntities: true },
  );
  const gap = () => {
    if (!marked) before += ' ';
    if (inParagraph) current += ' ';
  };
  parser.end(html);
  let contentHtml = html;
  for (const cut of cuts.reverse()) contentHtml = contentHtml.slice(0, cut.start) + contentHtml.slice(cut.end);
  if (!wanted) return { contentHtml };
  // Before a marker with text ahead of it; else the first paragraph; else whatever text the body has.
  const source = marked && plain(before) !== '' ? before : (paragraph ?? before);
  const summary = shorten(plain(source));
  return summary === '' ? { contentHtml } : { contentHtml, summary };
}

/**
 * Text with its runs of white space made one space, and trimmed; a character
 * XML forbids, which a reference such as `&#x1;` decodes to, goes: the content
 * keeps it as the reference, but text has no references (docs/formats.md).
 */
const plain = (text: string): string => (mayHoldForbidden(text) ? text.replace(FORBIDDEN, '') : text).replace(/\s+/g, ' ').trim();

const FORBIDDEN = new RegExp(XML_FORBIDDEN.source, 'g');

/** At most SUMMARY_LENGTH characters (code points), cut after a whole word, with "…" when cut. */
export function shorten(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= SUMMARY_LENGTH) return text;
  const head = chars.slice(0, SUMMARY_LENGTH - 1);
  // The last space that leaves a word whole; text with no space (Chinese, Japanese) is cut at a character.
  const space = head.lastIndexOf(' ');
  const kept = chars[SUMMARY_LENGTH - 1] === ' ' || space <= 0 ? head : head.slice(0, space);
  return `${kept.join('').replace(/[\s,;:]+$/, '')}…`;
}

const MORE = /^\s*more\s*$/i;

/** Elements whose text a reader never sees as the article's. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript']);

/** Elements that end a run of text: their words are never run together with the next ones. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);

import type * as Htmlparser2 from 'htmlparser2';
import { onFirstUse } from '../vocabulary/on-first-use.js';
import { SCHEME } from '../vocabulary/values.js';

const htmlparser2 = onFirstUse<typeof Htmlparser2>('htmlparser2');

/** Attributes that hold a URL (or, for srcset, a list of them). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'srcset']);

/**
 * Makes relative URLs in HTML absolute against `base` (the article's link):
 * many readers ignore xml:base, and JSON Feed has none. Only the values of
 * href, src, srcset and poster change; every other byte stays as written.
 * Positions come from htmlparser2's tokenizer, never from regular
 * expressions: it knows comments, script and the other raw-text elements.
 */
export function absoluteUrls(html: string, base: string): string {
  // Most content has no attribute at all ("=" is found fast); of the rest, much has no URL attribute.
  if (!html.includes('=') || !/[\s/](?:href|src|srcset|poster)\s*=/i.test(html)) return html;
  const edits: { start: number; end: number; text: string }[] = [];
  // The attribute being read: its name, where it starts, and its value with references decoded.
  let name = '';
  let start = 0;
  let value = '';
  const ignore = () => {};
  const tokenizer = new (htmlparser2().Tokenizer)(
    { decodeEntities: true },
    {
      onattribname(from, to) {
        name = html.slice(from, to).toLowerCase();
        start = from;
        value = '';
      },
      onattribdata(from, to) {
        value += html.slice(from, to);
      },
      onattribentity(codePoint) {
        value += String.fromCodePoint(codePoint);
      },
      onattribend(_quote, end) {
        if (!URL_ATTRIBUTES.has(name)) return;
        const resolved = name === 'srcset' ? resolveSrcset(value, base) : resolve(value, base);
        if (resolved !== value) edits.push({ start, end, text: `${html.slice(start, start + name.length)}="${escapeAttribute(resolved)}"` });
      },
      oncdata: ignore,
      onclosetag: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onopentagend: ignore,
      onopentagname: ignore,
      onprocessinginstruction: ignore,
      onselfclosingtag: ignore,
      ontext: ignore,
      ontextentity: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (edits.length === 0) return html;
  let out = '';
  let from = 0;
  for (const edit of edits) {
    out += html.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return out + html.slice(from);
}

/** A URL with a scheme is left exactly as written; anything else is resolved. */
function resolve(value: string, base: string): string {
  const url = value.trim();
  if (url === '' || SCHEME.test(url)) return value;
  try {
    return new URL(url, base).href;
  } catch {
    return value;
  }
}

/** `a.jpg 1x, /b.jpg 2x`: each candidate's URL resolved, its descriptor kept. */
function resolveSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const m = /^(\s*)(\S+)(.*)$/s.exec(candidate);
      return m ? `${m[1]}${resolve(m[2]!, base)}${m[3]}` : candidate;
    })
    .join(',');
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

import { SAXParser } from 'parse5-sax-parser';
import { SCHEME } from './values.js';

/** Attributes that hold a URL (or, for srcset, a list of them). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'srcset']);

/**
 * Makes relative URLs in HTML absolute against `base` (the article's link):
 * many readers ignore xml:base, and JSON Feed has none. Only the values of
 * href, src, srcset and poster change; every other byte stays as written.
 * Positions come from an HTML tokenizer, never from regular expressions.
 */
export function absoluteUrls(html: string, base: string): string {
  if (!/\s(?:href|src|srcset|poster)\s*=/i.test(html)) return html;
  const edits: { start: number; end: number; text: string }[] = [];
  const parser = new TagScanner({ sourceCodeLocationInfo: true });
  parser.on('startTag', (tag) => {
    // With sourceCodeLocationInfo on, start tags carry the span of each attribute.
    const locations = (tag.sourceCodeLocation as { attrs?: Record<string, { startOffset: number; endOffset: number }> } | undefined)?.attrs;
    if (!locations) return;
    for (const { name, value } of tag.attrs) {
      if (!URL_ATTRIBUTES.has(name)) continue;
      const resolved = name === 'srcset' ? resolveSrcset(value, base) : resolve(value, base);
      const at = locations[name];
      if (resolved === value || at === undefined) continue;
      edits.push({ start: at.startOffset, end: at.endOffset, text: `${html.slice(at.startOffset, at.startOffset + name.length)}="${escapeAttribute(resolved)}"` });
    }
  });
  parser.write(html);
  parser.end();
  if (edits.length === 0) return html;
  let out = '';
  let from = 0;
  for (const edit of edits) {
    out += html.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return out + html.slice(from);
}

/**
 * parse5's SAX parser, without its text events: it builds a location object
 * for every character of text, which is most of its time, and only tags
 * matter here. The parser's tokenizer modes (script, style, foreign content)
 * are kept.
 */
class TagScanner extends SAXParser {
  override onCharacter(): void {}
  override onWhitespaceCharacter(): void {}
  override onNullCharacter(): void {}
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

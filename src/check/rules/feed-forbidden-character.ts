import { codePointName, mayHoldForbidden } from '../../vocabulary/formats.js';
import type { Rule } from './rule.js';

const RAW = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const REFERENCE = /&#(x[0-9a-fA-F]+|[0-9]+);/y;

/** XML 1.0, section 2.2: the Char production. */
const forbidden = (code: number): boolean =>
  (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff || code > 0x10ffff;


/** The CDATA sections and comments of a document, in order, as [start, end) offsets; one left open runs to the end. */
function* literalSections(text: string): Generator<{ readonly start: number; readonly end: number }> {
  for (let start = text.indexOf('<!'); start !== -1; ) {
    const close = text.startsWith('[CDATA[', start + 2) ? ']]>' : text.startsWith('--', start + 2) ? '-->' : undefined;
    if (close === undefined) {
      start = text.indexOf('<!', start + 2);
      continue;
    }
    const found = text.indexOf(close, start + 4);
    const end = found === -1 ? text.length : found + close.length;
    yield { start, end };
    start = text.indexOf('<!', end);
  }
}

export const rule: Rule = {
  meta: {
    id: 'feed/forbidden-character',
    severity: 'error',
    description: 'An XML feed must not hold a character XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE; U+FFFF; lone surrogates), written or referenced.',
    spec: 'XML 1.0, section 2.2',
    w3c: 'SAXError',
    formats: ['rss', 'atom', 'rdf'],
  },
  create: (context) => ({
    source(text, offset) {
      if (mayHoldForbidden(text)) {
        for (const m of text.matchAll(RAW)) {
          const code = m[0].charCodeAt(0);
          context.report(offset + m.index, `holds the character ${codePointName(code)}, which XML 1.0 forbids, so strict readers reject the whole feed; remove it from the text it came from`);
        }
      }
      // Character references, found by indexOf: a feed can hold many (RSS writes & as &#x26;).
      // In a CDATA section or a comment "&#1;" is only text (HTML in CDATA may hold it): those are passed over.
      let at = text.indexOf('&#');
      if (at === -1) return;
      const literal = literalSections(text);
      let section = literal.next();
      for (; at !== -1; at = text.indexOf('&#', at + 2)) {
        while (!section.done && section.value.end <= at) section = literal.next();
        if (!section.done && section.value.start <= at) {
          at = section.value.end;
          continue;
        }
        REFERENCE.lastIndex = at;
        const m = REFERENCE.exec(text);
        if (!m) continue;
        const ref = m[1]!;
        const code = ref.startsWith('x') ? parseInt(ref.slice(1), 16) : Number(ref);
        if (forbidden(code)) context.report(offset + at, `"${m[0]}" refers to ${codePointName(code)}, a character XML 1.0 forbids even as a reference; remove it`);
      }
    },
  }),
};

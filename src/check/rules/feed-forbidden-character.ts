import type { Rule } from './rule.js';

const RAW = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|&#(x[0-9a-fA-F]+|[0-9]+);/g;

/** XML 1.0, section 2.2: the Char production. */
const forbidden = (code: number): boolean =>
  (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff || code > 0x10ffff;

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

export const rule: Rule = {
  meta: {
    id: 'feed/forbidden-character',
    severity: 'error',
    description: 'An XML feed must not hold a character XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE; U+FFFF; lone surrogates), written or referenced.',
    spec: 'XML 1.0, section 2.2',
    w3c: 'SAXError',
    formats: ['rss', 'atom'],
  },
  create: (context) => ({
    source(text) {
      for (const m of text.matchAll(RAW)) {
        const ref = m[1];
        if (ref === undefined) {
          const code = m[0].charCodeAt(0);
          context.report(m.index, `holds the character ${hex(code)}, which XML 1.0 forbids, so strict readers reject the whole feed; remove it from the text it came from`);
        } else {
          const code = ref.startsWith('x') ? parseInt(ref.slice(1), 16) : Number(ref);
          if (forbidden(code)) {
            context.report(m.index, `"${m[0]}" refers to ${hex(code)}, a character XML 1.0 forbids even as a reference; remove it`);
          }
        }
      }
    },
  }),
};

/** What the RSS and Atom renderers share: escaping by construction, so every document is well-formed. */

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const TEXT = /[&<>]/;
const TEXT_ALL = /[&<>]/g;
const ATTR = /[&<>"\t\n\r]/;
const ATTR_ALL = /[&<>"\t\n\r]/g;
const TEXT_REFS: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// Tab, LF and CR as references: a parser would turn them into spaces in an attribute value.
const ATTR_REFS: Readonly<Record<string, string>> = { ...TEXT_REFS, '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };
// The RSS Best Practices Profile asks for hexadecimal references in plain-text elements.
const RSS_REFS: Readonly<Record<string, string>> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;' };

/** Text content of an element. */
export const escapeText = (text: string): string => (TEXT.test(text) ? text.replace(TEXT_ALL, (c) => TEXT_REFS[c]!) : text);

/** A double-quoted attribute value. */
export const escapeAttr = (text: string): string => (ATTR.test(text) ? text.replace(ATTR_ALL, (c) => ATTR_REFS[c]!) : text);

/** Plain text in RSS (titles, names, categories): `&` and `<` as `&#x26;` and `&#x3C;`. */
export const escapeRssText = (text: string): string => (TEXT.test(text) ? text.replace(TEXT_ALL, (c) => RSS_REFS[c]!) : text);

/**
 * HTML as element content: in CDATA when it holds markup (readers and
 * parsers handle it faster and it stays readable), escaped otherwise. A
 * `]]>` inside is split across two sections, every time it occurs.
 */
export function escapeHtmlContent(html: string): string {
  if (!html.includes('<')) return escapeText(html);
  return `<![CDATA[${html.includes(']]>') ? html.replaceAll(']]>', ']]]]><![CDATA[>') : html}]]>`;
}

export function attributes(attrs: Readonly<Record<string, string | undefined>>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) out += ` ${name}="${escapeAttr(value)}"`;
  return out;
}

/** An indented line of XML; `depth` counts two-space steps. */
export const indent = (depth: number, line: string): string => '  '.repeat(depth) + line;

export function stylesheetInstruction(href: string): string {
  return `<?xml-stylesheet href="${escapeAttr(href)}" type="text/xsl"?>`;
}

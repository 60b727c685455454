import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XML_FORBIDDEN } from '../formats.js';

/** Elements that may repeat, read as arrays whether they occur once or many times. */
const REPEATED = new Set(['item', 'entry', 'category', 'author', 'dc:creator', 'link', 'atom:link', 'enclosure', 'contributor']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Values stay exactly as written: no number parsing, no trimming.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Decodes numeric character references (&#x26;) as well as named ones.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
});

export type XmlNode = Record<string, unknown>;

export type XmlParse = { readonly ok: true; readonly doc: XmlNode } | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/**
 * Parses XML with fast-xml-parser, its validator first: the parser alone can
 * return a partial tree for an ill-formed document without any error.
 */
export function parseXml(source: string): XmlParse {
  // The validator lets characters through that XML 1.0 forbids (its Char production).
  const forbidden = XML_FORBIDDEN.exec(source);
  if (forbidden) {
    const before = source.slice(0, forbidden.index);
    const line = before.split('\n').length;
    const column = forbidden.index - before.lastIndexOf('\n');
    const code = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, line, column, message: `U+${code} is a character XML 1.0 forbids` };
  }
  const valid = XMLValidator.validate(source);
  if (valid !== true) return { ok: false, line: valid.err.line, column: valid.err.col, message: valid.err.msg };
  return { ok: true, doc: parser.parse(source) as XmlNode };
}

/** The text of an element that may carry attributes; undefined when it is absent. */
export function textOf(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && !Array.isArray(node)) {
    const text = (node as XmlNode)['#text'];
    return typeof text === 'string' ? text : '';
  }
  if (Array.isArray(node)) return textOf(node[0]);
  return String(node);
}

export const attrOf = (node: unknown, name: string): string | undefined => {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as XmlNode)[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
};

export const childOf = (node: unknown, name: string): unknown =>
  typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as XmlNode)[name] : undefined;

export const listOf = (node: unknown): unknown[] => (node === undefined ? [] : Array.isArray(node) ? node : [node]);

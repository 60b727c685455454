import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A second XML parser, independent of the checker's own scan: the property
 * tests read what they need a second time with fast-xml-parser.
 */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author'].includes(name),
});

export function parseXml(source: string): { ok: true; doc: XmlNode } | { ok: false; message: string } {
  const valid = XMLValidator.validate(source);
  if (valid !== true) return { ok: false, message: valid.err.msg };
  return { ok: true, doc: parser.parse(source) as XmlNode };
}

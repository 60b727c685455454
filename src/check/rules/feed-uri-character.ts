import { uriCharacterProblem } from '../../vocabulary/values.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** Attributes that hold a URI reference, relative ones included, on any element of these formats. */
const ANY_ELEMENT: Readonly<Record<string, readonly string[]>> = {
  rss: ['xml:base'],
  atom: ['xml:base'],
  rdf: ['xml:base', 'rdf:about', 'rdf:resource'],
};

/**
 * The places, beyond the links rss/absolute-url and atom/id-absolute check as
 * full URLs, where a document writes a URI reference that may be relative.
 */
export const rule: Rule = {
  meta: {
    id: 'feed/uri-character',
    severity: 'error',
    description:
      'A URI reference (an Atom link, uri, icon, logo or content src, an RSS 1.0 link or rdf:about, any xml:base) holds no space or other character a URI cannot hold, and a "%" only as an escape.',
    spec: 'RFC 3986, section 2; RFC 3987, section 2.2; RFC 4287, section 3.1 (atomUri)',
    w3c: 'InvalidIRI',
    formats: ['rss', 'atom', 'rdf'],
  },
  create: (context) => {
    const attributes = ANY_ELEMENT[context.format] ?? [];
    const check = (where: XmlElement | { offset: number }, name: string, value: string) => {
      const problem = uriCharacterProblem(value);
      if (problem !== undefined) context.report(where, `${name} ${problem}`, { expected: 'a URI reference', actual: value.trim() });
    };
    const attribute = (name: string) => (el: XmlElement) => {
      const attr = el.attribute(name);
      if (attr !== undefined) check(attr, `the ${name} of <${el.name}>`, attr.value);
    };
    const text = (el: XmlElement) => check(el, `<${el.name}>`, el.text);
    const elements: Record<string, (el: XmlElement) => void> = {
      '*': (el) => {
        if (el.attributes.length === 0) return;
        for (const name of attributes) attribute(name)(el);
      },
      'atom:uri': text,
      'atom:icon': text,
      'atom:logo': text,
      'atom:content': attribute('src'),
      'atom:generator': attribute('uri'),
      'rss1:link': text,
      'rss1:url': text,
    };
    // In RSS, rss/absolute-url checks an atom:link's href as a full URL.
    if (context.format !== 'rss') elements['atom:link'] = attribute('href');
    return { elements };
  },
};

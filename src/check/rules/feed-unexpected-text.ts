import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** Elements that hold only elements (white space between them aside), with the parent each must have, or '' for any. */
const ELEMENTS_ONLY: Readonly<Record<string, string>> = {
  rss: '',
  channel: 'rss',
  item: 'channel',
  image: 'channel',
  textInput: 'channel',
  skipHours: 'channel',
  skipDays: 'channel',
  'atom:feed': '',
  'atom:entry': '',
  'atom:author': '',
  'atom:contributor': '',
  'atom:source': '',
  'rdf:RDF': '',
  'rdf:Seq': '',
  'rss1:channel': '',
  'rss1:item': '',
  'rss1:image': '',
  'rss1:textinput': '',
  'rss1:items': '',
};

export const rule: Rule = {
  meta: {
    id: 'feed/unexpected-text',
    severity: 'error',
    description:
      'Text stands only in elements that hold text: an RSS channel or item, an Atom feed, entry, author or source, and the RSS 1.0 channel and items hold elements and white space, never text of their own.',
    spec: 'RSS 2.0, "Required channel elements" and "Elements of <item>"; RFC 4287, section 3.2 and 4.1; RSS 1.0, section 5',
    w3c: 'UnexpectedText',
    formats: ['rss', 'atom', 'rdf'],
  },
  create: (context) => {
    const visit = (el: XmlElement) => {
      if (!/\S/.test(el.text)) return;
      const parent = ELEMENTS_ONLY[el.key];
      if (parent !== '' && el.parent?.key !== parent) return;
      const text = el.text.trim().replace(/\s+/g, ' ');
      const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
      context.report(el, `<${el.name}> holds the text ${JSON.stringify(shown)} beside its elements, where only elements may stand; move it into the element it belongs to, or remove it`);
    };
    return { elements: Object.fromEntries(Object.keys(ELEMENTS_ONLY).map((key) => [key, visit])) };
  },
};

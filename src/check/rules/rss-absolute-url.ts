import { checkUrl } from '../values.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** Elements whose text is a URL, by the element that holds them. */
const URL_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  channel: ['link', 'docs'],
  item: ['link', 'comments'],
  image: ['url', 'link'],
  textInput: ['link'],
};

export const rule: Rule = {
  meta: {
    id: 'rss/absolute-url',
    severity: 'error',
    description: 'Links (channel, item, image, comments, docs, source, atom:link) must be full URLs with a scheme and a host.',
    spec: 'RSS 2.0, "Required channel elements" and "Elements of <item>"; RFC 4287, section 4.2.7.1',
    w3c: 'InvalidFullLink',
    formats: ['rss'],
  },
  create: (context) => {
    const check = (where: XmlElement | { offset: number }, name: string, value: string) => {
      const url = checkUrl(value);
      if (!url.ok) context.report(where, `${name} ${url.reason}; RSS readers need a full URL, such as "https://example.com/path"`, { expected: 'a full URL', actual: value.trim() });
    };
    const text = (el: XmlElement) => {
      const parent = el.parent?.key;
      if (parent !== undefined && URL_ELEMENTS[parent]?.includes(el.key)) check(el, `<${el.name}>`, el.text);
    };
    const attribute = (name: string) => (el: XmlElement) => {
      const attr = el.attribute(name);
      if (attr !== undefined) check(attr, `the ${name} of <${el.name}>`, attr.value);
    };
    return { elements: { link: text, docs: text, comments: text, url: text, source: attribute('url'), 'atom:link': attribute('href') } };
  },
};

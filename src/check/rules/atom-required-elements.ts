import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

const REQUIRED = [
  ['id', 'a permanent, absolute IRI, such as "tag:example.com,2024-05-16:name"'],
  ['title', 'a title'],
  ['updated', 'the last time it changed, such as "2024-05-16T11:55:00+08:00"'],
] as const;

export const rule: Rule = {
  meta: {
    id: 'atom/required-elements',
    severity: 'error',
    description: 'A feed and each entry must have an id, a title and updated; an entry without content must have an alternate link; a link has an href, a category a term.',
    spec: 'RFC 4287, sections 4.1.1, 4.1.2, 4.2.2 and 4.2.7',
    w3c: 'MissingElement',
    formats: ['atom'],
  },
  create: (context) => {
    const check = (el: XmlElement, what: string) => {
      for (const [name, hint] of REQUIRED) {
        if (el.child(`atom:${name}`) === undefined) context.report(el, `${what} has no <${name}>, which RFC 4287 requires; add <${name}> with ${hint}`);
      }
    };
    return {
      elements: {
        'atom:feed': (feed) => check(feed, '<feed>'),
        'atom:link': (link) => (link.attribute('href') === undefined ? context.report(link, '<link> has no href, which RFC 4287 requires; add href="..." with the URL it points to') : undefined),
        'atom:category': (category) => (category.attribute('term') === undefined ? context.report(category, '<category> has no term, which RFC 4287 requires; add term="..." with the category') : undefined),
        'atom:entry': (entry) => {
          check(entry, '<entry>');
          const alternate = entry.childrenOf('atom:link').some((l) => (l.attr('rel') ?? 'alternate') === 'alternate');
          if (entry.child('atom:content') === undefined && !alternate) {
            context.report(entry, '<entry> has neither <content> nor <link rel="alternate">; RFC 4287 requires one, or readers have nothing to open; add a link to the article');
          }
        },
      },
    };
  },
};

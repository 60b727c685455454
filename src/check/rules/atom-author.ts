import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

const hasAuthor = (el: XmlElement | undefined): boolean => el !== undefined && el.child('atom:author') !== undefined;

export const rule: Rule = {
  meta: {
    id: 'atom/author',
    severity: 'error',
    description: 'Every entry must have an author: its own, its source\'s, or the feed\'s (an entry standing alone, its own or its source\'s).',
    spec: 'RFC 4287, sections 4.1.1 and 4.1.2',
    w3c: 'MissingElement',
    formats: ['atom'],
  },
  create: (context) => {
    // Entries are judged as they close and only their offsets kept: the feed's author may come after them, and a build lets each entry go once checked.
    const authorless: number[] = [];
    return {
      elements: {
        'atom:entry'(entry) {
          if (hasAuthor(entry) || hasAuthor(entry.child('atom:source'))) return;
          if (entry.parent?.key === 'atom:feed') authorless.push(entry.offset);
          // An Atom Entry Document has no feed to take an author from.
          else if (entry.parent === undefined) context.report(entry, '<entry> has no <author>, which RFC 4287 requires of an entry standing alone; add <author><name>...</name></author>');
        },
        'atom:feed'(feed) {
          if (hasAuthor(feed)) return;
          for (const offset of authorless) {
            context.report(offset, '<entry> has no <author>, and neither has the <feed>; RFC 4287 requires one; add <author><name>...</name></author> to the feed or to every entry');
          }
        },
      },
    };
  },
};

import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** The elements RFC 4287 gives a feed, and an entry, at most once. */
const FEED_ONCE: ReadonlySet<string> = new Set(['atom:id', 'atom:title', 'atom:subtitle', 'atom:updated', 'atom:rights', 'atom:icon', 'atom:logo', 'atom:generator']);
const ENTRY_ONCE: ReadonlySet<string> = new Set(['atom:id', 'atom:title', 'atom:updated', 'atom:published', 'atom:summary', 'atom:content', 'atom:rights', 'atom:source']);
const PERSON_ONCE: ReadonlySet<string> = new Set(['atom:name', 'atom:uri', 'atom:email']);

/** An alternate link's type and hreflang, which no two alternate links of one parent may share (RFC 4287, 4.1.1). */
const alternateKey = (link: XmlElement): string | undefined =>
  (link.attr('rel') ?? 'alternate') === 'alternate' ? `${link.attr('type') ?? ''} ${link.attr('hreflang') ?? ''}` : undefined;

export const rule: Rule = {
  meta: {
    id: 'atom/duplicate-element',
    severity: 'error',
    description:
      'A feed, an entry or a source must not repeat an element RFC 4287 allows once, such as id, title or updated, nor hold two alternate links of the same type and hreflang; an author or contributor has one name, uri and email.',
    spec: 'RFC 4287, sections 3.2, 4.1.1, 4.1.2 and 4.2.11',
    w3c: 'DuplicateElement',
    formats: ['atom'],
  },
  create: (context) => {
    const line = (el: XmlElement) => context.position(el)?.line ?? '?';
    const once = (parent: XmlElement, names: ReadonlySet<string>) => {
      for (const [first, again] of parent.repeats(names)) {
        context.report(again, `<${parent.local}> has a second <${again.local}> (the first is at line ${line(first)}); RFC 4287 allows one: keep one`);
      }
    };
    const withLinks = (names: ReadonlySet<string>) => (parent: XmlElement) => {
      once(parent, names);
      const alternates = new Map<string, XmlElement>();
      for (const link of parent.childrenOf('atom:link')) {
        const key = alternateKey(link);
        if (key === undefined) continue;
        const first = alternates.get(key);
        if (first === undefined) alternates.set(key, link);
        else context.report(link, `<${parent.local}> has a second alternate <link> of the same type and hreflang (the first is at line ${line(first)}); RFC 4287 allows one: keep one, or give each its own type or hreflang`);
      }
    };
    const person = (el: XmlElement) => once(el, PERSON_ONCE);
    return {
      elements: {
        'atom:feed': withLinks(FEED_ONCE),
        'atom:entry': withLinks(ENTRY_ONCE),
        'atom:source': withLinks(FEED_ONCE),
        'atom:author': person,
        'atom:contributor': person,
      },
    };
  },
};

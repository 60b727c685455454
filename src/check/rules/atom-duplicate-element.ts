import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** The elements RFC 4287 gives a feed, and an entry, at most once. */
const FEED_ONCE: ReadonlySet<string> = new Set(['atom:id', 'atom:title', 'atom:subtitle', 'atom:updated', 'atom:rights', 'atom:icon', 'atom:logo', 'atom:generator']);
const ENTRY_ONCE: ReadonlySet<string> = new Set(['atom:id', 'atom:title', 'atom:updated', 'atom:published', 'atom:summary', 'atom:content', 'atom:rights', 'atom:source']);

export const rule: Rule = {
  meta: {
    id: 'atom/duplicate-element',
    severity: 'error',
    description: 'A feed or an entry must not repeat an element RFC 4287 allows once, such as id, title or updated.',
    spec: 'RFC 4287, sections 4.1.1 and 4.1.2',
    w3c: 'DuplicateElement',
    formats: ['atom'],
  },
  create: (context) => {
    const once = (parent: XmlElement, names: ReadonlySet<string>) => {
      for (const [first, again] of parent.repeats(names)) {
        context.report(again, `<${parent.local}> has a second <${again.local}> (the first is at line ${context.position(first)?.line ?? '?'}); RFC 4287 allows one: keep one`);
      }
    };
    return { elements: { 'atom:feed': (el) => once(el, FEED_ONCE), 'atom:entry': (el) => once(el, ENTRY_ONCE) } };
  },
};

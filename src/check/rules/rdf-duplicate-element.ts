import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** The elements RSS 1.0 gives each of its elements once. */
const ONCE: ReadonlySet<string> = new Set(['rss1:title', 'rss1:link', 'rss1:description', 'rss1:url', 'rss1:name', 'rss1:items', 'rss1:image', 'rss1:textinput']);

export const rule: Rule = {
  meta: {
    id: 'rdf/duplicate-element',
    severity: 'error',
    description: 'A channel, item, image or text input must not repeat an element RSS 1.0 gives it once, such as title or link.',
    spec: 'RSS 1.0, section 5 ("Core Syntax")',
    w3c: 'DuplicateElement',
    formats: ['rdf'],
  },
  create: (context) => {
    const once = (parent: XmlElement) => {
      for (const [first, again] of parent.repeats(ONCE)) {
        context.report(again, `<${parent.local}> has a second <${again.local}> (the first is at line ${context.position(first)?.line ?? '?'}); RSS 1.0 gives it one: keep one`);
      }
    };
    return { elements: { 'rss1:channel': once, 'rss1:item': once, 'rss1:image': once, 'rss1:textinput': once } };
  },
};

import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** The elements RSS 2.0 gives a channel, and an item, once each. */
const CHANNEL_ONCE: ReadonlySet<string> = new Set(['title', 'link', 'description', 'language', 'copyright', 'managingEditor', 'webMaster', 'pubDate', 'lastBuildDate', 'generator', 'docs', 'ttl', 'image', 'cloud', 'textInput', 'skipHours', 'skipDays']);
const ITEM_ONCE: ReadonlySet<string> = new Set(['title', 'link', 'description', 'author', 'comments', 'guid', 'pubDate', 'source']);
const IMAGE_ONCE: ReadonlySet<string> = new Set(['url', 'title', 'link', 'width', 'height', 'description']);
const TEXT_INPUT_ONCE: ReadonlySet<string> = new Set(['title', 'description', 'name', 'link']);

export const rule: Rule = {
  meta: {
    id: 'rss/duplicate-element',
    severity: 'error',
    description: 'A channel, an item, the channel\'s image or text input must not repeat an element RSS 2.0 gives it once, such as title, link or pubDate.',
    spec: 'RSS 2.0, "Required channel elements", "Optional channel elements" and "Elements of <item>"',
    w3c: 'DuplicateElement',
    formats: ['rss'],
  },
  create: (context) => {
    const once = (parent: XmlElement, names: ReadonlySet<string>) => {
      for (const [first, again] of parent.repeats(names)) {
        context.report(again, `<${parent.name}> has a second <${again.name}> (the first is at line ${context.position(first)?.line ?? '?'}); RSS 2.0 gives it one: keep one`);
      }
    };
    return {
      elements: {
        channel: (el) => once(el, CHANNEL_ONCE),
        item: (el) => once(el, ITEM_ONCE),
        image: (el) => (el.parent?.key === 'channel' ? once(el, IMAGE_ONCE) : undefined),
        textInput: (el) => (el.parent?.key === 'channel' ? once(el, TEXT_INPUT_ONCE) : undefined),
      },
    };
  },
};

import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** What a channel's image and text input hold (RSS 2.0, "<image> sub-element of <channel>", "<textInput> sub-element of <channel>"). */
const REQUIRED: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  image: [
    ['url', 'the URL of a GIF, JPEG or PNG image'],
    ['title', "the image's alt text, as a rule the channel's title"],
    ['link', "the URL the image links to, as a rule the channel's link"],
  ],
  textInput: [
    ['title', 'the label of its Submit button'],
    ['description', 'what the text box is for'],
    ['name', 'the name of the text object'],
    ['link', 'the URL of the program that reads the request'],
  ],
};
const LARGEST = { width: 144, height: 400 } as const;
const DAYS: ReadonlySet<string> = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

export const rule: Rule = {
  meta: {
    id: 'rss/channel-parts',
    severity: 'error',
    description:
      "A channel's image has a url, a title and a link, and a width up to 144 and a height up to 400 pixels; its textInput a title, description, name and link; skipHours holds hours 0 to 23, skipDays days of the week, ttl a number of minutes.",
    spec: 'RSS 2.0, "Optional channel elements" and the sub-elements of <channel>',
    w3c: 'MissingElement',
    formats: ['rss'],
  },
  create: (context) => {
    const inChannel = (visit: (el: XmlElement) => void) => (el: XmlElement) => (el.parent?.key === 'channel' ? visit(el) : undefined);
    const required = (el: XmlElement) => {
      for (const [name, what] of REQUIRED[el.key]!) {
        if (el.child(name) === undefined) context.report(el, `<${el.name}> has no <${name}>, which RSS 2.0 requires; add <${name}> with ${what}`);
      }
    };
    const image = (el: XmlElement) => {
      required(el);
      for (const name of ['width', 'height'] as const) {
        const size = el.child(name);
        const value = size?.text.trim();
        if (size !== undefined && value !== undefined && (!/^\d+$/.test(value) || Number(value) === 0 || Number(value) > LARGEST[name])) {
          context.report(size, `<${name}> of <image> is ${JSON.stringify(value)}; RSS 2.0 takes a whole number of pixels from 1 to ${LARGEST[name]}`);
        }
      }
    };
    const list = (child: string, fits: (value: string) => boolean, what: string) => (el: XmlElement) => {
      const items = el.childrenOf(child);
      if (items.length === 0) context.report(el, `<${el.name}> holds no <${child}>; list ${what} in it, or remove it`);
      for (const item of items) if (!fits(item.text.trim())) context.report(item, `<${child}> is ${JSON.stringify(item.text.trim())}; RSS 2.0 takes ${what}`);
    };
    return {
      elements: {
        image: inChannel(image),
        textInput: inChannel(required),
        skipHours: inChannel(list('hour', (v) => /^\d+$/.test(v) && Number(v) <= 23, 'hours from 0 to 23')),
        skipDays: inChannel(list('day', (v) => DAYS.has(v), 'days named in English, from Monday to Sunday')),
        ttl: inChannel((el) => {
          if (!/^\d+$/.test(el.text.trim())) context.report(el, `<ttl> is ${JSON.stringify(el.text.trim())}; RSS 2.0 takes a whole number of minutes`);
        }),
      },
    };
  },
};

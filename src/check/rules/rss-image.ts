import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** What a channel's image holds, and its largest width and height (RSS 2.0, "<image> sub-element of <channel>"). */
const REQUIRED = [
  ['url', 'the URL of a GIF, JPEG or PNG image'],
  ['title', 'the image\'s alt text, as a rule the channel\'s title'],
  ['link', 'the URL the image links to, as a rule the channel\'s link'],
] as const;
const LARGEST = { width: 144, height: 400 } as const;

export const rule: Rule = {
  meta: {
    id: 'rss/image',
    severity: 'error',
    description: 'A channel\'s image has a url, a title and a link; its width, when given, is a whole number of pixels up to 144, its height up to 400.',
    spec: 'RSS 2.0, "<image> sub-element of <channel>"',
    w3c: 'MissingElement',
    formats: ['rss'],
  },
  create: (context) => ({
    elements: {
      image(image: XmlElement) {
        if (image.parent?.key !== 'channel') return;
        for (const [name, what] of REQUIRED) {
          if (image.child(name) === undefined) context.report(image, `<image> has no <${name}>, which RSS 2.0 requires; add <${name}> with ${what}`);
        }
        for (const name of ['width', 'height'] as const) {
          const el = image.child(name);
          if (el === undefined) continue;
          const value = el.text.trim();
          if (!/^\d+$/.test(value) || Number(value) === 0 || Number(value) > LARGEST[name]) {
            context.report(el, `<${name}> of <image> is ${JSON.stringify(value)}; RSS 2.0 takes a whole number of pixels from 1 to ${LARGEST[name]}`);
          }
        }
      },
    },
  }),
};

import { isLanguageTag } from '../../vocabulary/values.js';
import { checkUrl } from '../values.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

const WHOLE = /^\d+$/;
const NUMBER = /^\d+(\.\d+)?$/;
/** Normal play time: "now", seconds, or h:mm:ss with a fraction, minutes and seconds of one or two digits (RFC 2326, section 3.6). */
const NPT = /^(now|\d+(\.\d+)?|\d+:[0-5]?\d:[0-5]?\d(\.\d+)?)$/;
const CONTENT_ATTRIBUTES: Readonly<Record<string, readonly [RegExp, string]>> = {
  fileSize: [WHOLE, 'a whole number of bytes'],
  width: [WHOLE, 'a whole number of pixels'],
  height: [WHOLE, 'a whole number of pixels'],
  channels: [WHOLE, 'a whole number of audio channels'],
  duration: [NUMBER, 'a number of seconds'],
  bitrate: [NUMBER, 'a number of kilobits a second'],
  framerate: [NUMBER, 'a number of frames a second'],
  samplingrate: [NUMBER, 'a number of kilohertz'],
  isDefault: [/^(true|false)$/, '"true" or "false"'],
  expression: [/^(sample|full|nonstop)$/, '"sample", "full" or "nonstop"'],
};
const SIZE: Readonly<Record<string, readonly [RegExp, string]>> = { width: CONTENT_ATTRIBUTES.width!, height: CONTENT_ATTRIBUTES.height! };
/** The values of the rating schemes the specification names; any other scheme is a URI of its own. */
const RATINGS: Readonly<Record<string, ReadonlySet<string>>> = {
  'urn:simple': new Set(['adult', 'nonadult']),
  'urn:mpaa': new Set(['g', 'pg', 'pg-13', 'r', 'nc-17']),
  'urn:v-chip': new Set(['tv-y', 'tv-y7', 'tv-y7-fv', 'tv-g', 'tv-pg', 'tv-14', 'tv-ma']),
};
const HASH_LENGTH: Readonly<Record<string, number>> = { md5: 32, 'sha-1': 40 };
const ONCE: ReadonlySet<string> = new Set(['media:title', 'media:description']);

export const rule: Rule = {
  meta: {
    id: 'media/values',
    severity: 'error',
    description:
      'Media RSS values are of their kind: sizes, durations and rates numbers; a title, description or text of type "plain" or "html", each once where it stands; a hash as long as its algorithm gives; a rating from its scheme; a restriction "allow" or "deny", of countries, URLs or "all"/"none"; a thumbnail time in normal play time.',
    spec: 'Media RSS 1.5.1, "Optional Elements" (media:content, media:title, media:hash, media:rating, media:restriction, media:thumbnail)',
    w3c: 'InvalidMediaTextType',
    formats: ['rss', 'atom'],
    profile: 'media',
  },
  create: (context) => {
    const attributes = (el: XmlElement, kinds: Readonly<Record<string, readonly [RegExp, string]>>) => {
      if (el.attributes.length === 0) return;
      for (const [name, [shape, what]] of Object.entries(kinds)) {
        const attr = el.attribute(name);
        if (attr !== undefined && !shape.test(attr.value.trim())) context.report(attr, `the ${name} of <${el.name}> is ${JSON.stringify(attr.value)}; Media RSS takes ${what}`);
      }
    };
    const text = (el: XmlElement) => {
      const type = el.attribute('type');
      if (type !== undefined && type.value !== 'plain' && type.value !== 'html') context.report(type, `the type of <${el.name}> is ${JSON.stringify(type.value)}; Media RSS takes "plain" or "html"`);
    };
    const once = (parent: XmlElement) => {
      for (const [first, again] of parent.repeats(ONCE)) context.report(again, `<${parent.name}> has a second <${again.name}> (the first is at line ${context.position(first)?.line ?? '?'}); Media RSS gives it one: keep one`);
    };
    return {
      elements: {
        'media:content': (el) => {
          attributes(el, CONTENT_ATTRIBUTES);
          once(el);
        },
        'media:group': once,
        item: once,
        'atom:entry': once,
        'media:thumbnail': (el) => {
          attributes(el, SIZE);
          const time = el.attribute('time');
          if (time !== undefined && !NPT.test(time.value.trim())) context.report(time, `the time of <media:thumbnail> is ${JSON.stringify(time.value)}; write it in seconds ("42") or as h:mm:ss ("1:22:33.007")`);
        },
        'media:player': (el) => {
          attributes(el, SIZE);
          const url = el.attribute('url');
          if (url !== undefined && !checkUrl(url.value).ok) context.report(url, `the url of <media:player> must be a full URL; found ${JSON.stringify(url.value)}`);
        },
        'media:title': text,
        'media:description': text,
        'media:text': (el) => {
          text(el);
          const lang = el.attribute('lang');
          if (lang !== undefined && !isLanguageTag(lang.value)) context.report(lang, `the lang of <media:text> is ${JSON.stringify(lang.value)}, which is not a language tag such as "en"`);
        },
        'media:hash': (el) => {
          const algo = el.attr('algo') ?? 'md5';
          const length = HASH_LENGTH[algo];
          if (length === undefined) return context.report(el, `the algo of <media:hash> is ${JSON.stringify(algo)}; Media RSS takes "md5" or "sha-1"`);
          if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(el.text.trim())) context.report(el, `<media:hash> is not ${length} hexadecimal digits, as an ${algo} hash is`);
        },
        'media:rating': (el) => {
          const scheme = el.attr('scheme') ?? 'urn:simple';
          const values = RATINGS[scheme];
          if (values !== undefined) {
            if (!values.has(el.text.trim().toLowerCase())) context.report(el, `<media:rating> is ${JSON.stringify(el.text.trim())}, not a rating of ${scheme}: one of ${[...values].join(', ')}`);
          } else if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(scheme)) {
            context.report(el.attribute('scheme') ?? el, `the scheme of <media:rating> must be a URI such as "urn:mpaa"; found ${JSON.stringify(scheme)}`);
          }
        },
        'media:restriction': (el) => {
          const relationship = el.attr('relationship');
          if (relationship !== 'allow' && relationship !== 'deny') context.report(el, `<media:restriction> needs relationship="allow" or relationship="deny"`);
          const type = el.attr('type');
          const values = el.text.trim().split(/\s+/).filter(Boolean);
          const fits =
            type === 'country' ? (v: string) => /^[A-Za-z]{2}$/.test(v)
            : type === 'uri' ? (v: string) => checkUrl(v).ok
            : type === 'sharing' || type === undefined ? (v: string) => v === 'all' || v === 'none'
            : undefined;
          if (fits === undefined) return context.report(el, `the type of <media:restriction> is ${JSON.stringify(type)}; Media RSS takes "country", "uri" or "sharing"`);
          const bad = values.find((v) => !fits(v));
          if (bad !== undefined && !(values.length === 1 && (bad === 'all' || bad === 'none'))) {
            context.report(el, `<media:restriction> holds ${JSON.stringify(bad)}, which is not ${type === 'country' ? 'a two-letter country code' : type === 'uri' ? 'a full URL' : '"all" or "none"'}`);
          }
        },
      },
    };
  },
};

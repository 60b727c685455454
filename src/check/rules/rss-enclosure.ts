import { checkUrl } from '../values.js';
import type { Rule } from './rule.js';

const MEDIA_TYPE = /^[^\s()<>,;:\\"/[\]?=]+\/[^\s()<>,;:\\"/[\]?=]+$/;

export const rule: Rule = {
  meta: {
    id: 'rss/enclosure',
    severity: 'error',
    description: 'An enclosure must have a full http(s) url, a length in bytes (0 when unknown) and a media type.',
    spec: 'RSS 2.0, "<enclosure> sub-element of <item>"',
    w3c: 'MissingAttribute',
    formats: ['rss'],
  },
  create: (context) => ({
    elements: {
      enclosure(el) {
        const url = el.attribute('url');
        const length = el.attribute('length');
        const type = el.attribute('type');
        const missing = [url ? '' : 'url', length ? '' : 'length', type ? '' : 'type'].filter(Boolean);
        if (missing.length > 0) {
          context.report(el, `<enclosure> has no ${missing.join(', no ')}; RSS 2.0 requires url, length and type, as <enclosure url="https://example.com/a.mp3" length="1234" type="audio/mpeg"/> (length="0" when the size is unknown)`);
        }
        if (url) {
          const checked = checkUrl(url.value);
          const scheme = url.value.trim().split(':')[0]?.toLowerCase();
          if (!checked.ok) context.report(url, `the url of <enclosure> ${checked.reason}; write the file's full http(s) URL`);
          else if (scheme !== 'http' && scheme !== 'https') context.report(url, `the url of <enclosure> "${url.value}" is not an http(s) URL; readers download enclosures over http(s)`);
        }
        if (length && !/^\d+$/.test(length.value.trim())) {
          context.report(length, `the length of <enclosure> is "${length.value}"; it must be the file's size in bytes, a whole number (0 when unknown)`);
        }
        if (type && !MEDIA_TYPE.test(type.value.trim())) {
          context.report(type, `the type of <enclosure> is "${type.value}", which is not a media type; write one such as "audio/mpeg" or "image/jpeg"`);
        }
      },
    },
  }),
};

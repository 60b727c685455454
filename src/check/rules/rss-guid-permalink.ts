import { checkUrl } from '../values.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'rss/guid-permalink',
    severity: 'error',
    description: 'A guid is a permalink unless isPermaLink="false", and a permalink must be a full http(s) URL; isPermaLink is "true" or "false".',
    spec: 'RSS 2.0, "<guid> sub-element of <item>"',
    w3c: 'InvalidHttpGUID',
    formats: ['rss'],
  },
  create: (context) => ({
    elements: {
      guid(guid) {
        const flag = guid.attribute('isPermaLink');
        if (flag !== undefined && flag.value !== 'true' && flag.value !== 'false') {
          context.report(flag, `isPermaLink is "${flag.value}"; it must be "true" or "false" (lowercase)`);
          return;
        }
        if (flag?.value === 'false') return;
        const url = checkUrl(guid.text);
        const scheme = guid.text.trim().split(':')[0]?.toLowerCase();
        if (!url.ok || (scheme !== 'http' && scheme !== 'https')) {
          const why = flag === undefined ? 'isPermaLink is absent, which means "true"' : 'isPermaLink is "true"';
          context.report(guid, `<guid> "${guid.text.trim()}" is read as a permalink (${why}), but it is not a full http(s) URL; add isPermaLink="false", or use the item's URL as its guid`);
        }
      },
    },
  }),
};

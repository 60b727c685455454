import { RFC822_EXAMPLE } from '../values.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'rss/date-problematic',
    severity: 'warning',
    description: 'An RFC 822 date should avoid the forms readers misread: two-digit years, military zone letters, unsigned offsets, comments.',
    spec: 'RSS 2.0, "pubDate"; RFC 1123, section 5.2.14; RSS Best Practices Profile, "pubDate"',
    w3c: 'ProblematicalRFC822Date',
    formats: ['rss'],
  },
  create: (context) => {
    const check = (el: XmlElement) => {
      const read = context.dates.rfc822(el.text);
      // An invalid date is rss/date-format's to report.
      if (read.ok && read.value.problems.length > 0) {
        context.report(el, `<${el.name}> "${el.text.trim()}" is valid RFC 822, but ${read.value.problems.join('; ')}; write it as "${RFC822_EXAMPLE}"`);
      }
    };
    return { elements: { pubDate: check, lastBuildDate: check } };
  },
};

import { RFC822_EXAMPLE } from '../values.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'rss/date-format',
    severity: 'error',
    description: 'pubDate and lastBuildDate must be RFC 822 dates that exist, with the right weekday.',
    spec: 'RSS 2.0, "Elements of <item>" (pubDate) and "Optional channel elements"; RFC 822, section 5',
    w3c: 'InvalidRFC2822Date',
    formats: ['rss'],
  },
  create: (context) => {
    const check = (el: XmlElement) => {
      const read = context.dates.rfc822(el.text);
      if (!read.ok) context.report(el, `<${el.name}> ${read.reason}; write it as "${RFC822_EXAMPLE}"`, { expected: 'an RFC 822 date', actual: el.text.trim() });
    };
    return { elements: { pubDate: check, lastBuildDate: check } };
  },
};

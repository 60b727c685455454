import { RFC3339_EXAMPLE } from '../values.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'atom/date-format',
    severity: 'error',
    description: 'updated and published (in Atom, and atom:updated in RSS) must be RFC 3339 date-times with an uppercase T and an offset or Z.',
    spec: 'RFC 4287, section 3.3',
    w3c: 'InvalidRFC3339Date',
    formats: ['atom', 'rss'],
  },
  create: (context) => {
    const check = (el: XmlElement) => {
      const read = context.dates.rfc3339(el.text, { uppercase: true });
      if (!read.ok) context.report(el, `<${el.name}> ${read.reason}; write it as "${RFC3339_EXAMPLE}" or "2024-05-16T03:55:00Z"`, { expected: 'an RFC 3339 date-time', actual: el.text.trim() });
    };
    return { elements: { 'atom:updated': check, 'atom:published': check } };
  },
};

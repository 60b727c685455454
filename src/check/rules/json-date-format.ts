import { RFC3339_EXAMPLE } from '../values.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'json/date-format',
    severity: 'error',
    description: 'date_published and date_modified must be RFC 3339 date-times, with an offset or Z.',
    spec: 'JSON Feed 1.1, "Items" (date_published, date_modified); RFC 3339, section 5.6',
    w3c: 'InvalidRFC3339Date',
    formats: ['json'],
  },
  create: (context) => ({
    item(item, index) {
      for (const key of ['date_published', 'date_modified']) {
        const value = item[key];
        if (value === undefined) continue;
        const read = typeof value === 'string' ? context.dates.rfc3339(value) : { ok: false as const, reason: `${JSON.stringify(value)} is not a string` };
        if (!read.ok) {
          context.report(['items', index, key], `the "${key}" of item ${index}: ${read.reason}; write it as "${RFC3339_EXAMPLE}"`, { expected: 'an RFC 3339 date-time', actual: String(value) });
        }
      }
    },
  }),
};

import { w3cdtfProblem } from '../values.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'feed/dc-date',
    severity: 'error',
    description: 'A Dublin Core date (dc:date) must be W3C-DTF: a year, month or day, or a date-time with an offset, such as "2024-05-16T11:55:00+08:00".',
    spec: 'Dublin Core Metadata Element Set 1.1, "Date"; W3C Note "Date and Time Formats" (W3C-DTF)',
    w3c: 'InvalidW3CDTFDate',
    formats: ['rss', 'atom', 'rdf'],
  },
  create: (context) => ({
    elements: {
      'dc:date'(el) {
        const problem = w3cdtfProblem(el.text);
        if (problem) context.report(el, `<${el.name}> is ${JSON.stringify(el.text.trim())}, which ${problem}`);
      },
    },
  }),
};

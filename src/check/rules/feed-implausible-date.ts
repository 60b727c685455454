import type { Checked, DateValue } from '../values.js';
import type { XmlElement } from '../tree.js';
import type { JsonObject, Rule, Where } from './rule.js';

/** Before this, no web feed existed: a date earlier is a default value or a misread year. */
const EARLIEST = Date.UTC(1990, 0, 1);
const DAY = 86_400_000;

export const rule: Rule = {
  meta: {
    id: 'feed/implausible-date',
    severity: 'warning',
    description: 'A date should be plausible: not before 1990 and not more than a day after the check runs.',
    spec: 'RSS 2.0, "pubDate"; RFC 4287, section 3.3; JSON Feed 1.1, "date_published"',
    w3c: 'ImplausibleDate',
    formats: ['rss', 'atom', 'json', 'rdf'],
  },
  create: (context) => {
    const check = (where: Where, name: string, read: Checked<DateValue>) => {
      // An unreadable date is the date-format rules' to report.
      if (!read.ok) return;
      const { instant } = read.value;
      if (instant < EARLIEST) {
        context.report(where, `${name} is ${iso(instant)}, before 1990, when there were no feeds: likely a default value or a misread year; correct the date where it comes from`);
      } else if (instant > context.now + DAY) {
        context.report(where, `${name} is ${iso(instant)}, more than a day after ${iso(context.now)}; readers sort such an item first or hide it until then; write the date it happened, not a planned one`);
      }
    };
    const rfc822 = (el: XmlElement) => check(el, `<${el.name}>`, context.dates.rfc822(el.text));
    const rfc3339 = (el: XmlElement) => check(el, `<${el.name}>`, context.dates.rfc3339(el.text));
    const json = (path: readonly (string | number)[], object: JsonObject) => {
      for (const key of ['date_published', 'date_modified']) {
        const value = object[key];
        if (typeof value === 'string') check([...path, key], `"${key}"`, context.dates.rfc3339(value));
      }
    };
    return context.format === 'json'
      ? { item: (item, index) => json(['items', index], item) }
      : { elements: { pubDate: rfc822, lastBuildDate: rfc822, 'atom:updated': rfc3339, 'atom:published': rfc3339, 'dc:date': rfc3339 } };
  },
};

const iso = (instant: number): string => new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');

import { markupIn } from '../values.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'atom/text-markup',
    severity: 'warning',
    description: 'A type="text" construct should not hold markup or entity references once decoded: it was escaped twice, or it is HTML that needs type="html".',
    spec: 'RFC 4287, section 3.1.1.1',
    w3c: 'ContainsUndeclaredHTML',
    formats: ['atom'],
  },
  create: (context) => {
    const check = (el: XmlElement) => {
      const type = el.attr('type') ?? 'text';
      if (type !== 'text' || el.attr('src') !== undefined) return;
      const found = markupIn(el.text);
      if (found === undefined) return;
      context.report(
        el,
        `<${el.name}> is type="text", but readers will show "${found}" literally: if the text is HTML, say type="html"; if it was escaped twice ("&amp;amp;"), escape it once`,
      );
    };
    return { elements: { 'atom:title': check, 'atom:subtitle': check, 'atom:summary': check, 'atom:rights': check, 'atom:content': check } };
  },
};

import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'atom/xhtml-div',
    severity: 'error',
    description: 'A type="xhtml" text construct or content must hold exactly one XHTML div, and nothing else but white space.',
    spec: 'RFC 4287, sections 3.1.1.3 and 4.1.3.3',
    w3c: 'MissingXhtmlDiv',
    formats: ['atom'],
  },
  create: (context) => {
    const check = (el: XmlElement) => {
      if (el.attr('type') !== 'xhtml') return;
      const [first, ...rest] = el.children;
      if (first?.key === 'xhtml:div' && rest.length === 0 && el.text.trim() === '') return;
      context.report(
        el,
        `<${el.name} type="xhtml"> must hold one <div xmlns="http://www.w3.org/1999/xhtml"> around its markup, and nothing outside it; wrap the content in that div`,
      );
    };
    return { elements: { 'atom:title': check, 'atom:subtitle': check, 'atom:summary': check, 'atom:rights': check, 'atom:content': check } };
  },
};

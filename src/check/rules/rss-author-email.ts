import { contactEmail } from '../values.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'rss/author-email',
    severity: 'error',
    description: 'author, managingEditor and webMaster must hold an email address, as "email (Name)".',
    spec: 'RSS 2.0, "<author> sub-element of <item>" and "Optional channel elements"',
    w3c: 'InvalidContact',
    formats: ['rss'],
  },
  create: (context) => {
    const check = (el: XmlElement) => {
      if (contactEmail(el.text) !== undefined) return;
      context.report(
        el,
        `<${el.name}> is "${el.text.trim()}", which holds no email address; RSS 2.0 requires one, as "jo@example.com (Jo Doe)"; to name an author without an email, use <dc:creator> instead`,
        { expected: 'email (Name)', actual: el.text.trim() },
      );
    };
    return {
      elements: {
        // A no-namespace author inside an item; dc:creator and atom:author are keyed apart.
        author: (el) => {
          if (el.parent?.key === 'item') check(el);
        },
        managingEditor: check,
        webMaster: check,
      },
    };
  },
};

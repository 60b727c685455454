import { htmlReferences, isAbsoluteReference } from '../values.js';
import type { XmlElement } from '../tree.js';
import type { Rule, Visitors, Where } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'feed/relative-html-reference',
    severity: 'warning',
    description: 'Links and image sources in HTML content should be absolute URLs: readers resolve relative ones against the wrong base, or not at all.',
    spec: 'RSS Best Practices Profile, "description"; RFC 4287, section 3.1.1.2; JSON Feed 1.1, "content_html"',
    w3c: 'ContainsRelRef',
    formats: ['rss', 'atom', 'json', 'rdf'],
  },
  create: (context): Visitors => {
    const check = (where: Where, name: string, html: string) => {
      const relative = htmlReferences(html).filter((ref) => !isAbsoluteReference(ref));
      if (relative.length === 0) return;
      const list = relative.slice(0, 3).map((r) => `"${r}"`).join(', ') + (relative.length > 3 ? `, and ${relative.length - 3} more` : '');
      context.report(where, `${name} links to ${list} by a relative URL; feed readers do not resolve it against the article's page; make every href and src absolute, such as "https://example.com/path"`);
    };
    const html = (el: XmlElement) => check(el, `<${el.name}>`, el.text);
    // Atom may give a base for relative references (RFC 4287, section 2; xml:base).
    const atomHtml = (el: XmlElement) => {
      if (el.attr('type') === 'html' && el.inherited('xml:base') === undefined) html(el);
    };
    if (context.format === 'json') {
      return {
        item(item, index) {
          if (typeof item.content_html === 'string') check(['items', index, 'content_html'], '"content_html"', item.content_html);
        },
      };
    }
    if (context.format === 'atom') return { elements: { 'atom:content': atomHtml, 'atom:summary': atomHtml } };
    // RSS 1.0's description is plain text; it carries HTML in content:encoded, as RSS 2.0 may.
    if (context.format === 'rdf') return { elements: { 'content:encoded': html } };
    return {
      elements: {
        // The channel's description is plain text; an item's is HTML.
        description: (el) => {
          if (el.parent?.key === 'item') html(el);
        },
        'content:encoded': html,
      },
    };
  },
};

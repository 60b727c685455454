import { rfc3339 } from '../dates/format.js';
import { ATOM_NS, GENERATOR, MEDIA_TYPES } from '../formats.js';
import { escapeHtml } from '../model/html.js';
import { atomEnclosures, type Entry, type Feed, type Person } from '../model/types.js';
import { attributes, escapeHtmlContent, escapeText, indent, stylesheetInstruction, XML_DECLARATION } from './xml.js';

/** Atom 1.0, RFC 4287 (SPEC section 4). */
export function render(feed: Feed): string {
  const out: string[] = [XML_DECLARATION];
  if (feed.stylesheet) out.push(stylesheetInstruction(feed.stylesheet));
  out.push(`<feed${attributes({ xmlns: ATOM_NS, 'xml:lang': feed.language })}>`);
  const line = (name: string, text: string, attrs = '') => out.push(indent(1, `<${name}${attrs}>${text}</${name}>`));
  line('id', escapeText(feed.feedUrls.atom));
  line('title', escapeText(feed.title), TEXT_TYPE);
  line('subtitle', escapeText(feed.description), TEXT_TYPE);
  out.push(indent(1, `<link${attributes({ rel: 'alternate', type: 'text/html', href: feed.homePageUrl })}/>`));
  out.push(indent(1, `<link${attributes({ rel: 'self', type: MEDIA_TYPES.atom, href: feed.feedUrls.atom })}/>`));
  if (feed.hub) out.push(indent(1, `<link${attributes({ rel: 'hub', href: feed.hub })}/>`));
  line('updated', rfc3339(feed.updated));
  for (const person of feed.authors) author(person, 1, out);
  if (feed.rights) line('rights', escapeText(feed.rights), TEXT_TYPE);
  line('generator', GENERATOR.name, attributes({ uri: GENERATOR.uri }));
  if (feed.icon) line('icon', escapeText(feed.icon));
  if (feed.logo) line('logo', escapeText(feed.logo));
  for (const e of feed.entries) entry(e, out);
  out.push('</feed>');
  return out.join('\n') + '\n';
}

const TEXT_TYPE = attributes({ type: 'text' });
const HTML_TYPE = attributes({ type: 'html' });

function entry(e: Entry, out: string[]): void {
  const line = (name: string, text: string, attrs = '') => out.push(indent(2, `<${name}${attrs}>${text}</${name}>`));
  out.push(indent(1, `<entry${attributes({ 'xml:lang': e.language })}>`));
  line('id', escapeText(e.id));
  // A headline with "<" in it is text, not markup: type="text" keeps it so.
  line('title', escapeText(e.title), TEXT_TYPE);
  out.push(indent(2, `<link${attributes({ rel: 'alternate', type: 'text/html', href: e.link })}/>`));
  for (const media of atomEnclosures(e)) {
    out.push(indent(2, `<link${attributes({ rel: 'enclosure', type: media.type, href: media.url, length: media.length?.toString(), title: media.title })}/>`));
  }
  line('published', rfc3339(e.published));
  line('updated', rfc3339(e.updated));
  for (const person of e.authors) author(person, 2, out);
  for (const tag of e.tags) out.push(indent(2, `<category${attributes({ term: tag })}/>`));
  if (e.summary !== undefined) line('summary', escapeHtmlContent(escapeHtml(e.summary)), HTML_TYPE);
  line('content', escapeHtmlContent(e.contentHtml), HTML_TYPE);
  if (e.rights !== undefined) line('rights', escapeText(e.rights), TEXT_TYPE);
  out.push(indent(1, '</entry>'));
}

function author(person: Person, depth: number, out: string[]): void {
  out.push(indent(depth, '<author>'));
  out.push(indent(depth + 1, `<name>${escapeText(person.name)}</name>`));
  if (person.email) out.push(indent(depth + 1, `<email>${escapeText(person.email)}</email>`));
  if (person.url) out.push(indent(depth + 1, `<uri>${escapeText(person.url)}</uri>`));
  out.push(indent(depth, '</author>'));
}

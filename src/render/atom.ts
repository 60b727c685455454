import { rfc3339 } from '../dates/format.js';
import { ATOM_NS, FH_NS, GENERATOR, MEDIA_NS, MEDIA_TYPES } from '../vocabulary/formats.js';
import { mediaContent } from './media-rss.js';
import { escapeHtml } from '../vocabulary/html.js';
import { atomEnclosures, type Entry, type Feed, type Person } from '../vocabulary/types.js';
import { joinPieces, type DocumentPieces } from './pieces.js';
import { attributes, escapeAttr, escapeHtmlContent, escapeText, indent, stylesheetInstruction, XML_DECLARATION } from './xml.js';

/** Atom 1.0, RFC 4287 (docs/formats.md). */
export const render = (feed: Feed): string => joinPieces(feed, pieces(feed));

/** The document in pieces: its head, one piece per entry, its tail. */
export function pieces(feed: Feed): DocumentPieces {
  const out: string[] = [XML_DECLARATION];
  if (feed.stylesheet) out.push(stylesheetInstruction(feed.stylesheet));
  const archive = feed.archive;
  const media = feed.entries.some((e) => e.image !== undefined) ? { 'xmlns:media': MEDIA_NS } : {};
  out.push(`<feed${attributes({ xmlns: ATOM_NS, ...media, ...(archive?.page ? { 'xmlns:fh': FH_NS } : {}), 'xml:lang': feed.language })}>`);
  const line = (name: string, text: string, attrs = '') => out.push(indent(1, `<${name}${attrs}>${text}</${name}>`));
  line('id', escapeText(feed.feedUrls.atom));
  line('title', escapeText(feed.title), TEXT_TYPE);
  line('subtitle', escapeText(feed.description), TEXT_TYPE);
  out.push(indent(1, `<link${attributes({ rel: 'alternate', type: 'text/html', href: feed.homePageUrl })}/>`));
  out.push(indent(1, `<link${attributes({ rel: 'self', type: MEDIA_TYPES.atom, href: feed.feedUrls.atom })}/>`));
  if (feed.hub) out.push(indent(1, `<link${attributes({ rel: 'hub', href: feed.hub })}/>`));
  // RFC 5005: an archive page names its head and the page before it; a head, its newest page.
  if (archive?.current) out.push(indent(1, `<link${attributes({ rel: 'current', type: MEDIA_TYPES.atom, href: archive.current.atom })}/>`));
  if (archive?.prev) out.push(indent(1, `<link${attributes({ rel: 'prev-archive', type: MEDIA_TYPES.atom, href: archive.prev.atom })}/>`));
  if (archive?.page) out.push(indent(1, '<fh:archive/>'));
  line('updated', rfc3339(feed.updated));
  for (const person of feed.authors) author(person, 1, out);
  if (feed.rights) line('rights', escapeText(feed.rights), TEXT_TYPE);
  line('generator', GENERATOR.name, attributes({ uri: GENERATOR.uri }));
  if (feed.icon) line('icon', escapeText(feed.icon));
  if (feed.logo) line('logo', escapeText(feed.logo));
  return { head: `${out.join('\n')}\n`, item: (e) => `${entry(e)}\n`, tail: '</feed>\n' };
}

const TEXT_TYPE = attributes({ type: 'text' });

/** One entry, as one string: a feed of thousands of entries is mostly this. */
function entry(e: Entry): string {
  // A headline with "<" in it is text, not markup: type="text" keeps it so.
  let text = `  <entry${attributes({ 'xml:lang': e.language })}>
    <id>${escapeText(e.id)}</id>
    <title type="text">${escapeText(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeAttr(e.link)}"/>
`;
  for (const media of atomEnclosures(e)) {
    text += `    <link${attributes({ rel: 'enclosure', type: media.type, href: media.url, length: media.length?.toString(), title: media.title })}/>\n`;
  }
  if (e.image) text += mediaContent(e.image, '    ');
  text += `    <published>${rfc3339(e.published)}</published>
    <updated>${rfc3339(e.updated)}</updated>
`;
  const lines: string[] = [];
  for (const person of e.authors) author(person, 2, lines);
  if (lines.length > 0) text += `${lines.join('\n')}\n`;
  for (const tag of e.tags) text += `    <category term="${escapeAttr(tag)}"/>\n`;
  if (e.summary !== undefined) text += `    <summary type="html">${escapeHtmlContent(escapeHtml(e.summary))}</summary>\n`;
  // An empty content is a feed of summaries only (docs/config.md, "content"): the entry's alternate link stands for it.
  if (e.contentHtml !== '') text += `    <content type="html">${escapeHtmlContent(e.contentHtml)}</content>\n`;
  if (e.rights !== undefined) text += `    <rights type="text">${escapeText(e.rights)}</rights>\n`;
  return `${text}  </entry>`;
}

function author(person: Person, depth: number, out: string[]): void {
  out.push(indent(depth, '<author>'));
  out.push(indent(depth + 1, `<name>${escapeText(person.name)}</name>`));
  if (person.email) out.push(indent(depth + 1, `<email>${escapeText(person.email)}</email>`));
  if (person.url) out.push(indent(depth + 1, `<uri>${escapeText(person.url)}</uri>`));
  out.push(indent(depth, '</author>'));
}

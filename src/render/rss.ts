import { rfc3339, rfc822 } from '../dates/format.js';
import { ATOM_NS, CONTENT_NS, DC_NS, FH_NS, GENERATOR, ITUNES_NS, MEDIA_NS, MEDIA_TYPES, PODCAST_NS } from '../vocabulary/formats.js';
import { episodeTags, showTags } from './podcast.js';
import { mediaContent } from './media-rss.js';
import { escapeHtml } from '../vocabulary/html.js';
import { rssEnclosure, type Entry, type Feed, type Person } from '../vocabulary/types.js';
import { joinPieces, type DocumentPieces } from './pieces.js';
import { attributes, escapeHtmlContent, escapeRssText, escapeText, indent, stylesheetInstruction, XML_DECLARATION } from './xml.js';

/** RSS 2.0 with the Atom, Content and Dublin Core modules (docs/formats.md). */
export const render = (feed: Feed): string => joinPieces(feed, pieces(feed));

/** The document in pieces: its head, one piece per item, its tail. */
export function pieces(feed: Feed): DocumentPieces {
  const out: string[] = [XML_DECLARATION];
  if (feed.stylesheet) out.push(stylesheetInstruction(feed.stylesheet));
  const archive = feed.archive;
  const media = feed.entries.some((e) => e.image !== undefined) ? ` xmlns:media="${MEDIA_NS}"` : '';
  const show = feed.podcast ? ` xmlns:itunes="${ITUNES_NS}" xmlns:podcast="${PODCAST_NS}"` : '';
  out.push(`<rss version="2.0" xmlns:atom="${ATOM_NS}" xmlns:content="${CONTENT_NS}" xmlns:dc="${DC_NS}"${media}${show}${archive?.page ? ` xmlns:fh="${FH_NS}"` : ''}>`);
  out.push(indent(1, '<channel>'));
  const line = (name: string, text: string) => out.push(indent(2, `<${name}>${text}</${name}>`));
  line('title', escapeRssText(feed.title));
  line('link', escapeText(feed.homePageUrl));
  line('description', escapeRssText(feed.description));
  out.push(indent(2, `<atom:link${attributes({ href: feed.feedUrls.rss, rel: 'self', type: MEDIA_TYPES.rss })}/>`));
  if (feed.hub) out.push(indent(2, `<atom:link${attributes({ href: feed.hub, rel: 'hub' })}/>`));
  // RFC 5005: an archive page names its head and the page before it; a head, its newest page.
  if (archive?.current) out.push(indent(2, `<atom:link${attributes({ href: archive.current.rss, rel: 'current', type: MEDIA_TYPES.rss })}/>`));
  if (archive?.prev) out.push(indent(2, `<atom:link${attributes({ href: archive.prev.rss, rel: 'prev-archive', type: MEDIA_TYPES.rss })}/>`));
  if (archive?.page) out.push(indent(2, '<fh:archive/>'));
  line('language', escapeText(feed.language));
  if (feed.rights) line('copyright', escapeRssText(feed.rights));
  line('generator', GENERATOR.name);
  line('pubDate', rfc822(feed.published));
  line('lastBuildDate', rfc822(feed.updated));
  const image = feed.logo ?? feed.icon;
  if (image) {
    out.push(indent(2, '<image>'));
    out.push(indent(3, `<url>${escapeText(image)}</url>`));
    out.push(indent(3, `<title>${escapeRssText(feed.title)}</title>`));
    out.push(indent(3, `<link>${escapeText(feed.homePageUrl)}</link>`));
    out.push(indent(2, '</image>'));
  }
  const head = `${out.join('\n')}\n${feed.podcast ? showTags(feed.podcast, '    ') : ''}`;
  return { head, item: (entry) => `${item(entry, feed.podcast !== undefined)}\n`, tail: `${indent(1, '</channel>')}\n</rss>\n` };
}

/** One item, as one string: a feed of thousands of items is mostly this. */
function item(entry: Entry, episode: boolean): string {
  let text = `    <item>
      <title>${escapeRssText(entry.title)}</title>
      <link>${escapeText(entry.link)}</link>
      <guid isPermaLink="${isPermaLink(entry)}">${escapeText(entry.id)}</guid>
      <pubDate>${rfc822(entry.published)}</pubDate>
      <atom:updated>${rfc3339(entry.updated)}</atom:updated>
`;
  // The description first: readers that show one show it (docs/formats.md). An empty content is a feed of summaries only.
  if (entry.summary !== undefined) text += `      <description>${escapeHtmlContent(escapeHtml(entry.summary))}</description>\n`;
  if (entry.contentHtml !== '') text += `      <content:encoded>${escapeHtmlContent(entry.contentHtml)}</content:encoded>\n`;
  const enclosure = rssEnclosure(entry);
  if (enclosure) text += `      <enclosure${attributes({ url: enclosure.url, length: String(enclosure.length ?? 0), type: enclosure.type })}/>\n`;
  if (entry.image) text += mediaContent(entry.image, '      ');
  if (episode) text += episodeTags(entry, '      ');
  const author = rssAuthor(entry.authors);
  if (author !== undefined) text += `      <author>${escapeRssText(author)}</author>\n`;
  else for (const person of entry.authors) text += `      <dc:creator>${escapeRssText(person.name)}</dc:creator>\n`;
  for (const tag of entry.tags) text += `      <category>${escapeRssText(tag)}</category>\n`;
  if (entry.rights !== undefined) text += `      <dc:rights>${escapeRssText(entry.rights)}</dc:rights>\n`;
  return `${text}    </item>`;
}

/** A guid is a permalink only when it is the item's link. */
export const isPermaLink = (entry: Entry): boolean => entry.id === entry.link;

/**
 * RSS `author` needs an email: `email (Name)`. Only for exactly one author
 * whose email is known; otherwise every name goes in a `dc:creator`.
 */
function rssAuthor(authors: readonly Person[]): string | undefined {
  const [only] = authors;
  if (authors.length !== 1 || only?.email === undefined) return undefined;
  return only.name === only.email ? only.email : `${only.email} (${only.name})`;
}

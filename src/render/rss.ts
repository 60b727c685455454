import { rfc3339, rfc822 } from '../dates/format.js';
import { ATOM_NS, CONTENT_NS, DC_NS, GENERATOR, MEDIA_TYPES } from '../formats.js';
import { escapeHtml } from '../model/html.js';
import { rssEnclosure, type Entry, type Feed, type Person } from '../model/types.js';
import { attributes, escapeHtmlContent, escapeRssText, escapeText, indent, stylesheetInstruction, XML_DECLARATION } from './xml.js';

/** RSS 2.0 with the Atom, Content and Dublin Core modules (SPEC section 4). */
export function render(feed: Feed): string {
  const out: string[] = [XML_DECLARATION];
  if (feed.stylesheet) out.push(stylesheetInstruction(feed.stylesheet));
  out.push(`<rss version="2.0" xmlns:atom="${ATOM_NS}" xmlns:content="${CONTENT_NS}" xmlns:dc="${DC_NS}">`);
  out.push(indent(1, '<channel>'));
  const line = (name: string, text: string) => out.push(indent(2, `<${name}>${text}</${name}>`));
  line('title', escapeRssText(feed.title));
  line('link', escapeText(feed.homePageUrl));
  line('description', escapeRssText(feed.description));
  out.push(indent(2, `<atom:link${attributes({ href: feed.feedUrls.rss, rel: 'self', type: MEDIA_TYPES.rss })}/>`));
  if (feed.hub) out.push(indent(2, `<atom:link${attributes({ href: feed.hub, rel: 'hub' })}/>`));
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
  for (const entry of feed.entries) item(entry, out);
  out.push(indent(1, '</channel>'));
  out.push('</rss>');
  return out.join('\n') + '\n';
}

function item(entry: Entry, out: string[]): void {
  const line = (name: string, text: string, attrs = '') => out.push(indent(3, `<${name}${attrs}>${text}</${name}>`));
  out.push(indent(2, '<item>'));
  line('title', escapeRssText(entry.title));
  line('link', escapeText(entry.link));
  line('guid', escapeText(entry.id), attributes({ isPermaLink: isPermaLink(entry) ? 'true' : 'false' }));
  line('pubDate', rfc822(entry.published));
  line('atom:updated', rfc3339(entry.updated));
  if (entry.summary !== undefined) line('description', escapeHtmlContent(escapeHtml(entry.summary)));
  line('content:encoded', escapeHtmlContent(entry.contentHtml));
  const enclosure = rssEnclosure(entry);
  if (enclosure) out.push(indent(3, `<enclosure${attributes({ url: enclosure.url, length: String(enclosure.length ?? 0), type: enclosure.type })}/>`));
  const author = rssAuthor(entry.authors);
  if (author !== undefined) line('author', escapeRssText(author));
  else for (const person of entry.authors) line('dc:creator', escapeRssText(person.name));
  for (const tag of entry.tags) line('category', escapeRssText(tag));
  if (entry.rights !== undefined) line('dc:rights', escapeRssText(entry.rights));
  out.push(indent(2, '</item>'));
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

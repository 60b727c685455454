import { FORMAT_NAMES } from '../vocabulary/formats.js';
import type { Feed, FeedFormat } from '../vocabulary/types.js';
import { attributes, escapeText, indent, XML_DECLARATION } from './xml.js';

/** The subscription list of the feed set, beside the main feed (docs/feed-set.md). */
export const OPML_FILE = 'feeds.opml';

const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/**
 * OPML 2.0: one outline for each document of each head feed (archive pages
 * are reached from their heads), in the set's order, for a reader to import.
 * Nothing in it comes from the clock, so that its bytes are those of its feeds.
 */
export function render(title: string, siteUrl: string, feeds: readonly Pick<Feed, 'title' | 'feedUrls'>[]): string {
  const lines = [XML_DECLARATION, '<opml version="2.0">', indent(1, '<head>'), indent(2, `<title>${escapeText(title)}</title>`), indent(1, '</head>'), indent(1, '<body>')];
  for (const feed of feeds) {
    for (const format of FORMATS) {
      const text = `${feed.title} (${FORMAT_NAMES[format]})`;
      lines.push(indent(2, `<outline${attributes({ type: 'rss', text, title: text, xmlUrl: feed.feedUrls[format], htmlUrl: siteUrl })}/>`));
    }
  }
  lines.push(indent(1, '</body>'), '</opml>');
  return `${lines.join('\n')}\n`;
}

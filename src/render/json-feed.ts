import { rfc3339 } from '../dates/format.js';
import { JSON_FEED_VERSION } from '../vocabulary/formats.js';
import type { Entry, Feed, Person, Photo } from '../vocabulary/types.js';
import { mailtoUrl } from '../vocabulary/values.js';
import { joinPieces, type DocumentPieces } from './pieces.js';

/** JSON Feed 1.1 (docs/formats.md). Keys are set in a fixed order, so the bytes are too. */
export const render = (feed: Feed): string => joinPieces(feed, pieces(feed));

/**
 * The document in pieces: its head, one piece per item, its tail. They join
 * into what JSON.stringify(document, null, 2) writes: each item is
 * stringified on its own, at its depth.
 */
export function pieces(feed: Feed): DocumentPieces {
  const document = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homePageUrl,
    feed_url: feed.feedUrls.json,
    description: feed.description,
    // The older items: a head's newest archive page, a page's page before it (docs/feed-set.md).
    next_url: feed.archive?.prev?.json,
    icon: feed.logo,
    favicon: feed.icon,
    language: feed.language,
    authors: feed.authors.length > 0 ? feed.authors.map(person) : undefined,
    hubs: feed.hub ? [{ type: 'WebSub', url: feed.hub }] : undefined,
    items: [],
  };
  // "items" is the last member: the head ends where its empty array begins.
  const shell = JSON.stringify(document, null, 2);
  const head = shell.slice(0, shell.lastIndexOf('[]') + 1);
  return {
    head,
    item: (entry, index) => {
      // Stringified where it stands in the document, two levels down, so that it comes indented, and cut out.
      const text = JSON.stringify({ items: [item(entry)] }, null, 2);
      return `${index === 0 ? '' : ','}\n${text.slice(ITEM_START, text.length - ITEM_END)}`;
    },
    tail: feed.entries.length === 0 ? ']\n}\n' : '\n  ]\n}\n',
  };
}

// What JSON.stringify({ items: [item] }, null, 2) writes around the item.
const ITEM_START = '{\n  "items": [\n'.length;
const ITEM_END = '\n  ]\n}'.length;

function item(e: Entry) {
  return {
    id: e.id,
    url: e.link,
    title: e.title,
    summary: e.summary,
    // An empty content is a feed of summaries only (docs/config.md, "content"): an item needs content_html or content_text.
    ...(e.contentHtml === '' ? { content_text: e.summary ?? '' } : { content_html: e.contentHtml }),
    image: e.image?.url,
    date_published: rfc3339(e.published),
    date_modified: rfc3339(e.updated),
    authors: e.authors.map(person),
    tags: e.tags.length > 0 ? e.tags : undefined,
    language: e.language,
    attachments: e.attachments.length > 0 ? e.attachments.map((a) => ({ url: a.url, mime_type: a.type, title: a.title, size_in_bytes: a.length, duration_in_seconds: a.durationInSeconds })) : undefined,
    // The photo's details: an extension object, as JSON Feed names them, with a "_" (docs/formats.md, "Photos").
    _media: e.image === undefined ? undefined : photoDetails(e.image),
  };
}

/** What JSON Feed's `image` cannot say of a photo; undefined when nothing. */
function photoDetails(p: Photo) {
  const details = { caption: p.caption, credit: p.credit, credit_role: p.creditRole, alt: p.alt, width: p.width, height: p.height, thumbnail: p.thumbnail };
  return Object.values(details).some((v) => v !== undefined) ? details : undefined;
}

const person = (p: Person) => ({ name: p.name, url: p.url ?? (p.email ? mailtoUrl(p.email) : undefined) });

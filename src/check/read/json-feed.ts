import type { FeedView, ItemView, PersonView, PhotoView } from '../view.js';

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** JSON Feed 1.0 or 1.1 as a reader sees it; undefined when the document is not a JSON Feed. */
export function read(doc: unknown): FeedView<string> | undefined {
  const feed = obj(doc);
  if (typeof feed.version !== 'string' || !feed.version.startsWith('https://jsonfeed.org/version/')) return undefined;
  return {
    title: str(feed.title),
    description: str(feed.description),
    link: str(feed.home_page_url),
    selfLink: str(feed.feed_url),
    language: str(feed.language),
    icon: str(feed.favicon),
    logo: str(feed.icon),
    hub: str(obj(arr(feed.hubs)[0]).url),
    authors: people(feed),
    items: arr(feed.items).map(item),
  };
}

export function item(value: unknown): ItemView<string> {
  const node = obj(value);
  return {
    id: str(node.id),
    title: str(node.title),
    link: str(node.url),
    published: str(node.date_published),
    updated: str(node.date_modified),
    summary: str(node.summary),
    content: str(node.content_html) ?? str(node.content_text),
    authors: people(node),
    tags: arr(node.tags).map((t) => str(t) ?? ''),
    attachments: arr(node.attachments).map((a) => {
      const { url, mime_type, size_in_bytes, title, duration_in_seconds } = obj(a);
      return {
        url: str(url),
        type: str(mime_type),
        length: size_in_bytes === undefined ? undefined : String(size_in_bytes),
        title: str(title),
        ...(duration_in_seconds === undefined ? {} : { duration: String(duration_in_seconds) }),
      };
    }),
    image: str(node.image),
    photo: photo(node),
    language: str(node.language),
  };
}

/** The photo: `image`, and the details in the `_media` extension object, when there is one. */
function photo(node: Json): PhotoView | undefined {
  if (node._media === undefined) return undefined;
  const media = obj(node._media);
  const written = (value: unknown) => (value === undefined ? undefined : String(value));
  return {
    url: str(node.image),
    caption: str(media.caption),
    credit: str(media.credit),
    creditRole: str(media.credit_role),
    alt: str(media.alt),
    width: written(media.width),
    height: written(media.height),
    thumbnail: str(media.thumbnail),
  };
}

// JSON Feed 1.1 has "authors"; 1.0 had a single "author".
function people(node: Json): PersonView[] {
  const list = node.authors !== undefined ? arr(node.authors) : node.author !== undefined ? [node.author] : [];
  return list.map((p) => ({ name: str(obj(p).name), url: str(obj(p).url) }));
}

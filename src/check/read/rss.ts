import type { XmlElement } from '../tree.js';
import { readPhoto } from './media.js';
import { readEpisode, readShow } from './podcast.js';
import type { FeedView, ItemView, PersonView } from '../view.js';

/** RSS 2.0 as a reader sees it; undefined when the document is not RSS. */
export function read(root: XmlElement): FeedView<string> | undefined {
  const channel = root.key === 'rss' ? root.child('channel') : undefined;
  if (channel === undefined) return undefined;
  const text = (key: string) => channel.child(key)?.text;
  return {
    title: text('title'),
    description: text('description'),
    link: text('link'),
    selfLink: channel.childrenOf('atom:link').find((l) => l.attr('rel') === 'self')?.attr('href'),
    language: text('language'),
    published: text('pubDate'),
    updated: text('lastBuildDate'),
    rights: text('copyright'),
    logo: channel.child('image')?.child('url')?.text,
    hub: channel.childrenOf('atom:link').find((l) => l.attr('rel') === 'hub')?.attr('href'),
    generator: text('generator'),
    authors: [],
    show: readShow(channel),
    items: channel.childrenOf('item').map(item),
  };
}

export function item(node: XmlElement): ItemView<string> {
  const text = (key: string) => node.child(key)?.text;
  const author = text('author');
  const creators = node.childrenOf('dc:creator').map((c): PersonView => ({ name: c.text }));
  return {
    id: text('guid'),
    title: text('title'),
    link: text('link'),
    published: text('pubDate'),
    updated: text('atom:updated'),
    summary: text('description'),
    content: text('content:encoded'),
    authors: author === undefined ? creators : [readContact(author), ...creators],
    tags: node.childrenOf('category').map((c) => c.text),
    attachments: node.childrenOf('enclosure').map((e) => ({ url: e.attr('url'), type: e.attr('type'), length: e.attr('length') })),
    rights: text('dc:rights'),
    photo: readPhoto(node),
    episode: readEpisode(node),
  };
}

/** `email (Name)`, or a bare email. */
function readContact(text: string): PersonView {
  const m = /^\s*(\S+@\S+)\s*(?:\((.*)\))?\s*$/.exec(text);
  if (!m) return { name: text };
  return { email: m[1]!, name: m[2] ?? m[1]! };
}

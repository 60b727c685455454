import { attrOf, childOf, listOf, textOf, type XmlNode } from '../parse.js';
import type { FeedView, ItemView, PersonView } from '../view.js';

/** RSS 2.0 as a reader sees it; undefined when the document is not RSS. */
export function read(doc: XmlNode): FeedView<string> | undefined {
  const channel = childOf(childOf(doc, 'rss'), 'channel');
  if (channel === undefined) return undefined;
  const links = listOf(childOf(channel, 'atom:link'));
  return {
    title: textOf(childOf(channel, 'title')),
    description: textOf(childOf(channel, 'description')),
    link: textOf(childOf(channel, 'link')),
    selfLink: attrOf(links.find((l) => attrOf(l, 'rel') === 'self'), 'href'),
    language: textOf(childOf(channel, 'language')),
    published: textOf(childOf(channel, 'pubDate')),
    updated: textOf(childOf(channel, 'lastBuildDate')),
    rights: textOf(childOf(channel, 'copyright')),
    authors: [],
    items: listOf(childOf(channel, 'item')).map(item),
  };
}

function item(node: unknown): ItemView<string> {
  const author = textOf(childOf(node, 'author'));
  const creators = listOf(childOf(node, 'dc:creator')).map((c): PersonView => ({ name: textOf(c) }));
  return {
    id: textOf(childOf(node, 'guid')),
    title: textOf(childOf(node, 'title')),
    link: textOf(childOf(node, 'link')),
    published: textOf(childOf(node, 'pubDate')),
    updated: textOf(childOf(node, 'atom:updated')),
    summary: textOf(childOf(node, 'description')),
    content: textOf(childOf(node, 'content:encoded')),
    authors: author === undefined ? creators : [readContact(author), ...creators],
    tags: listOf(childOf(node, 'category')).map((c) => textOf(c) ?? ''),
    attachments: listOf(childOf(node, 'enclosure')).map((e) => ({ url: attrOf(e, 'url'), type: attrOf(e, 'type'), length: attrOf(e, 'length') })),
    rights: textOf(childOf(node, 'dc:rights')),
  };
}

/** `email (Name)`, or a bare email. */
export function readContact(text: string): PersonView {
  const m = /^\s*(\S+@\S+)\s*(?:\((.*)\))?\s*$/.exec(text);
  if (!m) return { name: text };
  return { email: m[1]!, name: m[2] ?? m[1]! };
}

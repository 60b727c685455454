import { attrOf, childOf, listOf, textOf, type XmlNode } from '../parse.js';
import type { FeedView, ItemView, PersonView } from '../view.js';

/** Atom 1.0 as a reader sees it; undefined when the document is not Atom. */
export function read(doc: XmlNode): FeedView<string> | undefined {
  const feed = childOf(doc, 'feed');
  if (feed === undefined) return undefined;
  const links = listOf(childOf(feed, 'link'));
  return {
    title: textOf(childOf(feed, 'title')),
    description: textOf(childOf(feed, 'subtitle')),
    link: linkHref(links, 'alternate'),
    selfLink: linkHref(links, 'self'),
    language: attrOf(feed, 'xml:lang'),
    updated: textOf(childOf(feed, 'updated')),
    rights: textOf(childOf(feed, 'rights')),
    authors: listOf(childOf(feed, 'author')).map(person),
    items: listOf(childOf(feed, 'entry')).map(entry),
  };
}

function entry(node: unknown): ItemView<string> {
  const links = listOf(childOf(node, 'link'));
  return {
    id: textOf(childOf(node, 'id')),
    title: textOf(childOf(node, 'title')),
    link: linkHref(links, 'alternate'),
    published: textOf(childOf(node, 'published')),
    updated: textOf(childOf(node, 'updated')),
    summary: textOf(childOf(node, 'summary')),
    content: textOf(childOf(node, 'content')),
    authors: listOf(childOf(node, 'author')).map(person),
    tags: listOf(childOf(node, 'category')).map((c) => attrOf(c, 'term') ?? ''),
    attachments: links
      .filter((l) => attrOf(l, 'rel') === 'enclosure')
      .map((l) => ({ url: attrOf(l, 'href'), type: attrOf(l, 'type'), length: attrOf(l, 'length') })),
    language: attrOf(node, 'xml:lang'),
    rights: textOf(childOf(node, 'rights')),
  };
}

// RFC 4287 4.2.7.2: a link without rel is an alternate link.
const linkHref = (links: readonly unknown[], rel: string): string | undefined =>
  attrOf(links.find((l) => (attrOf(l, 'rel') ?? 'alternate') === rel), 'href');

const person = (node: unknown): PersonView => ({
  name: textOf(childOf(node, 'name')),
  email: textOf(childOf(node, 'email')),
  url: textOf(childOf(node, 'uri')),
});

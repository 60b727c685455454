import type { XmlElement } from '../tree.js';
import { readPhoto } from './media.js';
import type { FeedView, ItemView, PersonView } from '../view.js';

/** Atom 1.0 as a reader sees it; undefined when the document is not Atom. */
export function read(root: XmlElement): FeedView<string> | undefined {
  if (root.key !== 'atom:feed') return undefined;
  const text = (key: string) => root.child(key)?.text;
  const links = root.childrenOf('atom:link');
  return {
    title: text('atom:title'),
    description: text('atom:subtitle'),
    link: linkHref(links, 'alternate'),
    selfLink: linkHref(links, 'self'),
    language: root.attr('xml:lang'),
    updated: text('atom:updated'),
    rights: text('atom:rights'),
    icon: text('atom:icon'),
    logo: text('atom:logo'),
    hub: linkHref(links, 'hub'),
    generator: text('atom:generator'),
    authors: root.childrenOf('atom:author').map(person),
    items: root.childrenOf('atom:entry').map(entry),
  };
}

export function entry(node: XmlElement): ItemView<string> {
  const text = (key: string) => node.child(key)?.text;
  const links = node.childrenOf('atom:link');
  return {
    id: text('atom:id'),
    title: text('atom:title'),
    link: linkHref(links, 'alternate'),
    published: text('atom:published'),
    updated: text('atom:updated'),
    summary: text('atom:summary'),
    content: text('atom:content'),
    authors: node.childrenOf('atom:author').map(person),
    tags: node.childrenOf('atom:category').map((c) => c.attr('term') ?? ''),
    attachments: links
      .filter((l) => l.attr('rel') === 'enclosure')
      .map((l) => ({ url: l.attr('href'), type: l.attr('type'), length: l.attr('length'), title: l.attr('title') })),
    language: node.attr('xml:lang'),
    rights: text('atom:rights'),
    photo: readPhoto(node),
    // RFC 4287 3.1.1: a text construct without type is text.
    titleType: node.child('atom:title')?.attr('type') ?? 'text',
    summaryType: node.child('atom:summary') && (node.child('atom:summary')!.attr('type') ?? 'text'),
    contentType: node.child('atom:content') && (node.child('atom:content')!.attr('type') ?? 'text'),
  };
}

// RFC 4287 4.2.7.2: a link without rel is an alternate link.
const linkHref = (links: readonly XmlElement[], rel: string): string | undefined => links.find((l) => (l.attr('rel') ?? 'alternate') === rel)?.attr('href');

const person = (node: XmlElement): PersonView => ({
  name: node.child('atom:name')?.text,
  email: node.child('atom:email')?.text,
  url: node.child('atom:uri')?.text,
});

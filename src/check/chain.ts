import { XMLParser } from 'fast-xml-parser';
import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import { check } from './check.js';
import type { Rule } from './rules/index.js';

/** What a document says of its place in an archive (RFC 5005; JSON Feed's `next_url`): its self link, its items' ids, the older page. */
export interface ArchiveView {
  readonly self?: string;
  readonly ids: readonly string[];
  readonly prev?: string;
  /** Whether it says it is an archive page (`fh:archive`); JSON Feed has no way to. */
  readonly archived: boolean;
  readonly json: boolean;
}

/** A document the chain leads to: its text, and how messages name it; `missing` when nothing is there; undefined when the URL is outside what is checked. */
export type PageLoader = (url: string) => Promise<{ readonly file: string; readonly text?: string } | undefined>;

// Values as written: a guid "0012" is not the number 12.
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, parseTagValue: false, parseAttributeValue: false, isArray: (name) => ['item', 'entry', 'link', 'atom:link'].includes(name) });

/** The archive view of a feed document; undefined when it is not one that can be read. */
export function archiveView(text: string): ArchiveView | undefined {
  try {
    if (/^\s*[{[]/.test(text)) {
      const doc = JSON.parse(text) as { feed_url?: unknown; next_url?: unknown; items?: { id?: unknown }[] };
      return { ...(typeof doc.feed_url === 'string' ? { self: doc.feed_url } : {}), ids: (doc.items ?? []).map((i) => String(i.id)), ...(typeof doc.next_url === 'string' ? { prev: doc.next_url } : {}), archived: false, json: true };
    }
    const doc = xml.parse(text) as { rss?: { channel?: Record<string, unknown> }; feed?: Record<string, unknown> };
    const root = doc.rss?.channel ?? doc.feed;
    if (root === undefined) return undefined;
    const links = ((doc.rss ? root['atom:link'] : root.link) ?? []) as { rel?: string; href?: string }[];
    const href = (rel: string) => links.find((l) => l.rel === rel)?.href;
    const items = (doc.rss ? root.item : root.entry) as Record<string, unknown>[] | undefined;
    const idOf = (item: Record<string, unknown>) => {
      const id = doc.rss ? item.guid : item.id;
      return String(typeof id === 'object' && id !== null ? (id as Record<string, unknown>)['#text'] : id);
    };
    const self = href('self');
    const prev = href('prev-archive');
    return { ...(self ? { self } : {}), ids: (items ?? []).map(idOf), ...(prev ? { prev } : {}), archived: 'fh:archive' in root, json: false };
  } catch {
    return undefined;
  }
}

/**
 * Follows a head's chain of archive pages (RFC 5005 `prev-archive`, JSON
 * Feed `next_url`) through `load`, checking each page with the rules as
 * any feed, and reports what breaks the chain: a link that leads nowhere
 * or outside, a page that is not there, a loop, a page that does not say it
 * is one, an id on two pages (docs/feed-set.md).
 */
export async function followArchive(head: { readonly file: string; readonly view: ArchiveView }, load: PageLoader, options: { readonly now?: number; readonly rules?: readonly Rule[] } = {}): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  const visited = new Set<string>();
  let from = head.file;
  let url = head.view.prev;
  while (url !== undefined) {
    const report = diagnosticsFor(from, diagnostics);
    const rel = head.view.json ? 'next_url' : 'prev-archive';
    if (visited.has(url)) {
      report.error('archive/loop', `links (${rel}) to ${url}, a page already on the chain: the chain never ends`);
      break;
    }
    visited.add(url);
    const page = await load(url);
    if (page === undefined) {
      report.error('archive/broken-link', `links (${rel}) to ${url}, which is not on the host the feed says it is served from; pass --base with the URL of the folder the feed is served from`);
      break;
    }
    if (page.text === undefined) {
      report.error('archive/missing-page', `links (${rel}) to ${url}, and ${page.file} is not there`);
      break;
    }
    const checked = check(page.text, { file: page.file, ...(options.now === undefined ? {} : { now: options.now }), ...(options.rules === undefined ? {} : { rules: options.rules }) });
    diagnostics.push(...checked.diagnostics);
    const view = archiveView(page.text);
    if (view === undefined) {
      // A document check reads that is no feed (an Atom entry standing alone): the chain cannot go on through it.
      if (!checked.diagnostics.some((d) => d.severity === 'error')) report.error('archive/not-a-feed', `links (${rel}) to ${url}, and ${page.file} is not a feed; an archive page is a feed document (RFC 5005), with its items and its own prev-archive link`);
      break;
    }
    const at = diagnosticsFor(page.file, diagnostics);
    if (!view.json && !view.archived) at.warning('archive/not-marked', 'is on the archive chain but has no <fh:archive/>: readers may take it for a feed of its own');
    for (const id of view.ids) {
      const other = seen.get(id);
      if (other !== undefined) at.error('archive/duplicate-id', `holds the item ${id}, as does ${other}: a reader that walks the archive sees it twice`);
      else seen.set(id, page.file);
    }
    from = page.file;
    url = view.prev;
  }
  return diagnostics;
}

import type { DateTime } from 'luxon';

/** Where a value came from, for messages: a file and, where known, a line. */
export interface Source {
  readonly file: string;
  readonly line?: number;
}

export interface Person {
  readonly name: string;
  readonly email?: string;
  readonly url?: string;
}

export interface Attachment {
  readonly url: string;
  readonly type: string;
  readonly length?: number;
  readonly title?: string;
  /** How long the audio or video plays: JSON Feed's `duration_in_seconds`. */
  readonly durationInSeconds?: number;
}

/** A photo caption of a wire article: its text, and the credit after " /". */
export interface Caption {
  readonly text: string;
  readonly credit: string;
}

/** One article, every default filled in; what every renderer reads. */
export interface Entry {
  readonly source: Source;
  readonly slug: string;
  readonly id: string;
  readonly title: string;
  readonly link: string;
  /** Dates keep the zone their author wrote (or UTC under `utc`). */
  readonly published: DateTime;
  readonly updated: DateTime;
  /** Plain text. */
  readonly summary?: string;
  /** HTML. */
  readonly contentHtml: string;
  readonly authors: readonly Person[];
  readonly tags: readonly string[];
  /** The article's image, its media type settled: JSON Feed `image`, an enclosure in RSS and Atom. */
  readonly image?: Attachment;
  readonly attachments: readonly Attachment[];
  readonly language?: string;
  readonly rights?: string;
  readonly captions: readonly Caption[];
}

/**
 * The one enclosure RSS allows an item (RSS Best Practices Profile): the
 * first attachment, else the image. RSS requires a length; when none is
 * known the profile's advice is followed and 0 is written.
 */
export const rssEnclosure = (entry: Entry): Attachment | undefined => entry.attachments[0] ?? entry.image;

/** Atom's enclosure links: the image, then every attachment. */
export const atomEnclosures = (entry: Entry): readonly Attachment[] => (entry.image ? [entry.image, ...entry.attachments] : entry.attachments);

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface Feed {
  readonly title: string;
  readonly description: string;
  readonly homePageUrl: string;
  /** The self link of each format's document. */
  readonly feedUrls: Readonly<Record<FeedFormat, string>>;
  readonly language: string;
  readonly authors: readonly Person[];
  readonly rights?: string;
  readonly icon?: string;
  readonly logo?: string;
  readonly hub?: string;
  readonly stylesheet?: string;
  /** The latest update of any item: never the clock. */
  readonly updated: DateTime;
  /** The latest publication of any item. */
  readonly published: DateTime;
  /** Newest first, at most `limit`. */
  readonly entries: readonly Entry[];
  /** Its place in an RFC 5005 archive (docs/feed-set.md): absent when the config asks for none. */
  readonly archive?: ArchiveLinks;
}

/**
 * RFC 5005 links of a feed: a head's `prev` is its newest archive page; an
 * archive page (`page`) links to the page before it (none on the first) and
 * to its head (`current`). Each is the URL of the same format's document.
 */
export interface ArchiveLinks {
  readonly page: boolean;
  readonly prev?: Readonly<Record<FeedFormat, string>>;
  readonly current?: Readonly<Record<FeedFormat, string>>;
}

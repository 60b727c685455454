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

/**
 * A photo's details, as a record gives them (`image: { url, alt, caption,
 * credit, width, height, type, thumbnail }`), or as a wire article's caption
 * paragraph ("… /Credit") gives its caption and credit.
 */
export interface PhotoDetails {
  /** Its text alternative, for readers that cannot see it. */
  readonly alt?: string;
  readonly caption?: string;
  readonly credit?: string;
  /** The credit's role (Media RSS `role`: "photographer", "author"…). */
  readonly creditRole?: string;
  readonly width?: number;
  readonly height?: number;
  /** Its media type, when its extension does not say it. */
  readonly type?: string;
  /** A smaller version's URL or path. */
  readonly thumbnail?: string;
}

/**
 * An article's image as the feeds carry it (docs/records.md, "Photos"): an
 * attachment, and what is known of the photo: Media RSS `media:content` in
 * RSS and Atom, `image` and `_media` in JSON Feed. Its thumbnail is an
 * absolute URL.
 */
export interface Photo extends Attachment, Omit<PhotoDetails, 'type'> {}

/** What a record says of itself as a podcast episode (docs/podcasts.md). */
export interface EpisodeDetails {
  readonly number?: number;
  readonly season?: number;
  readonly type?: 'full' | 'trailer' | 'bonus';
  /** How long it plays, in seconds. */
  readonly duration?: number;
  readonly explicit?: boolean;
  readonly transcript?: { readonly url: string; readonly type: string };
  /** Its chapters' URL or path (Podcasting 2.0 JSON chapters). */
  readonly chapters?: string;
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
  /** The article's image, its media type settled: an enclosure and `media:content` in RSS and Atom, JSON Feed `image` and `_media`. */
  readonly image?: Photo;
  readonly attachments: readonly Attachment[];
  readonly language?: string;
  readonly rights?: string;
  readonly captions: readonly Caption[];
  /** A podcast episode's details (docs/podcasts.md), its URLs absolute. */
  readonly episode?: EpisodeDetails;
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
/** What `check` reads: the formats feedwright writes, and RSS 1.0 (RDF), which it only checks. */
export type CheckedFormat = FeedFormat | 'rdf';

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
  /** The show, when the feed is a podcast (docs/podcasts.md). */
  readonly podcast?: Show;
}

/** A podcast's show, as the config's `podcast` gives it (docs/podcasts.md): what Apple Podcasts and the Podcasting 2.0 namespace ask of a show. */
export interface ShowDetails {
  /** The show's artwork: a JPEG or PNG URL. */
  readonly image: string;
  readonly categories: readonly { readonly category: string; readonly subcategory?: string }[];
  readonly explicit: boolean;
  readonly author?: string;
  readonly owner?: { readonly name: string; readonly email: string };
  readonly type: 'episodic' | 'serial';
  readonly locked?: boolean;
  /** The show's Podcasting 2.0 GUID; by default the UUID v5 of its feed URL. */
  readonly guid?: string;
  readonly funding?: { readonly url: string; readonly text: string };
}

/** A podcast's show as a feed carries it: its GUID settled. */
export interface Show extends ShowDetails {
  readonly guid: string;
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

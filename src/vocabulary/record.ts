import type { DateTime } from 'luxon';
import type { Caption, EpisodeDetails, Person, PhotoDetails, Source } from './types.js';

/** The fields of a record (docs/records.md) as a record may give them. */
export type Field =
  | 'title' | 'published' | 'updated' | 'id' | 'link' | 'summary' | 'content' | 'authors' | 'tags'
  | 'image' | 'attachments' | 'language' | 'rights' | 'draft' | 'slug' | 'expires'
  | 'episode' | 'season' | 'episodeType' | 'duration' | 'explicit' | 'transcript' | 'chapters';

/** What a reader does with a key feedwright does not use (docs/config.md, unknownFields). */
export type UnknownFieldsMode = 'warn' | 'ignore' | 'error';

/**
 * One article as read from its file: values already typed (dates parsed with
 * their zone), defaults not yet filled in. `lines` says where each field was
 * written, for messages about it later.
 */
export interface ArticleRecord {
  readonly source: Source;
  readonly lines: Readonly<Partial<Record<Field, number>>>;
  readonly slug: string;
  readonly title?: string;
  readonly published?: DateTime;
  readonly updated?: DateTime;
  readonly id?: string;
  readonly link?: string;
  readonly summary?: string;
  readonly contentHtml?: string;
  readonly authors?: readonly Person[];
  readonly tags?: readonly string[];
  readonly image?: string;
  /** What the record says of its image besides its URL: its caption and credit, size, text alternative (docs/records.md, "Photos"). */
  readonly photo?: PhotoDetails;
  readonly attachments?: readonly RecordAttachment[];
  readonly language?: string;
  readonly rights?: string;
  readonly draft?: boolean;
  /**
   * When the article stops being shown (Hugo's `expiryDate`), as an instant
   * (epoch ms): builds after it leave it out, as a draft is. Only the instant
   * counts, and the memo keeps it as it is (docs/caching.md).
   */
  readonly expires?: number;
  readonly captions?: readonly Caption[];
  /** A podcast episode's details (docs/podcasts.md). */
  readonly episode?: EpisodeDetails;
  /** The keys of the record feedwright does not use (such as Jekyll's `layout`), each once, for the build's one warning about them. */
  readonly unknownFields?: readonly string[];
}

/** An attachment as a record gives it: the media type may be left to the file extension. */
export interface RecordAttachment {
  readonly url: string;
  readonly type?: string;
  readonly length?: number;
  readonly title?: string;
  /** How long it plays (JSON Feed's `duration_in_seconds`). */
  readonly durationInSeconds?: number;
}

/** What every record reader is given besides the file's text. */
export interface ReadContext {
  /** The config's IANA zone, for dates written without one. */
  readonly timezone?: string;
  /**
   * What to do with a key feedwright does not use: "error" refuses it where
   * it is written; "warn" and "ignore" keep its name on the record, for the
   * build to count (docs/config.md). Without it: "warn", the config's default.
   */
  readonly unknownFields?: UnknownFieldsMode;
}

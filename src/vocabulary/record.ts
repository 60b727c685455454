import type { DateTime } from 'luxon';
import type { Caption, Person, Source } from './types.js';

/** The fields of a record (docs/records.md) as a record may give them. */
export type Field =
  | 'title' | 'published' | 'updated' | 'id' | 'link' | 'summary' | 'content' | 'authors' | 'tags'
  | 'image' | 'attachments' | 'language' | 'rights' | 'draft' | 'slug';

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
  readonly attachments?: readonly RecordAttachment[];
  readonly language?: string;
  readonly rights?: string;
  readonly draft?: boolean;
  readonly captions?: readonly Caption[];
}

/** An attachment as a record gives it: the media type may be left to the file extension. */
export interface RecordAttachment {
  readonly url: string;
  readonly type?: string;
  readonly length?: number;
  readonly title?: string;
}

/** What every record reader is given besides the file's text. */
export interface ReadContext {
  /** The config's IANA zone, for dates written without one. */
  readonly timezone?: string;
}

/**
 * A feed as a reader sees it, whatever its format: what the proof compares.
 * `D` is how dates are held: as written (string) in a document read back,
 * as values (DateTime) in what the model says the document must carry.
 */
export interface PersonView {
  readonly name?: string;
  readonly email?: string;
  readonly url?: string;
}

export interface AttachmentView {
  readonly url?: string;
  readonly type?: string;
  readonly length?: string;
  readonly title?: string;
  /** JSON Feed's `duration_in_seconds`, as written. */
  readonly duration?: string;
}

/** An item's photo as Media RSS or JSON Feed's `_media` carries it, every value as written. */
export interface PhotoView {
  readonly url?: string;
  readonly type?: string;
  readonly medium?: string;
  readonly width?: string;
  readonly height?: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly creditRole?: string;
  readonly alt?: string;
  readonly thumbnail?: string;
}

/** A podcast's show as its RSS channel carries it (Apple's `itunes:` tags, the Podcasting 2.0 namespace's), every value as written. */
export interface ShowView {
  readonly image?: string;
  /** "Category", or "Category/Subcategory" for each subcategory, sorted. */
  readonly categories: readonly string[];
  readonly explicit?: string;
  readonly author?: string;
  readonly ownerName?: string;
  readonly ownerEmail?: string;
  readonly type?: string;
  readonly guid?: string;
  readonly locked?: string;
  readonly lockedOwner?: string;
  readonly fundingUrl?: string;
  readonly fundingText?: string;
}

/** A podcast episode's tags in its RSS item, every value as written. */
export interface EpisodeView {
  readonly episode?: string;
  readonly season?: string;
  readonly episodeType?: string;
  readonly duration?: string;
  readonly explicit?: string;
  readonly image?: string;
  readonly transcriptUrl?: string;
  readonly transcriptType?: string;
  readonly chapters?: string;
  readonly podcastSeason?: string;
  readonly podcastEpisode?: string;
}

export interface ItemView<D> {
  readonly id?: string;
  readonly title?: string;
  readonly link?: string;
  readonly published?: D;
  readonly updated?: D;
  readonly summary?: string;
  readonly content?: string;
  readonly authors: readonly PersonView[];
  readonly tags: readonly string[];
  readonly attachments: readonly AttachmentView[];
  readonly image?: string;
  /** The photo's details: Media RSS `media:content` in RSS and Atom; JSON Feed's `_media` with its `image`. */
  readonly photo?: PhotoView;
  /** RSS: a podcast episode's tags. */
  readonly episode?: EpisodeView;
  readonly language?: string;
  readonly rights?: string;
  /** Atom: the `type` of the title, summary and content constructs. */
  readonly titleType?: string;
  readonly summaryType?: string;
  readonly contentType?: string;
}

export interface FeedView<D> {
  readonly title?: string;
  readonly description?: string;
  readonly link?: string;
  readonly selfLink?: string;
  readonly language?: string;
  readonly published?: D;
  readonly updated?: D;
  readonly rights?: string;
  readonly icon?: string;
  readonly logo?: string;
  readonly hub?: string;
  readonly generator?: string;
  readonly authors: readonly PersonView[];
  /** RSS: a podcast's show tags. */
  readonly show?: ShowView;
  readonly items: readonly ItemView<D>[];
}

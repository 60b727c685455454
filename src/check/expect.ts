import type { DateTime } from 'luxon';
import { GENERATOR } from '../vocabulary/formats.js';
import { mailtoUrl } from '../vocabulary/values.js';
import { escapeHtml } from '../vocabulary/html.js';
import type { Attachment, Entry, Feed, FeedFormat, Person, Photo, Show } from '../vocabulary/types.js';
import type { AttachmentView, EpisodeView, FeedView, ItemView, PersonView, PhotoView, ShowView } from './view.js';

/*
 * What a document of each format must carry for a feed, written from each
 * format's specification rather than from the renderers, so that the proof
 * checks the renderers instead of repeating them. (The summary's text to
 * HTML is the model's escapeHtml, which the renderers share: it is tested on
 * its own.)
 */

/** The feed's own fields, its items left out (they are `expectedItem`'s). */
export function expectedFeed(feed: Feed, format: FeedFormat): Omit<FeedView<DateTime>, 'items'> {
  return {
    title: feed.title,
    description: feed.description,
    link: feed.homePageUrl,
    selfLink: feed.feedUrls[format],
    language: feed.language,
    ...(format === 'rss' ? { published: feed.published } : {}),
    ...(format === 'json' ? {} : { updated: feed.updated }),
    ...(format === 'json' ? {} : { rights: feed.rights }),
    // RSS has one image: the logo, else the icon. JSON Feed's favicon is the icon, its icon the logo.
    ...(format === 'rss' ? { logo: feed.logo ?? feed.icon } : { icon: feed.icon, logo: feed.logo }),
    hub: feed.hub,
    ...(format === 'json' ? {} : { generator: GENERATOR.name }),
    authors: format === 'rss' ? [] : feed.authors.map((p) => personIn(format, p)),
    ...(format === 'rss' ? { show: showIn(feed.podcast) } : {}),
  };
}

/** What one item of a document of `format` must carry; `podcast` when the feed is a podcast's. */
export function expectedItem(e: Entry, format: FeedFormat, podcast: boolean): ItemView<DateTime> {
  // The summary is text; the XML formats carry it as HTML.
  const summary = e.summary === undefined ? undefined : format === 'json' ? e.summary : escapeHtml(e.summary);
  return {
    id: e.id,
    title: e.title,
    link: e.link,
    published: e.published,
    updated: e.updated,
    summary,
    // Summaries only (docs/config.md, "content"): no content in RSS and Atom, the summary as JSON Feed's content_text.
    content: e.contentHtml !== '' ? e.contentHtml : format === 'json' ? (e.summary ?? '') : undefined,
    authors: format === 'rss' ? rssAuthors(e.authors) : e.authors.map((p) => personIn(format, p)),
    tags: e.tags,
    attachments: enclosuresIn(format, e),
    ...(format === 'json' ? { image: e.image?.url } : {}),
    photo: photoIn(format, e.image),
    ...(format === 'rss' ? { episode: podcast ? episodeIn(e) : undefined } : {}),
    ...(format === 'rss' ? {} : { language: e.language }),
    ...(format === 'json' ? {} : { rights: e.rights }),
    // Atom: a headline is text even when it holds "<"; summary and content are HTML.
    ...(format === 'atom' ? { titleType: 'text', summaryType: e.summary === undefined ? undefined : 'html', contentType: e.contentHtml === '' ? undefined : 'html' } : {}),
  };
}

/**
 * RSS: one enclosure, the first attachment else the image, with a length
 * always (0 when unknown); Atom: the image and every attachment as enclosure
 * links; JSON Feed: the attachments (the image has a field of its own).
 */
function enclosuresIn(format: FeedFormat, e: Entry): AttachmentView[] {
  const view = (a: Attachment, length = a.length): AttachmentView => ({ url: a.url, type: a.type, length: length === undefined ? undefined : String(length), title: a.title });
  if (format === 'rss') {
    const one = e.attachments[0] ?? e.image;
    return one ? [{ ...view(one, one.length ?? 0), title: undefined }] : [];
  }
  if (format === 'atom') return (e.image ? [e.image, ...e.attachments] : e.attachments).map((a) => view(a));
  return e.attachments.map((a) => ({ ...view(a), ...(a.durationInSeconds === undefined ? {} : { duration: String(a.durationInSeconds) }) }));
}

/**
 * The photo: in RSS and Atom, Media RSS `media:content` (medium "image")
 * with its details; in JSON Feed, `image` with the details in `_media`,
 * there only when there are any.
 */
function photoIn(format: FeedFormat, p: Photo | undefined): PhotoView | undefined {
  if (p === undefined) return undefined;
  const size = (n: number | undefined) => (n === undefined ? undefined : String(n));
  const details = { caption: p.caption, credit: p.credit, creditRole: p.creditRole, alt: p.alt, width: size(p.width), height: size(p.height), thumbnail: p.thumbnail };
  if (format === 'json') return Object.values(details).some((v) => v !== undefined) ? { url: p.url, ...details } : undefined;
  return { url: p.url, type: p.type, medium: 'image', ...details };
}

const text = (value: number | boolean | undefined): string | undefined => (value === undefined ? undefined : String(value));

/**
 * A podcast's show in RSS (docs/podcasts.md): Apple's artwork, categories
 * (a category with subcategories is written once, holding them), explicit
 * ("true" or "false"), author, owner and type; the Podcasting 2.0 GUID, lock
 * ("yes" or "no", naming the owner's email) and funding.
 */
function showIn(show: Show | undefined): ShowView | undefined {
  if (show === undefined) return undefined;
  const withSubs = new Set(show.categories.filter((c) => c.subcategory !== undefined).map((c) => c.category));
  const categories = show.categories.filter((c) => c.subcategory !== undefined || !withSubs.has(c.category)).map((c) => (c.subcategory === undefined ? c.category : `${c.category}/${c.subcategory}`));
  return {
    image: show.image,
    categories: [...new Set(categories)].sort(),
    explicit: String(show.explicit),
    author: show.author,
    ownerName: show.owner?.name,
    ownerEmail: show.owner?.email,
    type: show.type,
    guid: show.guid,
    locked: show.locked === undefined ? undefined : show.locked ? 'yes' : 'no',
    lockedOwner: show.locked === undefined ? undefined : show.owner?.email,
    fundingUrl: show.funding?.url,
    fundingText: show.funding?.text,
  };
}

/**
 * An episode in RSS: Apple's number, season, type, duration (whole seconds:
 * the episode's own, else its audio's or video's), explicit and artwork (the
 * item's image); the Podcasting 2.0 transcript, chapters, season and episode.
 * An episode with none of them carries no tag.
 */
function episodeIn(e: Entry): EpisodeView | undefined {
  const d = e.episode ?? {};
  const duration = d.duration ?? e.attachments.find((a) => /^(audio|video)\//.test(a.type))?.durationInSeconds;
  const view: EpisodeView = {
    episode: text(d.number),
    season: text(d.season),
    episodeType: d.type,
    duration: duration === undefined ? undefined : String(Math.round(duration)),
    explicit: text(d.explicit),
    image: e.image?.url,
    transcriptUrl: d.transcript?.url,
    transcriptType: d.transcript?.type,
    chapters: d.chapters,
    podcastSeason: text(d.season),
    podcastEpisode: text(d.number),
  };
  return Object.values(view).some((v) => v !== undefined) ? view : undefined;
}

/** RSS: one author with a known email as `email (Name)`; otherwise names only, in dc:creator. */
function rssAuthors(authors: readonly Person[]): PersonView[] {
  const [only] = authors;
  if (authors.length === 1 && only?.email !== undefined) return [{ name: only.name, email: only.email }];
  return authors.map((p) => ({ name: p.name }));
}

/** Atom carries name, email and uri; JSON Feed name and url (an email as a mailto: URL when there is no url). */
function personIn(format: FeedFormat, p: Person): PersonView {
  if (format === 'json') return { name: p.name, url: p.url ?? (p.email === undefined ? undefined : mailtoUrl(p.email)) };
  return { name: p.name, email: p.email, url: p.url };
}

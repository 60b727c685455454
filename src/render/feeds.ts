import type { Feed, FeedFormat } from '../vocabulary/types.js';
import { pieces as atomPieces } from './atom.js';
import { pieces as jsonFeedPieces } from './json-feed.js';
import type { DocumentPieces } from './pieces.js';
import { pieces as rssPieces } from './rss.js';

const PIECES: Readonly<Record<FeedFormat, (feed: Feed) => DocumentPieces>> = { rss: rssPieces, atom: atomPieces, json: jsonFeedPieces };

/** The formats in the order a build renders, proves and writes them. */
export const FORMATS = Object.keys(PIECES) as FeedFormat[];

/** One format of a feed in the pieces a build writes one at a time. */
export const renderPieces = (feed: Feed, format: FeedFormat): DocumentPieces => PIECES[format](feed);

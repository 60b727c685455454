import { join } from 'node:path';
import type { Rendered } from '../check/prove.js';
import type { Config } from '../config/config.js';
import type { Feed, FeedFormat } from '../model/types.js';
import { pieces as atomPieces, render as renderAtom } from './atom.js';
import { pieces as jsonFeedPieces, render as renderJsonFeed } from './json-feed.js';
import type { DocumentPieces } from './pieces.js';
import { pieces as rssPieces, render as renderRss } from './rss.js';

const RENDERERS: Readonly<Record<FeedFormat, (feed: Feed) => string>> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };
const PIECES: Readonly<Record<FeedFormat, (feed: Feed) => DocumentPieces>> = { rss: rssPieces, atom: atomPieces, json: jsonFeedPieces };

/** One format of a feed in the pieces a build writes one at a time. */
export const renderPieces = (feed: Feed, format: FeedFormat): DocumentPieces => PIECES[format](feed);

/** The formats in the order a build renders, proves and writes them. */
export const FORMATS = Object.keys(RENDERERS) as FeedFormat[];

/** One format of a feed, with the path it is to be written to. */
export const renderFeed = (feed: Feed, config: Pick<Config, 'files'>, outDir: string, format: FeedFormat): Rendered => ({
  format,
  file: join(outDir, config.files[format]),
  text: RENDERERS[format](feed),
});

/** Renders every format of a feed, in a fixed order. */
export function renderFeeds(feed: Feed, config: Pick<Config, 'files'>, outDir: string): Rendered[] {
  return FORMATS.map((format) => renderFeed(feed, config, outDir, format));
}

/** feedwright's library entry: the pipeline and each of its steps. Named exports only. */
export { build, type BuildOptions, type BuildResult } from './build.js';
export { renderFeeds } from './render/feeds.js';
export { loadConfig, parseConfig, type Config } from './config/config.js';
export { readRecords, type ArticleRecord } from './records/index.js';
export { normalize } from './model/normalize.js';
export type { Attachment, Caption, Entry, Feed, FeedFormat, Person } from './model/types.js';
export { parseDate, readZone, rfc822, rfc3339, type DateResult } from './dates/index.js';
export { render as renderRss } from './render/rss.js';
export { render as renderAtom } from './render/atom.js';
export { render as renderJsonFeed } from './render/json-feed.js';
export { render as renderStylesheet } from './render/stylesheet.js';
export { serve, type ServeOptions, type Serving } from './serve/server.js';
export { prove, readBack, type Rendered } from './check/prove.js';
export { check as checkDocument, type CheckOptions, type CheckResult } from './check/check.js';
export { publish } from './write/publish.js';
export type { Diagnostic, Severity } from './diagnostic.js';
export { FeedwrightError, WriteError } from './errors.js';
export { run, type Io } from './cli/run.js';

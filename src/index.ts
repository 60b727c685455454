/** feedwright's library entry (docs/library.md). Named exports only. */
export { createFeeds, type CreateFeedsInput, type CreateFeedsResult } from './core/create-feeds.js';
export { build, type BuildOptions, type BuildResult } from './build/build.js';
export { check as checkDocument, type CheckOptions, type CheckResult } from './check/check.js';
export { serve, type ServeOptions, type Serving } from './serve/server.js';
export { parseDate, readZone, rfc822, rfc3339, type DateResult } from './dates/index.js';
export { render as renderRss } from './render/rss.js';
export { render as renderAtom } from './render/atom.js';
export { render as renderJsonFeed } from './render/json-feed.js';
export type { Config } from './config/config.js';
export type { Attachment, Caption, Entry, Feed, FeedFormat, Person } from './vocabulary/types.js';
export type { Diagnostic, Severity } from './vocabulary/diagnostic.js';
export { FeedwrightError, WriteError } from './vocabulary/errors.js';
export { run, type Io } from './cli/run.js';

import { createHash } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ARCHIVE_CACHE_CONTROL, DEFAULT_CACHE_CONTROL } from '../config/config.js';
import { MEDIA_TYPES } from '../vocabulary/formats.js';
import { ENCODINGS, isCopyOf } from '../write/precompress.js';
import { BROWSER_XML_TYPE, mediaTypeOf, withCharset, type OutputNames } from '../vocabulary/output-media.js';
import { chooseEncoding, notModified, wantsPage, type Encoding } from './negotiate.js';
import { fileInside, resolveFile } from './resolve.js';

export interface ServeOptions extends OutputNames {
  /** The output folder. */
  readonly root: string;
  /** Default 127.0.0.1: loopback only, unless asked. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  readonly cacheControl?: string;
  /** Called once per response, for a request log. */
  readonly onResponse?: (entry: ResponseEntry) => void;
}

export interface ResponseEntry {
  readonly method: string;
  readonly target: string;
  readonly status: number;
  readonly encoding?: Encoding;
}

/** A running server: where it listens, and how to stop it. */
export interface Serving {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

/**
 * A static server for an output folder as a CDN would serve it: each
 * feed's media type, strong ETags and Last-Modified, 304 on a conditional
 * request, HEAD, brotli and gzip by Accept-Encoding (a precompressed `.br`
 * or `.gz` beside the file when it holds the file's bytes), Cache-Control
 * from the config, and 404 for everything else.
 */
export async function serve(options: ServeOptions): Promise<Serving> {
  const root = await realpath(options.root);
  const respond = responder({ ...options, root });
  const server = createServer((request, response) => {
    respond(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'Internal server error\n');
      else response.destroy();
    });
  });
  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The path of an archive page's document: `…/archive/<k>/<file>`. */
const ARCHIVE_PAGE = /\/archive\/[1-9]\d*\/[^/]+$/;

/** The request handler alone, for a server of the caller's own; `root` must be a real path. */
function responder(options: ServeOptions): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const cacheControl = options.cacheControl ?? DEFAULT_CACHE_CONTROL;
  const compressed = new CompressedCache(64);

  return async (request, response) => {
    const method = request.method ?? 'GET';
    const target = request.url ?? '/';
    const log = (status: number, encoding?: Encoding) => options.onResponse?.({ method, target, status, ...(encoding ? { encoding } : {}) });
    if (method !== 'GET' && method !== 'HEAD') {
      send(response, 405, 'Method not allowed: use GET or HEAD\n', { Allow: 'GET, HEAD' });
      return log(405);
    }
    const file = await resolveFile(options.root, target);
    if (!file.ok) {
      send(response, file.status, file.status === 404 ? 'Not found\n' : 'Bad request\n', {}, method === 'HEAD');
      return log(file.status);
    }

    const identity = await readFile(file.path);
    const media = mediaTypeOf(file.name, options);
    // A browser gets an XML feed as application/xml, the type it applies the feed's stylesheet to.
    const page = media.format !== undefined && media.format !== 'json' && wantsPage(request.headers.accept, MEDIA_TYPES[media.format]);
    const encoding = media.compressible ? chooseEncoding(request.headers['accept-encoding']) : 'identity';
    const identityTag = entityTag(identity);
    // Each encoding is its own representation, with a strong ETag of its own bytes.
    const { body, etag } =
      encoding === 'identity'
        ? { body: identity, etag: identityTag }
        : await compressed.get(`${identityTag}:${encoding}`, async () => {
            const bytes = await encodedCopy(options.root, file, identity, encoding);
            return { body: bytes, etag: entityTag(bytes) };
          });
    const vary = [...(media.compressible ? ['Accept-Encoding'] : []), ...(media.format !== undefined && media.format !== 'json' ? ['Accept'] : [])];
    const headers: Record<string, string> = {
      ETag: etag,
      'Last-Modified': new Date(file.mtimeMs).toUTCString(),
      // An archive page never changes once written (docs/feed-set.md): cached for a year.
      'Cache-Control': media.format !== undefined && ARCHIVE_PAGE.test(new URL(target, 'http://x').pathname) ? ARCHIVE_CACHE_CONTROL : cacheControl,
      ...(vary.length > 0 ? { Vary: vary.join(', ') } : {}),
    };

    if (notModified(request.headers, etag, file.mtimeMs)) {
      response.writeHead(304, headers).end();
      return log(304, encoding);
    }
    response.writeHead(200, {
      ...headers,
      'Content-Type': page ? withCharset(BROWSER_XML_TYPE) : media.contentType,
      'Content-Length': String(body.length),
      'X-Content-Type-Options': 'nosniff',
      ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
    });
    response.end(method === 'HEAD' ? undefined : body);
    log(200, encoding);
  };
}

/**
 * The precompressed copy beside the file when it decompresses to the file's
 * bytes, else a fresh compression. Judged by content, never by mtime: a
 * checkout gives the feed and a stale copy the same time. Called once per
 * content of the file and encoding (the cache is keyed by its ETag).
 */
async function encodedCopy(root: string, file: { readonly name: string }, identity: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  const copy = await fileInside(root, (file.name + ENCODINGS[encoding].suffix).split('/'));
  const bytes = copy.ok ? await readFile(copy.path).catch(() => undefined) : undefined;
  return bytes && isCopyOf(bytes, identity, encoding) ? bytes : ENCODINGS[encoding].compress(identity);
}

function send(response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}, head = false): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-store', ...extra });
  response.end(head ? undefined : text);
}

/** A strong validator: a digest of the bytes sent. */
const entityTag = (bytes: Buffer): string => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;

interface Representation {
  readonly body: Buffer;
  readonly etag: string;
}

/** Compressed bodies by the identity ETag and encoding, the oldest dropped first: a feed is compressed once per change, not per request. */
class CompressedCache {
  readonly #entries = new Map<string, Promise<Representation>>();
  constructor(readonly limit: number) {}

  get(key: string, make: () => Promise<Representation>): Promise<Representation> {
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = make();
      entry.catch(() => this.#entries.delete(key));
      this.#entries.set(key, entry);
      const oldest = this.#entries.keys().next().value;
      if (this.#entries.size > this.limit && oldest !== undefined) this.#entries.delete(oldest);
    }
    return entry;
  }
}

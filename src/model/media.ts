import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import mime from 'mime';
import type { Reporter } from '../diagnostic.js';
import type { RecordAttachment } from '../records/record.js';
import type { Attachment } from './types.js';

/**
 * An attachment with its media type settled: the one given, or the one its
 * extension names in a real media-type table (never "image/jpg"). A given
 * type that the table does not know is replaced by the extension's, with a
 * warning; with neither, the record is in error.
 */
export function settleMedia(given: RecordAttachment, sizes: ReadonlyMap<string, number>, report: Reporter, line: number | undefined, what: string): Attachment | undefined {
  const derived = mime.getType(pathOf(given.url)) ?? undefined;
  let type = given.type;
  if (type !== undefined && mime.getExtension(type) === null && derived !== undefined && derived !== type) {
    report.warning('input/media-type', `${what} has the media type "${type}", which is not registered; it is written as "${derived}", the type of its extension`, line);
    type = derived;
  }
  type ??= derived;
  if (type === undefined) {
    report.error('input/media-type', `${what} "${given.url}" has no extension that names its media type; give its "type", such as "audio/mpeg"`, line);
    return undefined;
  }
  const length = given.length ?? sizes.get(given.url);
  return { url: given.url, type, ...(length === undefined ? {} : { length }), ...(given.title === undefined ? {} : { title: given.title }) };
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * The sizes of the media files that are served from the site itself and lie
 * under `publicDir`: RSS needs an enclosure's length. A URL that leaves the
 * folder, or a file that is missing, has no size.
 */
export async function localMediaSizes(urls: Iterable<string>, siteUrl: string, publicDir: string): Promise<Map<string, number>> {
  const site = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  const root = resolve(publicDir);
  const sizes = new Map<string, number>();
  await Promise.all(
    [...new Set(urls)].map(async (text) => {
      const url = new URL(text);
      if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) return;
      let file: string;
      try {
        file = join(root, decodeURIComponent(url.pathname.slice(site.pathname.length)));
      } catch {
        return; // A malformed %-escape names no file.
      }
      if (relative(root, file).startsWith(`..${sep}`)) return;
      try {
        const info = await stat(file);
        if (info.isFile()) sizes.set(text, info.size);
      } catch {
        // Not there: the enclosure gets no measured size.
      }
    }),
  );
  return sizes;
}

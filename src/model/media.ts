import mime from 'mime';
import type { Reporter } from '../vocabulary/diagnostic.js';
import type { RecordAttachment } from '../vocabulary/record.js';
import type { Attachment } from '../vocabulary/types.js';

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
  return {
    url: given.url,
    type,
    ...(length === undefined ? {} : { length }),
    ...(given.title === undefined ? {} : { title: given.title }),
    ...(given.durationInSeconds === undefined ? {} : { durationInSeconds: given.durationInSeconds }),
  };
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

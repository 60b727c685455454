import type { Entry, Feed } from '../vocabulary/types.js';

/**
 * A document in the pieces a build writes and proves one at a time, so that
 * it never holds the whole of it: the document is the head, then one piece
 * per entry of the feed in order, then the tail.
 */
export interface DocumentPieces {
  readonly head: string;
  readonly item: (entry: Entry, index: number) => string;
  readonly tail: string;
}

/** The whole document, for a caller that wants it as one string. */
export function joinPieces(feed: Feed, pieces: DocumentPieces): string {
  const parts = [pieces.head];
  feed.entries.forEach((entry, index) => parts.push(pieces.item(entry, index)));
  parts.push(pieces.tail);
  return parts.join('');
}

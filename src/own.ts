/**
 * The memory tricks, in one place: each keeps a large text (a file read, a
 * document checked) from living on through a small string cut from it, and
 * each is kept because docs/performance.md measures what it saves.
 */

/**
 * A copy of a string that shares no memory with the text it was cut from.
 * V8 keeps a substring of 13 or more characters as a slice of its parent, so
 * a title cut from a file keeps the whole file's text alive, and a date cut
 * from a piece of a document keeps that piece. Whatever outlives the text it
 * came from, and is kept for every item, is copied with this. Prepending a
 * character makes a rope, which slice() first flattens into a new string of
 * its own.
 */
export const own = (text: string): string => (text.length < 13 ? text : (' ' + text).slice(1));

/**
 * V8 keeps the text of the last successful regular-expression match (the
 * legacy `RegExp.input`), and a date or a name read from a document is a
 * slice that keeps the whole document: without this, each document checked
 * stays in memory until other text is matched. At 100,000 items a document
 * is hundreds of megabytes.
 */
export const releaseLastMatch = (): void => void /^/.exec('');

/**
 * The memory tricks, in one place: each keeps a large text (a file read, a
 * document checked) from living on through a small string cut from it. Each
 * is kept only while a measurement still shows what it saves.
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
 * slice that keeps the whole document: without this, a document checked
 * stays in memory until other text is matched. Measured at 10,000 items
 * (57 MB of text): a JSON Feed or Atom document read back, or an RSS
 * document that is not well-formed, was kept whole after its check; with
 * this, nothing of it is.
 */
export const releaseLastMatch = (): void => void /^/.exec('');

/**
 * Strings kept as their UTF-8 bytes, one after another in one buffer, each
 * found by where it ends: for the few kept per file of a large archive (a
 * file's path, its name in messages). As strings, a million files' paths
 * and names weighed some 110 MB of the JavaScript heap, and V8 let the heap
 * grow to four times what it kept (docs/performance.md); packed, they are a
 * third of that, outside it. A string is made again when it is asked for;
 * one that is not well-formed (a lone surrogate, which no file name holds)
 * comes back with U+FFFD in its place, as it would be printed.
 */
export class PackedStrings implements Iterable<string> {
  /** `prefix`: what every string added starts with (a folder's path), kept once, not with each. */
  constructor(private readonly prefix = '') {}

  private bytes = Buffer.allocUnsafe(1 << 12);
  private ends = new Uint32Array(1 << 8);
  private used = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Adds `text`, which starts with the prefix, at the end; its index is the length before. */
  push(text: string): void {
    if (!text.startsWith(this.prefix)) throw new Error(`${text} does not start with ${this.prefix}`);
    const rest = text.slice(this.prefix.length);
    const size = Buffer.byteLength(rest);
    // The ends are 32-bit numbers.
    if (this.used + size > 0xffffffff) throw new RangeError('PackedStrings holds at most 4 GiB');
    if (this.used + size > this.bytes.length) {
      const bytes = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + size));
      this.bytes.copy(bytes, 0, 0, this.used);
      this.bytes = bytes;
    }
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.used += this.bytes.write(rest, this.used);
    this.ends[this.count++] = this.used;
  }

  /** The `index`th string; a negative index counts back from the end, as Array's at() does. */
  at(index: number): string | undefined {
    const i = index < 0 ? this.count + index : index;
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return undefined;
    return this.prefix + this.bytes.toString('utf8', i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.count; i++) yield this.at(i)!;
  }
}

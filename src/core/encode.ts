/**
 * Text encoded to UTF-8 as it is rendered, straight into buffers of a
 * megabyte: a document made a piece at a time is never one string, nor are
 * its pieces joined first, and its bytes take half the memory of the
 * two-byte string a text beyond Latin-1 makes (see docs/performance.md).
 */
export class Utf8Chunks {
  private readonly chunks: Uint8Array[] = [];
  private buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  write(text: string): void {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.seal();
      this.buffer = Buffer.allocUnsafe(Math.max(CHUNK, text.length * 3));
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  end(): readonly Uint8Array[] {
    this.seal();
    return this.chunks;
  }

  private seal(): void {
    if (this.used > 0) this.chunks.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.alloc(0);
    this.used = 0;
  }
}

const CHUNK = 1 << 20;

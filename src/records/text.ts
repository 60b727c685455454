import { isUtf8 } from 'node:buffer';
import type { Reporter } from '../vocabulary/diagnostic.js';
import { codePointName, mayHoldForbidden, XML_CONTROL, XML_FORBIDDEN } from '../vocabulary/formats.js';

const FORBIDDEN = new RegExp(XML_FORBIDDEN.source, 'g');
const hasForbidden = (text: string) => mayHoldForbidden(text) && XML_FORBIDDEN.test(text);

const codePoint = (ch: string) => codePointName(ch.charCodeAt(0));

/**
 * Turns a file's bytes into text: UTF-8 only (a NUL byte or an invalid
 * sequence is an error: binary data, or text in another encoding, said so
 * when it reads as Windows-1252 text), BOM dropped, CRLF and CR made LF,
 * characters XML forbids removed with a warning on each line that had one
 * (unless `removeForbidden` is false: the caller removes them later).
 */
export function decodeText(bytes: Uint8Array, report: Reporter, options: { readonly removeForbidden?: boolean } = {}): string | undefined {
  if (!isUtf8Text(bytes, report)) return undefined;
  // Valid, as isUtf8Text found: Buffer's decoder is the faster one, and it keeps a BOM for below.
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  // Most files have nothing to remove: one scan of the whole text says so (valid UTF-8 holds no lone surrogate).
  if (options.removeForbidden === false || !XML_CONTROL.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const cleaned = cleanString(lines[i]!, report, i + 1);
    if (cleaned !== lines[i]) {
      lines[i] = cleaned;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

/**
 * Whether the bytes are UTF-8 text; when not, an error that says what they
 * look like instead: binary data (a NUL byte), or Windows-1252 or Latin-1
 * text, and how to convert it.
 */
export function isUtf8Text(bytes: Uint8Array, report: Reporter): boolean {
  const nul = bytes.indexOf(0);
  if (nul < 0 && isUtf8(bytes)) return true;
  const invalid = isUtf8(bytes.subarray(0, nul >= 0 ? nul : bytes.length)) ? -1 : firstInvalidByte(bytes);
  const at = invalid >= 0 && (nul < 0 || invalid < nul) ? invalid : nul;
  const line = countLines(bytes, at);
  if (nul < 0 && looksSingleByte(bytes)) {
    const shown = windows1252(bytes[at]!);
    report.error(
      'input/not-text',
      `is not UTF-8 text: byte ${at} (0x${bytes[at]!.toString(16).toUpperCase()}, "${shown}" in Windows-1252) is not UTF-8, and the file looks like Windows-1252 or Latin-1 text; ` +
        'convert it to UTF-8, e.g. with "iconv -f windows-1252 -t utf-8 FILE > FILE.new", then replace the file with FILE.new',
      line,
    );
  } else report.error('input/not-text', `is not UTF-8 text (binary data at byte ${at}); save it as UTF-8 text or move it out of the articles folder`, line);
  return false;
}

/** Removes characters XML forbids from one value, with a warning; also makes CRLF and CR into LF. */
export function cleanString(value: string, report: Reporter, line?: number, field?: string): string {
  const newlines = value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
  if (!hasForbidden(newlines)) return newlines;
  const found = new Set<string>();
  const cleaned = newlines.replace(FORBIDDEN, (ch) => {
    found.add(codePoint(ch));
    return '';
  });
  const where = field === undefined ? '' : ` in "${field}"`;
  report.warning('input/forbidden-character', `has characters that XML 1.0 forbids${where} (${[...found].join(', ')}); they were removed`, line);
  return cleaned;
}

// Windows-1252's characters for 0x80 to 0x9F (where Latin-1 has control codes); Node's decoders without full ICU read these bytes as Latin-1.
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const windows1252 = (byte: number): string => (byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80]! : String.fromCharCode(byte));

/**
 * Whether bytes that are not UTF-8 read as text in a single-byte encoding
 * (Windows-1252, Latin-1): no control characters but tab and line ends, and
 * no byte Windows-1252 leaves undefined. Binary data has both.
 */
function looksSingleByte(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f || byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d) return false;
  }
  return true;
}

function firstInvalidByte(bytes: Uint8Array): number {
  // Bisect on prefixes: a streaming decode accepts a prefix that ends inside
  // a character and throws only on a sequence that is already invalid.
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  // The longest prefix may end inside a character cut short: the fault is that character's first byte.
  let start = lo;
  while (start > 0 && lo - start < 3 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
  const lead = start > 0 ? bytes[start - 1]! : 0;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
  return size > lo - (start - 1) ? start - 1 : lo;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 10) line++;
  return line;
}

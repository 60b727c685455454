const enum Byte {
  Tab = 0x09,
  LineFeed = 0x0a,
  Return = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Comma = 0x2c,
  Colon = 0x3a,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

/** An element of a top-level array: its bytes' range, the line it starts on, and for an object, its keys in order with their lines. */
export interface Element {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly keys?: readonly { readonly key: string; readonly line: number }[];
}

/**
 * Where the elements of a top-level JSON array are in `bytes` (UTF-8), one
 * at a time, found by their brackets, braces and strings alone: each is then
 * parsed on its own, which finds any other fault. Returns, once done,
 * whether the bytes are one array whose elements this found (when not, the
 * caller parses the whole text, and names the fault where it is; an empty
 * array is left to it too). Line ends are counted outside strings only: a
 * valid string holds them escaped.
 */
export function* arrayElements(bytes: Uint8Array): Generator<Element, boolean> {
  let line = 1;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const isLineEnd = (at: number) => bytes[at] === Byte.LineFeed || (bytes[at] === Byte.Return && bytes[at + 1] !== Byte.LineFeed);
  const isSpace = (byte: number | undefined) => byte === Byte.Space || byte === Byte.Tab || byte === Byte.LineFeed || byte === Byte.Return;
  const space = () => {
    for (; isSpace(bytes[i]); i++) if (isLineEnd(i)) line++;
  };
  // The index just past the string that starts at `at`, or -1 when it never ends.
  const stringEnd = (at: number): number => {
    for (let quote = bytes.indexOf(Byte.Quote, at + 1); quote !== -1; quote = bytes.indexOf(Byte.Quote, quote + 1)) {
      let backslashes = 0;
      while (bytes[quote - 1 - backslashes] === Byte.Backslash) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
    }
    return -1;
  };

  space();
  if (bytes[i] !== Byte.OpenBracket) return false;
  i++;
  space();
  if (bytes[i] === Byte.CloseBracket) return false;
  for (;;) {
    const start = i;
    const startLine = line;
    const keys: { key: string; line: number }[] | undefined = bytes[i] === Byte.OpenBrace ? [] : undefined;
    let depth = 0;
    while (i < bytes.length) {
      const byte = bytes[i]!;
      if (byte === Byte.Quote) {
        const end = stringEnd(i);
        if (end === -1) return false;
        if (keys && depth === 1) {
          let after = end;
          while (isSpace(bytes[after])) after++;
          if (bytes[after] === Byte.Colon) {
            // A key that is not a valid string (a bad escape, a raw control character): the whole text is read, which names the fault.
            let key: string;
            try {
              key = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + i, end - i).toString('utf8')) as string;
            } catch {
              return false;
            }
            keys.push({ key, line });
          }
        }
        i = end;
        if (depth === 0) break;
        continue;
      }
      if (byte === Byte.OpenBrace || byte === Byte.OpenBracket) depth++;
      else if (byte === Byte.CloseBrace || byte === Byte.CloseBracket) {
        if (depth === 0) break;
        if (--depth === 0) {
          i++;
          break;
        }
      } else if (isLineEnd(i)) {
        if (depth === 0) break;
        line++;
      } else if (depth === 0 && (byte === Byte.Comma || isSpace(byte))) break;
      i++;
    }
    if (depth !== 0 || i === start) return false;
    yield { start, end: i, line: startLine, ...(keys ? { keys } : {}) };
    space();
    if (bytes[i] === Byte.CloseBracket) break;
    if (bytes[i] !== Byte.Comma) return false;
    i++;
    space();
  }
  i++;
  space();
  return i === bytes.length;
}

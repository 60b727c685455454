/** A step into a JSON value: a member name or an array index. */
export type JsonPath = readonly (string | number)[];

/**
 * Finds where a value sits in JSON text, for diagnostics: `JSON.parse` keeps
 * no positions. Returns the offset of the member's name (or, for an array
 * element or the root, of the value itself). The text must already have
 * parsed; the scan runs once, on the first lookup.
 */
export function jsonLocator(source: string): (path: JsonPath) => number | undefined {
  let offsets: Map<string, number> | undefined;
  return (path) => {
    offsets ??= scan(source);
    // The nearest located ancestor, for a member that is absent.
    for (let n = path.length; n >= 0; n--) {
      const found = offsets.get(pointer(path.slice(0, n)));
      if (found !== undefined) return found;
    }
    return undefined;
  };
}

const pointer = (path: JsonPath): string => path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

function scan(source: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let pos = 0;
  const space = () => {
    while (pos < source.length && ' \t\r\n\ufeff'.includes(source[pos]!)) pos++;
  };
  const string = (): string => {
    const start = pos;
    pos++;
    while (pos < source.length && source[pos] !== '"') pos += source[pos] === '\\' ? 2 : 1;
    pos++;
    return JSON.parse(source.slice(start, pos)) as string;
  };
  const value = (path: string, at: number): void => {
    space();
    if (!offsets.has(path)) offsets.set(path, at < 0 ? pos : at);
    const c = source[pos];
    if (c === '{') {
      pos++;
      space();
      if (source[pos] === '}') return void pos++;
      for (;;) {
        space();
        const keyAt = pos;
        const key = string();
        space();
        pos++; // ':'
        value(`${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, keyAt);
        space();
        if (source[pos++] === '}') return;
      }
    } else if (c === '[') {
      pos++;
      space();
      if (source[pos] === ']') return void pos++;
      for (let i = 0; ; i++) {
        value(`${path}/${i}`, -1);
        space();
        if (source[pos++] === ']') return;
      }
    } else if (c === '"') {
      string();
    } else {
      while (pos < source.length && !',}] \t\r\n'.includes(source[pos]!)) pos++;
    }
  };
  value('', -1);
  return offsets;
}

/**
 * Where JSON text stops being valid JSON: the offset of the first character
 * that cannot continue it (the end of the text when it stops short). Node's
 * `JSON.parse` does not say where in every version, so the checker finds it
 * itself, for a line and column to report.
 */
export function jsonErrorOffset(source: string): number | undefined {
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const space = () => {
    while (pos < source.length && ' \t\r\n'.includes(source[pos]!)) pos++;
  };
  const expect = (ok: boolean) => {
    if (!ok) throw new StopAt();
  };
  const literal = (word: string) => {
    for (const c of word) {
      expect(source[pos] === c);
      pos++;
    }
  };
  const string = () => {
    pos++;
    for (let c = source[pos]; c !== '"'; c = source[pos]) {
      expect(c !== undefined && c >= ' ');
      if (c !== '\\') {
        pos++;
        continue;
      }
      const escape = source[pos + 1] ?? '';
      pos += 1;
      if (escape === 'u') {
        expect(/^u[0-9a-fA-F]{4}$/.test(source.slice(pos, pos + 5)));
        pos += 5;
      } else {
        expect(escape !== '' && '"\\/bfnrt'.includes(escape));
        pos += 1;
      }
    }
    pos++;
  };
  const members = (close: string, member: () => void) => {
    pos++;
    space();
    if (source[pos] === close) return void pos++;
    for (;;) {
      member();
      space();
      expect(source[pos] === ',' || source[pos] === close);
      if (source[pos++] === close) return;
    }
  };
  const value = (): void => {
    space();
    const c = source[pos];
    if (c === '{') {
      members('}', () => {
        space();
        expect(source[pos] === '"');
        string();
        space();
        expect(source[pos] === ':');
        pos++;
        value();
      });
    } else if (c === '[') members(']', value);
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      NUMBER.lastIndex = pos;
      expect(NUMBER.test(source));
      pos = NUMBER.lastIndex;
    }
  };
  try {
    value();
    space();
    return pos < source.length ? pos : undefined;
  } catch (error) {
    if (error instanceof StopAt) return Math.min(pos, source.length);
    throw error;
  }
}

class StopAt {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

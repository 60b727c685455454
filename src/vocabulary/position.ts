/** A place in a document, as editors and CI logs count it: lines and columns from 1. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Turns character offsets into lines and columns (`LineIndex`). The table of
 * line starts is built on first use, so a document with no diagnostic never
 * pays for it.
 */
export function positionsOf(source: string): (offset: number) => Position {
  let lines: LineIndex | undefined;
  return (offset) => {
    if (!lines) (lines = new LineIndex()).add(source);
    return lines.at(offset);
  };
}

/**
 * Where the lines of a text start, added a piece at a time: a document
 * checked in pieces is indexed as it comes, and only where its lines start is
 * kept, not its text. Columns count UTF-16 code units, as fast-xml-parser's
 * validator and most editors do; a byte order mark is not a column.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  private added = 0;
  private bom = 0;

  /** The length of the text added so far: where the next piece starts. */
  get length(): number {
    return this.added;
  }

  add(piece: string): void {
    if (this.added === 0 && piece.charCodeAt(0) === 0xfeff) this.bom = 1;
    for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) this.starts.push(this.added + i + 1);
    this.added += piece.length;
  }

  at(offset: number): Position {
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    const column = offset - starts[low]! + 1;
    return { line: low + 1, column: low === 0 ? Math.max(column - this.bom, 1) : column };
  }
}

/** Just the line of an offset: for messages about input files, where a column would say little. */
export function lineFinder(source: string): (offset: number) => number {
  const at = positionsOf(source);
  return (offset) => at(offset).line;
}

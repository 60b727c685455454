/** A place in a document, as editors and CI logs count it: lines and columns from 1. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Turns character offsets into lines and columns. Columns count UTF-16 code
 * units, as fast-xml-parser's validator and most editors do; a byte order
 * mark is not a column. The table of line starts is built on first use, so a
 * document with no diagnostic never pays for it.
 */
export function positionsOf(source: string): (offset: number) => Position {
  let starts: number[] | undefined;
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  return (offset) => {
    starts ??= lineStarts(source);
    const low = lineIndex(starts, offset);
    const column = offset - starts[low]! + 1 - (low === 0 ? bom : 0);
    return { line: low + 1, column: Math.max(column, 1) };
  };
}

/** The index of the line an offset is on, from the offsets lines start at. */
function lineIndex(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Just the line of an offset: for messages about input files, where a column would say little. */
export function lineFinder(source: string): (offset: number) => number {
  const at = positionsOf(source);
  return (offset) => at(offset).line;
}

/**
 * Positions in a document that comes in pieces: each piece is added as it
 * comes, and only where its lines start is kept, not its text.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** The length of the text added so far: where the next piece starts. */
  length = 0;

  add(piece: string): void {
    for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) this.starts.push(this.length + i + 1);
    this.length += piece.length;
  }

  at(offset: number): Position {
    const line = lineIndex(this.starts, offset);
    return { line: line + 1, column: offset - this.starts[line]! + 1 };
  }
}

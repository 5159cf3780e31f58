/** Offset <-> line/character for an article that is not open in the editor (UTF-16 units, as LSP). */
export interface LinePosition {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: Uint32Array;

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n is one break; a lone \r is one too (LSP counts all three).
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    this.starts = Uint32Array.from(starts);
  }

  positionAt(offset: number): LinePosition {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(position: LinePosition): number {
    const line = Math.min(Math.max(position.line, 0), this.starts.length - 1);
    return this.starts[line] + position.character;
  }
}

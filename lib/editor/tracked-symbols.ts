// A program's declarations from its last analysis (the live check's, in a Web Worker), kept in
// step with the edits made since: a line inserted above a declaration or a scope's end moves
// them down, as the text moved. Completion reads them on every key instead of analysing the
// whole program on the page's thread (5–10 ms per key in a 1,000-line program). Monaco-free.
import type { SymbolInfo } from './compiler-bridge';

interface Position {
  line: number;
  column: number;
}

/** One replacement, as Monaco reports it: a range of the text before it (1-based) and its new text. */
export interface TextEdit {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  text: string;
}

const isBefore = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.column < b.column);

/** Where a position of the text before `edit` is after it (inside the replaced range: its start). */
export function positionAfterEdit(p: Position, edit: TextEdit): Position {
  const start = { line: edit.startLine, column: edit.startColumn };
  const end = { line: edit.endLine, column: edit.endColumn };
  if (isBefore(p, start)) return p;
  if (isBefore(p, end)) return start;
  const lines = edit.text.split(/\r\n|\r|\n/);
  const newEndLine = edit.startLine + lines.length - 1;
  const newEndColumn = lines.length === 1 ? edit.startColumn + lines[0].length : lines[lines.length - 1].length + 1;
  if (p.line === edit.endLine) return { line: newEndLine, column: newEndColumn + (p.column - edit.endColumn) };
  if (newEndLine === edit.endLine) return p;
  return { line: p.line + (newEndLine - edit.endLine), column: p.column };
}

export class TrackedSymbols {
  private symbols: readonly SymbolInfo[] | undefined;

  /** The declarations of the latest analysis, or undefined before the first one. */
  get(): readonly SymbolInfo[] | undefined {
    return this.symbols;
  }

  /** A new analysis of the text as it is now. */
  set(symbols: readonly SymbolInfo[]): void {
    this.symbols = symbols;
  }

  /** Forgets them (the text was replaced as a whole): the next reader analyses afresh. */
  clear(): void {
    this.symbols = undefined;
  }

  /** Edits made together, each range in the text before any of them (as one Monaco event reports them). */
  edited(edits: readonly TextEdit[]): void {
    if (!this.symbols || edits.length === 0) return;
    // Bottom-most first: an edit never moves the text above it, so the others' ranges stay valid.
    const ordered = [...edits].sort((a, b) => b.startLine - a.startLine || b.startColumn - a.startColumn);
    const move = (p: Position) => ordered.reduce(positionAfterEdit, p);
    this.symbols = this.symbols.map((s) => {
      const at = move(s);
      const scopeEnd = move(s.scopeEnd);
      if (at.line === s.line && at.column === s.column && scopeEnd === s.scopeEnd) return s;
      return { ...s, line: at.line, column: at.column, scopeEnd };
    });
  }
}

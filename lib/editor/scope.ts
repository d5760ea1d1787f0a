// Which user-declared names are visible at a cursor, from the front end's SymbolInfo.
import { nameKeyOfText, type SymbolInfo } from './compiler-bridge';

function isBefore(a: { line: number; column: number }, b: { line: number; column: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}

const START_OF_SOURCE = { line: 1, column: 1 };

/** Functions are top-level and may be called before their definition (language guide §3). */
function visibleFrom(symbol: SymbolInfo): { line: number; column: number } {
  return symbol.kind === 'function' ? START_OF_SOURCE : symbol;
}

/**
 * Names declared by the user and visible at the cursor, innermost first, one per name.
 * `typedWordStart`: column where the word being typed starts, so a name is not offered at
 * its own declaration.
 */
export function symbolsInScope(
  symbols: readonly SymbolInfo[],
  line: number,
  column: number,
  typedWordStart?: number,
): SymbolInfo[] {
  const cursor = { line, column };
  const visible = symbols.filter(
    (s) =>
      isBefore(visibleFrom(s), cursor) &&
      isBefore(cursor, s.scopeEnd) &&
      !(s.line === line && s.column === typedWordStart),
  );
  const byName = new Map<string, SymbolInfo>();
  for (const s of visible.sort((a, b) => (isBefore(a, b) ? 1 : -1))) {
    const key = nameKeyOfText(s.name);
    if (!byName.has(key)) byName.set(key, s);
  }
  return [...byName.values()];
}

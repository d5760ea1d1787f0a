// The compiler's public face for the IDE and the server (browser-safe): diagnostics while
// the user types, symbols for completion, and the language's words for completion and hover.

import { compilerFailureDiagnostic } from './failure';
import { analyseFrontEnd, type AnalysedProgram } from './frontend';
import type { Declaration, Diagnostic } from './frontend/ast';
import { makeDiagnostic, Messages } from './frontend/diagnostics';

export type { Diagnostic } from './frontend/ast';
export { compileFrontEnd, MAX_DIAGNOSTICS } from './frontend';
export {
  KEYWORDS,
  BUILTINS,
  ROMANISED_KEYWORDS,
  ROMANISED_BUILTINS,
  BLOCK_OPENING_KEYWORDS,
  BLOCK_BRANCH_KEYWORD,
  BLOCK_CLOSING_KEYWORD,
  type KeywordInfo,
  type BuiltinInfo,
} from './language';
export {
  NAME_START_CLASS,
  NAME_CONTINUE_CLASS,
  NAME_PATTERN,
  DIGIT_CLASS,
  NASAL_CLASSES,
  nameKeyOfText,
} from './frontend/source';

export interface SymbolInfo {
  name: string;
  kind: 'variable' | 'constant' | 'function' | 'parameter';
  line: number;
  column: number; // declaration
  scopeEnd: { line: number; column: number }; // visible from the declaration to here
  parameters?: string[]; // functions only: parameter names as written, for hover and signature help
}

export { COMPILER_FAILURE_CODE } from './failure';

export interface CheckOptions {
  /** Told about a failure inside the compiler (a bug), e.g. to log it on the server. */
  onFailure?: (error: unknown) => void;
}

export interface CheckSummary {
  diagnostics: Diagnostic[]; // the first MAX_DIAGNOSTICS, in source order
  omittedDiagnostics: number; // how many more there were
}

// Never throws: a failure inside the front end becomes one E9999 diagnostic at the position
// the front end reached (failure.ts), and is handed to `onFailure`.
export function check(source: string, options: CheckOptions = {}): Diagnostic[] {
  return checkSummary(source, options).diagnostics;
}

/** check() with the count of the diagnostics left out beyond the first MAX_DIAGNOSTICS. */
export function checkSummary(source: string, options: CheckOptions = {}): CheckSummary {
  try {
    const { diagnostics, omittedDiagnostics } = analyseFrontEnd(source);
    return { diagnostics, omittedDiagnostics };
  } catch (error) {
    options.onFailure?.(error);
    return { diagnostics: [compilerFailureDiagnostic()], omittedDiagnostics: 0 };
  }
}

/** checkSummary() and the names and declarations of the program, from one analysis (the
 *  editor's worker: its live check also feeds the phonetic candidates and completion, so no
 *  second analysis runs on the page). */
export function checkSummaryWithNames(
  source: string,
  options: CheckOptions = {},
): CheckSummary & { names: string[]; symbols: SymbolInfo[] } {
  try {
    const result = analyseFrontEnd(source);
    const symbols = symbolsOf(result);
    const names = [...new Set(symbols.map((s) => s.name))].sort();
    return { diagnostics: result.diagnostics, omittedDiagnostics: result.omittedDiagnostics, names, symbols };
  } catch (error) {
    options.onFailure?.(error);
    return { diagnostics: [compilerFailureDiagnostic()], omittedDiagnostics: 0, names: [], symbols: [] };
  }
}

/**
 * What the caller gets instead when the analysis of a program ran out of its budget (CPU time
 * or memory) and was stopped: one error at the start of the program.
 */
export function programTooComplex(): Diagnostic {
  return makeDiagnostic(Messages.programTooComplex, { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
}

export function analyse(
  source: string,
  options: CheckOptions = {},
): { diagnostics: Diagnostic[]; symbols: SymbolInfo[] } {
  try {
    const result = analyseFrontEnd(source);
    return { diagnostics: result.diagnostics, symbols: symbolsOf(result) };
  } catch (error) {
    options.onFailure?.(error);
    return { diagnostics: [compilerFailureDiagnostic()], symbols: [] };
  }
}

function symbolsOf({ tree, scopeEnds }: AnalysedProgram): SymbolInfo[] {
  const parametersOf = new Map(tree.functions.map((fn) => [fn.name.declarationId, fn.parameters.map((p) => p.name)]));
  return tree.declarations.map((declaration) => {
    const symbol: SymbolInfo = {
      name: declaration.name,
      kind: symbolKind(declaration),
      line: declaration.range.start.line,
      column: declaration.range.start.column,
      scopeEnd: { ...scopeEnds[declaration.id] },
    };
    const parameters = parametersOf.get(declaration.id);
    if (parameters) symbol.parameters = parameters;
    return symbol;
  });
}

function symbolKind(declaration: Declaration): SymbolInfo['kind'] {
  switch (declaration.kind) {
    case 'constant':
      return 'constant';
    case 'function':
      return 'function';
    case 'parameter':
      return 'parameter';
    default:
      return 'variable';
  }
}

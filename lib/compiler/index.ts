// The compiler's public face for the IDE and the server (browser-safe): diagnostics while
// the user types, symbols for completion, and the language's words for completion and hover.

import { analyseFrontEnd, type AnalysedProgram } from './frontend';
import type { Declaration, Diagnostic } from './frontend/ast';
import { makeDiagnostic, Messages } from './frontend/diagnostics';

export type { Diagnostic } from './frontend/ast';
export { compileFrontEnd, MAX_DIAGNOSTICS } from './frontend';
export {
  KEYWORDS, BUILTINS, ROMANISED_KEYWORDS, ROMANISED_BUILTINS,
  type KeywordInfo, type BuiltinInfo,
} from './language';

export interface SymbolInfo {
  name: string;
  kind: 'variable' | 'constant' | 'function' | 'parameter';
  line: number;
  column: number; // declaration
  scopeEnd: { line: number; column: number }; // visible from the declaration to here
  parameters?: string[]; // functions only: parameter names as written, for hover and signature help
}

export interface CheckSummary {
  diagnostics: Diagnostic[]; // the first MAX_DIAGNOSTICS, in source order
  omittedDiagnostics: number; // how many more there were
}

// Never throws: a failure inside the front end becomes one diagnostic instead.
export function check(source: string): Diagnostic[] {
  return checkSummary(source).diagnostics;
}

/** check() with the count of the diagnostics left out beyond the first MAX_DIAGNOSTICS. */
export function checkSummary(source: string): CheckSummary {
  try {
    const { diagnostics, omittedDiagnostics } = analyseFrontEnd(source);
    return { diagnostics, omittedDiagnostics };
  } catch (error) {
    return { diagnostics: [internalError(error)], omittedDiagnostics: 0 };
  }
}

/**
 * What the caller gets instead when the analysis of a program ran out of its budget (CPU time
 * or memory) and was stopped: one error at the start of the program.
 */
export function programTooComplex(): Diagnostic {
  return makeDiagnostic(Messages.programTooComplex, { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
}

export function analyse(source: string): { diagnostics: Diagnostic[]; symbols: SymbolInfo[] } {
  try {
    const result = analyseFrontEnd(source);
    return { diagnostics: result.diagnostics, symbols: symbolsOf(result) };
  } catch (error) {
    return { diagnostics: [internalError(error)], symbols: [] };
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
    case 'constant': return 'constant';
    case 'function': return 'function';
    case 'parameter': return 'parameter';
    default: return 'variable';
  }
}

function internalError(error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'E9999', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error',
    message: `कम्पाइलरभित्र त्रुटि भयो: ${detail}`,
    messageEn: `Internal compiler error: ${detail}`,
  };
}

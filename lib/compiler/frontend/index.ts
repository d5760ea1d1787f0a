// The front end in one call: source text → checked AST and diagnostics. Browser-safe.
//
//   normalise (source.ts) → tokenize (lexer.ts) → parse (parser.ts) → check (checker.ts)
//   → lint (lints.ts: warnings about operations certain to fail at run time)

import type { Diagnostic, Position, Program } from './ast';
import { checkProgram } from './checker';
import { DiagnosticBag } from './diagnostics';
import { tokenize } from './lexer';
import { lintProgram } from './lints';
import { parse } from './parser';
import { startProgress } from './progress';
import { normaliseSource } from './source';

export type * from './ast';

/** At most this many diagnostics are reported; the rest are only counted. */
export const MAX_DIAGNOSTICS = 100;

export interface FrontEndResult {
  program: Program | null; // null when there is any error
  diagnostics: Diagnostic[]; // errors and warnings, in source order: the first MAX_DIAGNOSTICS
  omittedDiagnostics: number; // how many more there were
}

export interface AnalysedProgram extends FrontEndResult {
  tree: Program; // the (possibly partial) tree, even when there are errors
  scopeEnds: Position[]; // by declaration id
}

export function analyseFrontEnd(source: string): AnalysedProgram {
  startProgress();
  const diagnostics = new DiagnosticBag();
  const tokens = tokenize(normaliseSource(source), diagnostics);
  const { program, unclosedBlocks, brokenFunctions } = parse(tokens, diagnostics);
  const { scopeEnds } = checkProgram(program, diagnostics, { blocksUnclosed: unclosedBlocks > 0, brokenFunctions });
  lintProgram(program, diagnostics);
  const ok = diagnostics.errorCount === 0;
  const all = diagnostics.sorted();
  return {
    program: ok ? program : null,
    tree: program,
    scopeEnds,
    diagnostics: all.slice(0, MAX_DIAGNOSTICS),
    omittedDiagnostics: Math.max(0, all.length - MAX_DIAGNOSTICS),
  };
}

export function compileFrontEnd(source: string): FrontEndResult {
  const { program, diagnostics, omittedDiagnostics } = analyseFrontEnd(source);
  return { program, diagnostics, omittedDiagnostics };
}

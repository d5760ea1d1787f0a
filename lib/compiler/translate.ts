// Sajilo source → C text: the front end, then the C generator. Pure computation (no files, no
// processes), so the server can run it in a worker thread with a CPU budget
// (lib/run/front-end-pool.ts) and buildExecutable can take it as a step.
import { generateC, type GenerateOptions } from './backend/index';
import type { Diagnostic } from './frontend/ast';
import { compileFrontEnd } from './frontend/index';

export interface Translation {
  c: string | null; // null when the program has errors
  diagnostics: Diagnostic[]; // the first MAX_DIAGNOSTICS, in source order
  omittedDiagnostics: number; // how many more there were
}

/** Runs the front end and the C generator on this thread. */
export function translateToC(source: string, options: GenerateOptions): Translation {
  const front = compileFrontEnd(source);
  return {
    c: front.program ? generateC(front.program, options) : null,
    diagnostics: front.diagnostics,
    omittedDiagnostics: front.omittedDiagnostics,
  };
}

/** Where translation happens: here (the default) or elsewhere, such as a worker thread. */
export type Translator = (source: string, options: GenerateOptions) => Promise<Translation>;

export const translateHere: Translator = async (source, options) => translateToC(source, options);

// What a front-end worker thread does with one job (see front-end-pool.ts). Kept apart from
// the thread's entry so the job itself is plain TypeScript that tests can call directly.
// A failure inside the compiler is turned into its E9999 diagnostic here, on the thread that
// knows the position the compiler reached, and logged with the source's hash.
import { checkSummary, type CheckSummary } from '../compiler/index';
import { CompilerFailure } from '../compiler/failure';
import { logCompilerFailure } from '../compiler/failure-log';
import { translateToC, type Translation } from '../compiler/translate';
import type { GenerateOptions } from '../compiler/backend/index';

export type FrontEndJob =
  { kind: 'check'; source: string } | { kind: 'translate'; source: string; options: GenerateOptions };

export type FrontEndAnswer = CheckSummary | Translation;

export function runFrontEndJob(job: FrontEndJob): FrontEndAnswer {
  if (job.kind === 'check')
    return checkSummary(job.source, { onFailure: (error) => logCompilerFailure('check', job.source, error) });
  try {
    return translateToC(job.source, job.options);
  } catch (error) {
    logCompilerFailure('build', job.source, error);
    return { c: null, diagnostics: [CompilerFailure.from(error).diagnostic], omittedDiagnostics: 0 };
  }
}

// What a front-end worker thread does with one job (see front-end-pool.ts). Kept apart from
// the thread's entry so the job itself is plain TypeScript that tests can call directly.
import { checkSummary, type CheckSummary } from '../compiler/index';
import { translateToC, type Translation } from '../compiler/translate';
import type { GenerateOptions } from '../compiler/backend/index';

export type FrontEndJob =
  | { kind: 'check'; source: string }
  | { kind: 'translate'; source: string; options: GenerateOptions };

export type FrontEndAnswer = CheckSummary | Translation;

export function runFrontEndJob(job: FrontEndJob): FrontEndAnswer {
  return job.kind === 'check' ? checkSummary(job.source) : translateToC(job.source, job.options);
}

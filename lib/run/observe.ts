// What one run tells the operator: its phases in the metrics (queue wait, compile, run, the
// verdict) and its lines in the log, under the request id that started it.
import { log, type Logger } from '@/lib/ops/log';
import { recordRun, setBusySlots } from '@/lib/ops/metrics';
import type { SandboxResult } from '@/sandbox/index';

/** A run's outcome as the metrics count it: the sandbox's verdict, or what stopped it before. */
export function runVerdict(compiled: boolean, run: Pick<SandboxResult, 'verdict' | 'stopped'> | null): string {
  if (!compiled || !run) return 'compile_error';
  return run.stopped ? 'stopped' : run.verdict;
}

/** Follows one run from the moment it is queued; call the phases as they happen. */
export function observeRun(requestId: string | undefined) {
  const queuedAt = performance.now();
  let startedAt: number | undefined;
  let compiledAt: number | undefined;
  const logger: Logger = requestId ? log.child({ requestId }) : log;
  return {
    logger,
    /** A slot took the run; `busy`: slots busy now. */
    started(busy: number) {
      startedAt = performance.now();
      setBusySlots(busy);
    },
    compiled() {
      compiledAt = performance.now();
    },
    /** The run ended (with a result, or with an error thrown once it had a slot). */
    finished(compiled: boolean, run: Pick<SandboxResult, 'verdict' | 'stopped' | 'wallMs'> | null | Error) {
      if (startedAt === undefined) return; // refused or abandoned in the queue: no run happened
      const verdict = run instanceof Error ? 'error' : runVerdict(compiled, run);
      const queueWaitMs = startedAt - queuedAt;
      const compileMs = compiledAt !== undefined ? compiledAt - startedAt : undefined;
      const runMs = run && !(run instanceof Error) ? run.wallMs : undefined;
      recordRun({ verdict, queueWaitMs, compileMs, runMs });
      const ms = (n: number | undefined) => (n === undefined ? undefined : Math.round(n));
      logger.info(
        { verdict, queueWaitMs: ms(queueWaitMs), compileMs: ms(compileMs), runMs: ms(runMs) },
        'run finished',
      );
    },
    /** Slots busy once the run has left its slot. */
    released(busy: number) {
      setBusySlots(busy);
    },
  };
}

// The run pipeline (server only; contract in docs/interfaces.md): compile with the back end
// (the C compiler inside the sandbox's compile profile; compile-runner.ts decides, and refuses
// when it cannot), run the executable in the sandbox's run profile, through the bounded run queue.
import { runCompilerLocally } from '@/lib/compiler/driver/local-runner';
import type { Diagnostic } from '@/lib/compiler';
import { config } from '@/lib/config';
import type { SandboxResult } from '@/sandbox/index';
import { applySandboxSettings, compileRunner } from './compile-runner';
import { FrontEndPool } from './front-end-pool';
import { BACKGROUND_COMPILE_LIMITS, COMPILE_LIMITS, RUN_LIMITS, type SandboxLimits } from './limits';
import { observeRun } from './observe';
import { runCompiledProgram } from './program-output';
import type { RuntimeErrorRecord } from './runtime-error';
import { OverloadedError, RunQueue } from './queue';
import {
  buildForRun,
  lowPriorityPrefix,
  optimisedTierAvailable,
  UpgradeQueue,
  type BackgroundCompiler,
  type Tier,
} from './tiers';

export { OverloadedError, RunQueue, type OverloadScope } from './queue';
export type { RuntimeErrorRecord } from './runtime-error';
export type { Tier } from './tiers';

export { BACKGROUND_COMPILE_LIMITS, COMPILE_LIMITS, RUN_LIMITS } from './limits';
export type CompileLimits = SandboxLimits;

export interface RunRequestInput {
  source: string;
  stdin?: string;
  latinDigits?: boolean;
}
export interface RunOutput {
  compile: { ok: boolean; diagnostics: Diagnostic[]; omittedDiagnostics: number };
  /** `tier`: which build ran (docs/compiler.md, "Tiered compilation"); `runtimeError`: the
   *  runtime's own record of the error that ended the program (lib/run/runtime-error.ts). */
  run: null | (SandboxResult & { tier: Tier; runtimeError?: RuntimeErrorRecord });
}

/** The queue every run goes through; tests and benchmarks may `configure` its limits. */
export const runQueue = new RunQueue();

/**
 * The compiler front end and C generator never run on the event loop: every check and every
 * compile goes to these worker threads, each job with a CPU budget (front-end-pool.ts).
 */
export const frontEndPool = new FrontEndPool();

/**
 * Checks wait in a bounded queue of their own (one per front-end thread), so a flood of them
 * is refused with 429 instead of queueing without end.
 */
export const checkQueue = new RunQueue({
  concurrency: frontEndPool.stats.threads,
  maxQueued: frontEndPool.stats.threads * 4,
});

/** Diagnostics only (POST /api/check). Throws OverloadedError when the check queue is full. */
export function checkProgram(source: string): Promise<{ diagnostics: Diagnostic[]; omittedDiagnostics: number }> {
  return checkQueue.run(() => frontEndPool.check(source));
}

applySandboxSettings();
const interactiveCompiler = compileRunner({ limits: COMPILE_LIMITS });

/** Background builds: niced, their own CPU budget, killed when interactive work needs the slot. */
export function backgroundCompiler(limits: CompileLimits = BACKGROUND_COMPILE_LIMITS): BackgroundCompiler {
  return (signal) => async (job) => {
    if (signal.aborted) return { ok: false, stderr: 'aborted: interactive work came first' };
    const niced = lowPriorityPrefix();
    const hostRunner: typeof runCompilerLocally = (j) => runCompilerLocally({ ...j, argv: [...niced, ...j.argv] });
    return compileRunner({ limits, signal, argvPrefix: niced, hostRunner })(job);
  };
}

/** The queue of optimised builds; tests and benchmarks may `configure` it. */
export const upgradeQueue = new UpgradeQueue({
  maxQueued: config().SAJILO_TIER_QUEUE,
  interactiveLoad: () => {
    const q = runQueue.stats;
    return { waiting: q.queued, freeSlots: Math.max(0, q.concurrency - q.running) };
  },
  compiler: backgroundCompiler(),
  translate: frontEndPool.translate,
});

/** Tiering switch and threshold (SAJILO_TIERING, SAJILO_TIER_MIN_CPU_MS); tests may change them. */
export const tiering = { enabled: config().SAJILO_TIERING === 'on', minCpuMs: config().SAJILO_TIER_MIN_CPU_MS };

/** For streaming callers (POST /api/run with Accept: application/x-ndjson). */
export interface RunHooks {
  /** Called once compilation has finished, before the program starts. */
  onCompiled?: (compile: RunOutput['compile']) => void;
  /** The program's output as it arrives (see SandboxOptions.onOutput). */
  onOutput?: (stream: 'stdout' | 'stderr', chunk: string) => void;
  /** Aborting kills the program (or skips it if it has not started) and frees its slot. */
  signal?: AbortSignal;
  /** Whose run it is, for the queue's per-client share and round-robin (lib/run/queue.ts). */
  client?: string;
  /** Called once the program compiled, before it starts; false: it does not start (`run` is
   *  null). `sajilo worker` claims its job here, while the compile is under way. */
  beforeRun?: () => Promise<boolean>;
  /** The request this run answers (x-request-id), for logs that follow it through a queue. */
  requestId?: string;
}

/** Compiles and runs one program. Throws OverloadedError when the queue refuses it, and the
 *  signal's reason when it is aborted while waiting. */
export function runProgram(req: RunRequestInput, hooks: RunHooks = {}): Promise<RunOutput> {
  // A run that will have to wait for a slot: background builds give the machine back first.
  if (runQueue.stats.running >= runQueue.stats.concurrency) upgradeQueue.yieldToInteractive();
  const observed = observeRun(hooks.requestId);
  const ran = runQueue.run(
    async () => {
      observed.started(runQueue.stats.running);
      const program = { source: req.source, latinDigits: req.latinDigits ?? false };
      const build = await buildForRun(program, interactiveCompiler, tiering.enabled, frontEndPool.translate);
      const compile = {
        ok: build.ok && build.executable !== null,
        diagnostics: build.diagnostics,
        omittedDiagnostics: build.omittedDiagnostics,
      };
      observed.compiled();
      hooks.onCompiled?.(compile);
      if (!compile.ok || !build.executable) return { compile, run: null };
      if (hooks.beforeRun && !(await hooks.beforeRun())) return { compile, run: null };
      const run = await runCompiledProgram({
        profile: 'run',
        argv: [build.executable],
        stdin: req.stdin ?? '',
        ...RUN_LIMITS,
        // Streaming: the runtime flushes after every print (else output waits in its 64 KiB buffer).
        ...(hooks.onOutput ? { onOutput: hooks.onOutput, env: { SAJILO_STREAM_OUTPUT: '1' } } : {}),
        ...(hooks.signal ? { signal: hooks.signal } : {}),
      });
      if (run.verdict === 'internal_error') observed.logger.error({ detail: run.detail }, 'sandbox internal error');
      else if (
        build.tier === 'fast' &&
        tiering.enabled &&
        optimisedTierAvailable() &&
        !run.stopped &&
        run.cpuMs >= tiering.minCpuMs
      )
        upgradeQueue.offer(program);
      return { compile, run: { ...run, tier: build.tier } };
    },
    { client: hooks.client, signal: hooks.signal },
  );
  ran.then(
    (out) => observed.finished(out.compile.ok, out.run),
    (err: unknown) => observed.finished(false, err instanceof Error ? err : new Error(String(err))),
  );
  void ran.finally(() => observed.released(runQueue.stats.running)).catch(() => {});
  return ran;
}

export function isOverloaded(e: unknown): e is OverloadedError {
  return e instanceof OverloadedError;
}

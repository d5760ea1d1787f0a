// The run pipeline (server only; contract in docs/interfaces.md): compile with the back end
// (the C compiler inside the sandbox's compile profile when the sandbox can host it), run the
// executable in the sandbox's run profile, through the bounded run queue.
import { buildExecutable, type CompilerRunner } from '@/lib/compiler/build';
import type { Diagnostic } from '@/lib/compiler';
import { runSandboxed, type SandboxResult } from '@/sandbox/index';
import { FrontEndPool } from './front-end-pool';
import { OverloadedError, RunQueue } from './queue';

export { OverloadedError, RunQueue } from './queue';

/** Limits of one program run (the sandbox's defaults, named here so the API's are visible). */
export const RUN_LIMITS = { cpuMs: 2000, wallMs: 5000, memoryMb: 128, pids: 16, outputBytes: 64 * 1024 } as const;
/** Limits of one C compile (tcc takes milliseconds; gcc with -static can take seconds). */
export const COMPILE_LIMITS = { cpuMs: 30_000, wallMs: 60_000, memoryMb: 1024, pids: 32, outputBytes: 256 * 1024 } as const;

export interface RunRequestInput { source: string; stdin?: string; latinDigits?: boolean }
export interface RunOutput {
  compile: { ok: boolean; diagnostics: Diagnostic[]; omittedDiagnostics: number };
  run: null | SandboxResult;
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
export const checkQueue = new RunQueue({ concurrency: frontEndPool.stats.threads, maxQueued: frontEndPool.stats.threads * 4 });

/** Diagnostics only (POST /api/check). Throws OverloadedError when the check queue is full. */
export function checkProgram(source: string): Promise<{ diagnostics: Diagnostic[]; omittedDiagnostics: number }> {
  return checkQueue.run(() => frontEndPool.check(source));
}

const sandboxCompiler: CompilerRunner = async (job) => {
  const r = await runSandboxed({
    profile: 'compile', argv: job.argv, workDir: job.workDir, readOnlyPaths: job.readOnlyPaths,
    env: { PATH: '/usr/bin:/bin', TMPDIR: job.workDir }, ...COMPILE_LIMITS,
  });
  return { ok: r.verdict === 'ok' && r.exitCode === 0, stderr: r.stderr || `${r.verdict}${r.detail ? `: ${r.detail}` : ''}` };
};

let compilerChoice: Promise<CompilerRunner | undefined> | null = null;

/**
 * The sandbox's compile profile when it works on this host (checked once with a harmless
 * program), else undefined: buildExecutable then runs the compiler directly, with its timeout.
 */
function chooseCompiler(): Promise<CompilerRunner | undefined> {
  compilerChoice ??= runSandboxed({ profile: 'compile', argv: ['/bin/true'], wallMs: 5000 })
    .then((r) => {
      if (r.verdict === 'ok') return sandboxCompiler;
      console.warn(`[run] the C compiler runs outside the sandbox: compile profile unavailable (${r.detail ?? r.verdict})`);
      return undefined;
    })
    .catch((e: unknown) => {
      console.warn(`[run] the C compiler runs outside the sandbox: ${(e as Error).message}`);
      return undefined;
    });
  return compilerChoice;
}

/** For streaming callers (POST /api/run with Accept: application/x-ndjson). */
export interface RunHooks {
  /** Called once compilation has finished, before the program starts. */
  onCompiled?: (compile: RunOutput['compile']) => void;
  /** The program's output as it arrives (see SandboxOptions.onOutput). */
  onOutput?: (stream: 'stdout' | 'stderr', chunk: string) => void;
  /** Aborting kills the program (or skips it if it has not started) and frees its slot. */
  signal?: AbortSignal;
}

/** Compiles and runs one program. Throws OverloadedError when the queue is full. */
export function runProgram(req: RunRequestInput, hooks: RunHooks = {}): Promise<RunOutput> {
  return runQueue.run(async () => {
    const build = await buildExecutable(req.source, {
      latinDigits: req.latinDigits ?? false, runCompiler: await chooseCompiler(), translate: frontEndPool.translate,
    });
    const compile = { ok: build.ok && build.executable !== null, diagnostics: build.diagnostics, omittedDiagnostics: build.omittedDiagnostics };
    hooks.onCompiled?.(compile);
    if (!compile.ok || !build.executable) return { compile, run: null };
    const run = await runSandboxed({ profile: 'run', argv: [build.executable], stdin: req.stdin ?? '', ...RUN_LIMITS,
      // Streaming: the runtime flushes after every print (else output waits in its 64 KiB buffer).
      ...(hooks.onOutput ? { onOutput: hooks.onOutput, env: { SAJILO_STREAM_OUTPUT: '1' } } : {}),
      ...(hooks.signal ? { signal: hooks.signal } : {}) });
    if (run.verdict === 'internal_error') console.error(`[run] sandbox internal error: ${run.detail ?? 'no detail'}`);
    return { compile, run };
  });
}

export function isOverloaded(e: unknown): e is OverloadedError {
  return e instanceof OverloadedError;
}

// Where the C compiler runs: the one implementation, used by the run pipeline (server) and by
// `sajilo run` / `sajilo doctor` (CLI).
//
// The compiler runs in the sandbox's compile profile whenever that profile works on this host.
// When it does not, the C compiler would run on the host with the server's own rights; that is
// refused (fail closed, E9002 to the visitor) unless SAJILO_ALLOW_HOST_COMPILE=1, or outside
// production (NODE_ENV≠production) where it is allowed with a warning. Whether the profile works
// is asked with a harmless program, a few times with a pause between (one slow start is no
// verdict), and asked again a while after a failure instead of being decided once per process.
import type { CompilerRunner } from '../compiler/driver/local-runner';
import { runCompilerLocally } from '../compiler/driver/local-runner';
import { CompileRefused } from '../compiler/failure';
import { config, type Config } from '../config';
import { configureSandbox, runSandboxed, type SandboxResult } from '../../sandbox/index';
import { COMPILE_LIMITS, COMPILE_PROBE_LIMITS, type SandboxLimits } from './limits';

let sandboxConfigured = false;

/** The sandbox reads no environment itself: its settings come from here, before its first use. */
export function applySandboxSettings(): void {
  if (sandboxConfigured) return;
  sandboxConfigured = true;
  const slots = config().SAJILO_SANDBOX_SLOTS;
  if (slots !== undefined) configureSandbox({ slots });
}

/** The C compiler inside the sandbox's compile profile, with these limits. */
export function sandboxCompiler(
  limits: Readonly<SandboxLimits> = COMPILE_LIMITS,
  options: { signal?: AbortSignal; argvPrefix?: string[] } = {},
): CompilerRunner {
  return async (job) => {
    applySandboxSettings();
    const r = await runSandboxed({
      profile: 'compile',
      argv: [...(options.argvPrefix ?? []), ...job.argv],
      workDir: job.workDir,
      readOnlyPaths: job.readOnlyPaths,
      env: { PATH: '/usr/bin:/bin', TMPDIR: job.workDir },
      ...limits,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return {
      ok: r.verdict === 'ok' && r.exitCode === 0 && !r.stopped,
      stderr: r.stderr || `${r.verdict}${r.detail ? `: ${r.detail}` : ''}`,
    };
  };
}

export interface ProbeTiming {
  attempts: number; // probes in a row before the profile counts as unavailable
  backoffMs: number; // pause after the first failed attempt, doubled after each further one
  retryAfterMs: number; // how long an "unavailable" answer stands before the next call probes again
}

export const PROBE_TIMING: Readonly<ProbeTiming> = { attempts: 3, backoffMs: 250, retryAfterMs: 30_000 };

export type ProbeState = { state: 'unknown' } | { state: 'available' } | { state: 'unavailable'; reason: string };

/** Whether the sandbox's compile profile works here. Once it has worked, it is not asked again. */
export class CompileProfileProbe {
  private available = false;
  private failure: { reason: string; at: number } | null = null;
  private pending: Promise<true | string> | null = null;

  constructor(private timing: Readonly<ProbeTiming> = PROBE_TIMING) {}

  /** true when the compile profile works, else the reason it does not. */
  check(): Promise<true | string> {
    if (this.available) return Promise.resolve(true);
    if (this.failure && performance.now() - this.failure.at < this.timing.retryAfterMs)
      return Promise.resolve(this.failure.reason);
    this.pending ??= this.probe().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** The last answer, without probing (for `doctor` and logs). */
  get state(): ProbeState {
    if (this.available) return { state: 'available' };
    return this.failure ? { state: 'unavailable', reason: this.failure.reason } : { state: 'unknown' };
  }

  private async probe(): Promise<true | string> {
    let reason = 'not probed';
    for (let attempt = 0; attempt < this.timing.attempts; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, this.timing.backoffMs * 2 ** (attempt - 1)));
      applySandboxSettings();
      const r: Pick<SandboxResult, 'verdict' | 'exitCode' | 'detail'> = await runSandboxed({
        profile: 'compile',
        argv: ['/bin/true'],
        ...COMPILE_PROBE_LIMITS,
      }).catch((e: unknown) => ({ verdict: 'internal_error', exitCode: null, detail: (e as Error).message }));
      if (r.verdict === 'ok' && r.exitCode === 0) {
        this.available = true;
        this.failure = null;
        return true;
      }
      reason = r.detail ?? `${r.verdict} (exit ${r.exitCode})`;
    }
    this.failure = { reason, at: performance.now() };
    return reason;
  }
}

/** The process's probe: every compile of the server and the CLI asks this one. */
export const compileProfile = new CompileProfileProbe();

/** Whether the C compiler may run on the host when the compile profile is unavailable. */
export function hostCompileAllowed(settings: Config = config()): boolean {
  if (settings.SAJILO_ALLOW_HOST_COMPILE !== undefined) return settings.SAJILO_ALLOW_HOST_COMPILE === '1';
  return settings.NODE_ENV !== 'production';
}

export interface CompilePlacement {
  where: 'sandbox' | 'host' | 'refused';
  runner: CompilerRunner;
  /** Why not the sandbox (host and refused only). */
  reason?: string;
}

let warnedHost = false;

/**
 * The runner for the next C compile. `allowHost` defaults to the server's policy; the CLI, which
 * compiles the user's own program on their own machine, passes true. `hostRunner` is the host
 * compiler to use then (background builds pass a niced one).
 */
export interface PlacementOptions {
  limits?: Readonly<SandboxLimits>;
  signal?: AbortSignal;
  argvPrefix?: string[];
  allowHost?: boolean;
  hostRunner?: CompilerRunner;
  probe?: CompileProfileProbe;
}

export async function placeCompile(options: PlacementOptions = {}): Promise<CompilePlacement> {
  const probe = options.probe ?? compileProfile;
  const answer = await probe.check();
  if (answer === true) {
    return {
      where: 'sandbox',
      runner: sandboxCompiler(options.limits, { signal: options.signal, argvPrefix: options.argvPrefix }),
    };
  }
  if (options.allowHost ?? hostCompileAllowed()) {
    if (!warnedHost)
      console.warn(
        `[run] the C compiler runs on the host, outside the sandbox: compile profile unavailable (${answer})`,
      );
    warnedHost = true;
    return { where: 'host', runner: options.hostRunner ?? runCompilerLocally, reason: answer };
  }
  console.error(
    `[run] compile refused: the sandbox's compile profile is unavailable (${answer}); SAJILO_ALLOW_HOST_COMPILE=1 would compile on the host`,
  );
  return { where: 'refused', runner: () => Promise.reject(new CompileRefused(answer)), reason: answer };
}

/** A runner that decides where each compile goes when it is called (a cache hit asks nothing). */
export function compileRunner(options: PlacementOptions = {}): CompilerRunner {
  return async (job) => (await placeCompile(options)).runner(job);
}

/** One line for `sajilo doctor` about the compile profile and what the server does without it. */
export async function describeCompilePlacement(probe: CompileProfileProbe = compileProfile): Promise<string> {
  const answer = await probe.check();
  if (answer === true) return 'compile profile: available (the C compiler runs in the sandbox)';
  return hostCompileAllowed()
    ? `compile profile: unavailable (${answer}); the C compiler runs on the host (host compiles allowed: SAJILO_ALLOW_HOST_COMPILE or NODE_ENV≠production)`
    : `compile profile: unavailable (${answer}); the server refuses to compile (E9002) — fix the sandbox (sajilo-sandbox doctor) or set SAJILO_ALLOW_HOST_COMPILE=1`;
}

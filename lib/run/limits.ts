// Sajilo's limits, all in one place: what a visitor's program may use, what one C compile may
// use (in the sandbox's compile profile, or on the host when that is allowed), and what
// `sajilo run` allows on the user's own machine. Each starts from the sandbox's own defaults
// (sandbox/limits.ts) and names only what Sajilo changes. Pure data: the compiler's driver and
// the CLI import it as well as the run pipeline.
import { SANDBOX_DEFAULT_LIMITS, type SandboxLimits } from '../../sandbox/limits';

export type { SandboxLimits } from '../../sandbox/limits';

/** One program run from the IDE or the API: the sandbox's run-profile defaults. */
export const RUN_LIMITS: Readonly<SandboxLimits> = { ...SANDBOX_DEFAULT_LIMITS.run };

/** One C compile (tcc takes milliseconds; gcc with -static can take seconds). */
export const COMPILE_LIMITS: Readonly<SandboxLimits> = {
  ...SANDBOX_DEFAULT_LIMITS.compile,
  cpuMs: 30_000,
  wallMs: 60_000,
  memoryMb: 1024,
  pids: 32,
  outputBytes: 256 * 1024,
};

/** One background (optimised) build: its own, smaller CPU budget; gcc -O2 of a 64 KiB program
 *  fits easily, a pathological one is given up rather than let run on. */
export const BACKGROUND_COMPILE_LIMITS: Readonly<SandboxLimits> = { ...COMPILE_LIMITS, cpuMs: 10_000, wallMs: 30_000 };

/** The probe that asks whether the compile profile works: a harmless program, a short wall. */
export const COMPILE_PROBE_LIMITS: Readonly<SandboxLimits> = { ...COMPILE_LIMITS, cpuMs: 2000, wallMs: 5000 };

/** `sajilo run` in the sandbox: the user's own program on their own machine, so more room. */
export const CLI_RUN_LIMITS: Readonly<SandboxLimits> = {
  ...RUN_LIMITS,
  cpuMs: 10_000,
  wallMs: 40_000,
  memoryMb: 512,
  outputBytes: 16 * 2 ** 20,
};

/** `sajilo run --no-sandbox` (or no sandbox here): rlimits on the host, the same CPU budget. */
export const DIRECT_RUN_LIMITS = {
  cpuSeconds: CLI_RUN_LIMITS.cpuMs / 1000,
  addressSpaceBytes: 2 * 2 ** 30,
  fileBytes: 64 * 2 ** 20,
  processes: 64,
} as const;

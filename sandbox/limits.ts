// The sandbox's limits: their defaults per profile and the names the launcher reads on its wire.
// This table is the only place the defaults are written. The native launcher has none: every
// request carries every limit (runSandboxed fills what a caller leaves out from here), and the
// launcher refuses a request that lacks one (supervisor.c), so the two can never disagree.
// Callers that want other limits (Sajilo's own are in lib/run/limits.ts) pass them per run.

export type Profile = 'run' | 'compile';

export interface SandboxLimits {
  cpuMs: number; // CPU time of the whole run (all processes), milliseconds
  wallMs: number; // wall-clock time, milliseconds
  memoryMb: number; // memory (cgroup; rootless: address space), MiB
  pids: number; // processes and threads at once
  outputBytes: number; // stdout + stderr together
  fileSizeMb: number; // largest file the program may write (RLIMIT_FSIZE), MiB
  tmpMb: number; // size of the compile profile's /tmp tmpfs, MiB
}

const RUN: SandboxLimits = {
  cpuMs: 2000,
  wallMs: 5000,
  memoryMb: 128,
  pids: 16,
  outputBytes: 64 * 1024,
  fileSizeMb: 16,
  tmpMb: 64,
};

/** Defaults of the command-line tool and the API when an option is not given. */
export const SANDBOX_DEFAULT_LIMITS: Readonly<Record<Profile, Readonly<SandboxLimits>>> = {
  run: RUN,
  // A compiler forks its assembler and linker.
  compile: { ...RUN, pids: 64 },
};

/** The key of each limit in the launcher's request payload (supervisor.c, `parse`). */
export const LIMIT_WIRE_KEYS: Readonly<Record<keyof SandboxLimits, string>> = {
  cpuMs: 'cpu',
  wallMs: 'wall',
  memoryMb: 'mem',
  pids: 'pids',
  outputBytes: 'out',
  fileSizeMb: 'fsize',
  tmpMb: 'tmp',
};

/** Every limit of `profile`: the caller's where given, the default otherwise (whole numbers ≥ 1). */
export function completeLimits(profile: Profile, given: Partial<SandboxLimits>): SandboxLimits {
  const out = { ...SANDBOX_DEFAULT_LIMITS[profile] };
  for (const k of Object.keys(out) as (keyof SandboxLimits)[]) {
    const v = given[k];
    if (v !== undefined) out[k] = Math.max(1, Math.floor(v));
  }
  return out;
}

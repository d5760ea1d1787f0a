// The sandbox's public shapes (docs/interfaces.md). Kept apart from index.ts so that callers
// and tests can import the types without starting anything. Machine verdicts only: wording
// them for people is the caller's business (the IDE's is in lib/i18n/run-feedback.ts).
import type { Profile, SandboxLimits } from './limits';

/** Every verdict the launcher reports; anything else it says is read as internal_error. */
export const VERDICTS = [
  'ok',
  'runtime_error',
  'time_limit',
  'memory_limit',
  'output_limit',
  'security_violation',
  'internal_error',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Limits not given take the profile's defaults (limits.ts). */
export interface SandboxOptions extends Partial<SandboxLimits> {
  profile?: Profile; // default 'run'
  argv: string[]; // argv[0]: host path of the executable
  stdin?: string | Uint8Array;
  workDir?: string; // compile profile: host directory mounted writable, and the cwd
  readOnlyPaths?: string[]; // compile profile: extra host paths visible read-only
  env?: Record<string, string>;
  /** Called with the program's output as the supervisor passes it on, while it runs: the same
   *  bytes as the result's stdout/stderr (so within outputBytes), decoded as UTF-8 per stream
   *  (a character split across chunks arrives whole, in the later chunk). */
  onOutput?: (stream: 'stdout' | 'stderr', chunk: string) => void;
  /** Aborting kills the run's whole process tree (its sandbox); the result then has verdict
   *  'runtime_error' (unless the program had already ended) and `stopped: true`. Aborted
   *  while still queued for a slot: nothing runs, the same result with zero metrics. */
  signal?: AbortSignal;
}

export interface SandboxResult {
  verdict: Verdict;
  exitCode: number | null;
  signal: string | null;
  cpuMs: number;
  wallMs: number;
  memoryKb: number;
  stdout: string;
  stderr: string;
  truncated: boolean;
  /** Protections that were not in force for this run (e.g. 'cgroups' when rootless without
   *  delegation: limits fell back to rlimits). Absent when nothing was degraded. */
  degraded?: string[];
  /** True when the run was ended through SandboxOptions.signal. Absent otherwise. */
  stopped?: boolean;
  /** For internal_error: what failed, for the server log (never shown to visitors). */
  detail?: string;
  /** For time_limit, memory_limit and output_limit: which limit ended the run, and its value
   *  (for callers to word it in their own language). Absent for the other verdicts. */
  limitExceeded?: LimitExceeded;
}

/** A limit that ended a run: `limit` in ms (cpu-time, wall-time), MiB (memory) or bytes (output). */
export interface LimitExceeded {
  kind: 'cpu-time' | 'wall-time' | 'memory' | 'output';
  limit: number;
}

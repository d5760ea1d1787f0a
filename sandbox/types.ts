// The sandbox's public shapes (docs/interfaces.md). Kept apart from index.ts so that callers
// and tests can import the types and texts without starting anything.
import type { Profile, SandboxLimits } from './limits';

export type Verdict =
  | 'ok'
  | 'runtime_error'
  | 'time_limit'
  | 'memory_limit'
  | 'output_limit'
  | 'security_violation'
  | 'internal_error';

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
}

/** Short explanations for the IDE, Nepali first. */
export const VERDICT_TEXT: Record<Verdict, { ne: string; en: string }> = {
  ok: { ne: 'कार्यक्रम सफलतापूर्वक सकियो।', en: 'The program finished successfully.' },
  runtime_error: {
    ne: 'कार्यक्रम चल्दा त्रुटि भयो (शून्य बाहेकको निकास कोड वा सङ्केत)।',
    en: 'The program failed while running (non-zero exit status or a signal).',
  },
  time_limit: {
    ne: 'कार्यक्रमले तोकिएको समयभन्दा बढी लियो।',
    en: 'The program took longer than the time limit.',
  },
  memory_limit: {
    ne: 'कार्यक्रमले तोकिएको मेमोरीभन्दा बढी प्रयोग गर्‍यो।',
    en: 'The program used more memory than the limit.',
  },
  output_limit: {
    ne: 'कार्यक्रमले धेरै नै आउटपुट लेख्यो, त्यसैले रोकियो।',
    en: 'The program wrote too much output and was stopped.',
  },
  security_violation: {
    ne: 'कार्यक्रमले अनुमति नभएको काम गर्न खोज्यो, त्यसैले रोकियो।',
    en: 'The program tried an operation that is not allowed and was stopped.',
  },
  internal_error: {
    ne: 'स्यान्डबक्समै समस्या आयो; कृपया फेरि प्रयास गर्नुहोस्।',
    en: 'The sandbox itself failed; please try again.',
  },
};

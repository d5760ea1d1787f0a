// Every environment variable Sajilo reads, validated once with zod. A variable that is set but
// wrong stops the process with a message naming it, instead of being ignored somewhere deep.
// New settings are added here (and to the table in docs/configuration.md, which a test keeps in
// step), never read from process.env elsewhere; the few files that cannot import this module
// are listed there with the reason.
import { z } from 'zod';

/** An empty variable counts as unset (`FOO= npm start` is how a shell unsets it for one run). */
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(type: T) => z.preprocess(unsetIfEmpty, type.optional());
const nonNegativeInt = z.coerce.number().int().min(0);
const positiveInt = z.coerce.number().int().min(1);
const optionalHttpUrl = optional(z.url({ protocol: /^https?$/ }));
const optionalText = optional(z.string());
const optionalPath = optional(z.string().refine((p) => !p.includes('\0'), 'must not contain a NUL byte'));

const schema = z.object({
  /** Set by Node tooling and Next: "production" makes the server strict (secrets, host compiles). */
  NODE_ENV: optional(z.enum(['development', 'production', 'test'])),
  /** The port `npm start` serves on. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** PostgreSQL for production; unset, the embedded PGlite under SAJILO_DATA_DIR. */
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' })),
  /** PostgreSQL connections per process. */
  SAJILO_DB_POOL: positiveInt.default(10),
  /** Where PGlite and the generated session secret live (default .data/ in the working directory). */
  SAJILO_DATA_DIR: optionalPath,
  /** The session secret; required in production with DATABASE_URL, else generated under SAJILO_DATA_DIR. */
  NEXTAUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  /** Optional sign-in providers: each is offered when both its id and its secret are set. */
  GITHUB_ID: optionalText,
  GITHUB_SECRET: optionalText,
  GOOGLE_ID: optionalText,
  GOOGLE_SECRET: optionalText,
  /** Forces one C compile path; unset, the fastest available. */
  SAJILO_CC: optional(z.enum(['tcc-musl', 'musl-gcc', 'gcc'])),
  /** Where programs are looked up (tcc, gcc, nice, prlimit): the system's own search path. */
  PATH: optionalText,
  /** The C compilers to use (default: tcc and gcc from PATH). */
  SAJILO_TCC: optionalPath,
  SAJILO_GCC: optionalPath,
  /** The compile cache's folder (default .cache/sajilo in the repository) and its size bound. */
  SAJILO_CACHE_DIR: optionalPath,
  SAJILO_CACHE_MAX_MB: positiveInt.default(512),
  /** Sandbox supervisors one process keeps (default: 2 × the CPUs, at least 2). */
  SAJILO_SANDBOX_SLOTS: optional(positiveInt),
  /** "1": compile on the host when the sandbox's compile profile is unavailable; "0": refuse.
   *  Unset: refuse in production (NODE_ENV=production), allow with a warning otherwise. */
  SAJILO_ALLOW_HOST_COMPILE: optional(z.enum(['0', '1'])),
  /** How many reverse proxies stand in front of the web server; 0 (default) trusts no
   *  forwarded header (X-Forwarded-For, X-Forwarded-Host, X-Forwarded-Proto). */
  SAJILO_TRUSTED_PROXIES: nonNegativeInt.default(0),
  /** Programs run at once (default: the machine's cores). */
  SAJILO_RUN_CONCURRENCY: z.coerce.number().int().min(1).optional(),
  /** Programs waiting for a slot, all clients together (default: 4 × the concurrency). */
  SAJILO_RUN_QUEUE: nonNegativeInt.optional(),
  /** Programs one client (signed-in user, else address) may have running or waiting. */
  SAJILO_RUN_PER_CLIENT: z.coerce.number().int().min(1).default(2),
  /** Where runs execute: "in-process" (default) in this server; "queue": jobs in PostgreSQL
   *  (DATABASE_URL) taken by `sajilo worker` processes (docs/queue.md). */
  SAJILO_EXECUTOR: z.enum(['in-process', 'queue']).default('in-process'),
  /** Programs one `sajilo worker` runs at once (default: the machine's cores). */
  SAJILO_WORKER_CONCURRENCY: optional(positiveInt),
  /** Seconds a queued run waits for a worker before it is answered with an error (default 30). */
  SAJILO_QUEUE_WAIT_SECONDS: positiveInt.default(30),
  /** "on" (default): a worker is woken by PostgreSQL NOTIFY the moment a job is queued; "off":
   *  it finds jobs by polling every 2 s (pg-boss's default), for comparison only. */
  SAJILO_QUEUE_NOTIFY: z.enum(['on', 'off']).default('on'),
  /** Anonymous shares and forks one client address may make per day (0 turns anonymous sharing off). */
  SAJILO_ANON_SHARES_PER_DAY: nonNegativeInt.default(100),
  /** Sign-up attempts one client address may make per hour. */
  SAJILO_SIGNUPS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Total size in MiB that all anonymous snippets together may take (source, stdin, title); past it, anonymous sharing waits for sign-in. */
  SAJILO_ANON_STORAGE_MIB: nonNegativeInt.default(1024),
  /** Tiered compilation: "on" (default) builds programs that ran with gcc -O2 in the background
   *  and serves later runs with that build; "off" runs every program on the fast tier. */
  SAJILO_TIERING: z.enum(['on', 'off']).default('on'),
  /** At most this many background (optimised) builds wait; more are dropped (default 8). */
  SAJILO_TIER_QUEUE: nonNegativeInt.default(8),
  /** A program is upgraded after a run that used at least this much CPU (ms; default 0: any run). */
  SAJILO_TIER_MIN_CPU_MS: nonNegativeInt.default(0),
  /** Worker threads that run the compiler front end on the server; 0 (default): one per core. */
  SAJILO_FRONTEND_THREADS: nonNegativeInt.default(0),
  /** CPU time (ms) one check or compile may spend in the front end before it is stopped. */
  SAJILO_FRONTEND_CPU_MS: z.coerce.number().int().min(50).default(2000),
  /** Heap limit (MB) of one front-end worker thread. */
  SAJILO_FRONTEND_MEMORY_MB: z.coerce.number().int().min(32).default(512),
  /** "1": the front end runs on the event loop with no budget, only for benchmarks that
   *  measure what the worker threads cost; never in production. */
  SAJILO_FRONTEND_IN_PROCESS: z.enum(['0', '1']).default('0'),
  /** The site's public origin (https://sajilo.example); unset, each request's own origin is
   *  used, so `npm start` works on any host and port. Auth callbacks and link previews use it. */
  SAJILO_PUBLIC_URL: optionalHttpUrl,
  /** next-auth's own name for the public origin, honoured when SAJILO_PUBLIC_URL is unset. */
  NEXTAUTH_URL: optionalHttpUrl,
  /** The JSON log's level (pino); unset: "info", and "warn" under tests (NODE_ENV=test). */
  SAJILO_LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  /** The bearer token GET /api/metrics asks for; unset, that path is answered 404. */
  SAJILO_METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  /** A worker process serves its metrics on this port (/metrics); unset, it serves none. */
  SAJILO_METRICS_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  /** On SIGTERM the web server lets running requests and runs finish for at most this long. */
  SAJILO_SHUTDOWN_GRACE_SECONDS: nonNegativeInt.default(30),
});

export type Config = z.infer<typeof schema>;

/** Every variable this module reads (docs/configuration.md has one row for each). */
export const CONFIG_KEYS = Object.keys(schema.shape) as (keyof Config)[];

/** A variable that is set but invalid; the message names it. */
export class ConfigError extends Error {
  constructor(
    readonly variables: string[],
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

let cached: { key: string; value: Config } | undefined;

/** The variables this module reads, as they are now: the validated value is reused while they stay. */
function snapshotKey(env: NodeJS.ProcessEnv): string {
  return CONFIG_KEYS.map((k) => env[k] ?? '').join('\0');
}

/**
 * The validated configuration; throws a ConfigError naming every bad variable. Validated again
 * only when one of its variables has changed (tests and benchmarks set them between cases).
 */
export function config(env: NodeJS.ProcessEnv = process.env): Config {
  const key = env === process.env ? snapshotKey(env) : null;
  if (key !== null && cached?.key === key) return cached.value;
  // An empty variable counts as unset, for defaults too.
  const present = Object.fromEntries(
    CONFIG_KEYS.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    const names = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))];
    throw new ConfigError(names, `Invalid configuration (see docs/configuration.md):\n${lines.join('\n')}`);
  }
  if (key !== null) cached = { key, value: parsed.data };
  return parsed.data;
}

/** Forgets the validated value (kept for tests written before it followed process.env). */
export function resetConfigForTests(): void {
  cached = undefined;
}

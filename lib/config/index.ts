// Every environment variable the server reads, validated once with zod. A variable that is set
// but wrong stops the process with a message naming it, instead of being ignored somewhere deep.
// New settings are added here (and to the table in docs/configuration.md), never read from
// process.env elsewhere.
import { z } from 'zod';

const nonNegativeInt = z.coerce.number().int().min(0);
/** An http(s) URL; an empty variable counts as unset. */
const optionalHttpUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/ }).optional());

const schema = z.object({
  /** How many reverse proxies stand in front of the web server; 0 (default) trusts no
   *  forwarded header (X-Forwarded-For, X-Forwarded-Host, X-Forwarded-Proto). */
  SAJILO_TRUSTED_PROXIES: nonNegativeInt.default(0),
  /** Programs run at once (default: the machine's cores). */
  SAJILO_RUN_CONCURRENCY: z.coerce.number().int().min(1).optional(),
  /** Programs waiting for a slot, all clients together (default: 4 × the concurrency). */
  SAJILO_RUN_QUEUE: nonNegativeInt.optional(),
  /** Programs one client (signed-in user, else address) may have running or waiting. */
  SAJILO_RUN_PER_CLIENT: z.coerce.number().int().min(1).default(2),
  /** Anonymous shares and forks one client address may make per day (0 turns anonymous sharing off). */
  SAJILO_ANON_SHARES_PER_DAY: nonNegativeInt.default(100),
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
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

/** The validated configuration; throws a clear error naming every bad variable. */
export function config(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && cached) return cached;
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}

/** For tests that change process.env between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}

// Prometheus metrics (prom-client), one registry per process: what runs cost and what was
// refused. The web server answers them at GET /api/metrics (behind SAJILO_METRICS_TOKEN); a
// worker process, which serves no HTTP otherwise, on its own port through `serveMetrics`.
// Names and labels are listed in docs/deploy.md ("Metrics").
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { config } from '@/lib/config';

/** Why a request was refused before or instead of its work (the `reason` label). */
export type RejectionReason =
  'overloaded_client' | 'overloaded_server' | 'rate_limited' | 'too_large' | 'invalid' | 'shutting_down';

/** A run's outcome (the `verdict` label): the sandbox's verdict, or what came before it. */
export type RunVerdict = string;

const SECONDS_BUCKETS_SHORT = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SECONDS_BUCKETS_LONG = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sajilo_' });
  const registers = [registry];
  return {
    registry,
    runsTotal: new Counter({
      name: 'sajilo_runs_total',
      help: 'Runs finished, by verdict (compile_error when the program did not compile, stopped when its client stopped it)',
      labelNames: ['verdict'] as const,
      registers,
    }),
    queueWaitSeconds: new Histogram({
      name: 'sajilo_run_queue_wait_seconds',
      help: 'Time a run waited in the run queue before a slot took it',
      buckets: SECONDS_BUCKETS_LONG,
      registers,
    }),
    compileSeconds: new Histogram({
      name: 'sajilo_compile_seconds',
      help: 'Time to compile a program for a run (front end and C compiler; a cache hit is short)',
      buckets: SECONDS_BUCKETS_SHORT,
      registers,
    }),
    runSeconds: new Histogram({
      name: 'sajilo_run_seconds',
      help: 'Wall time a compiled program ran in the sandbox',
      buckets: SECONDS_BUCKETS_LONG,
      registers,
    }),
    busySlots: new Gauge({
      name: 'sajilo_busy_run_slots',
      help: 'Run slots (sandboxed compile and run) busy now',
      registers,
    }),
    rejectedTotal: new Counter({
      name: 'sajilo_rejected_requests_total',
      help: 'Requests refused, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const METRICS = Symbol.for('sajilo.metrics');
const shared = globalThis as unknown as Record<symbol, Metrics | undefined>;

/** One set per process, kept on globalThis: Next's bundles (instrumentation, routes) share it. */
const metrics: Metrics = (shared[METRICS] ??= createMetrics());

export const { registry, runsTotal, queueWaitSeconds, compileSeconds, runSeconds, busySlots, rejectedTotal } = metrics;

/** One finished run. Times in milliseconds; a phase that did not happen (no run after a
 *  compile error) is left out. */
export function recordRun(run: { verdict: RunVerdict; queueWaitMs?: number; compileMs?: number; runMs?: number }) {
  runsTotal.inc({ verdict: run.verdict });
  if (run.queueWaitMs !== undefined) queueWaitSeconds.observe(run.queueWaitMs / 1000);
  if (run.compileMs !== undefined) compileSeconds.observe(run.compileMs / 1000);
  if (run.runMs !== undefined) runSeconds.observe(run.runMs / 1000);
}

export function recordRejected(reason: RejectionReason) {
  rejectedTotal.inc({ reason });
}

export function setBusySlots(n: number) {
  busySlots.set(n);
}

/** The Prometheus text exposition of every metric of this process. */
export function metricsText(): Promise<string> {
  return registry.metrics();
}

export const METRICS_CONTENT_TYPE = registry.contentType;

/**
 * Whether an Authorization header carries the metrics token: compared in constant time (both
 * sides hashed first, so neither the length nor a prefix of the token leaks through timing).
 */
export function bearerMatches(authorization: string | null | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(authorization?.trim() ?? '')?.[1] ?? '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/**
 * A bare HTTP server for a process that serves nothing else (a worker): the metrics at
 * GET /metrics, 404 elsewhere; behind the bearer token when SAJILO_METRICS_TOKEN is set.
 * Resolves once it listens.
 */
export async function serveMetrics(port: number, host = '0.0.0.0'): Promise<http.Server> {
  const token = config().SAJILO_METRICS_TOKEN;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') return void res.writeHead(404).end();
    if (token && !bearerMatches(req.headers.authorization, token))
      return void res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
    metricsText().then(
      (text) => res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

// The process's log: one JSON object per line on stdout (pino), for a collector to read
// (journald, Docker, Loki…). A request id ties the lines of one request together, from the
// route handler through the run queue to the worker that ran the program: `log.child({ requestId })`.
// The level comes from SAJILO_LOG_LEVEL; tests default to "warn" so that their output stays quiet.
import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { config } from '@/lib/config';

export type { Logger } from 'pino';

/** The header a request id arrives in (from a load balancer or a client) and is echoed in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An id we pass on as it came: short, and nothing a log reader or a header could misread. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function level(): string {
  const c = config();
  return c.SAJILO_LOG_LEVEL ?? (c.NODE_ENV === 'test' ? 'warn' : 'info');
}

const LOGGER = Symbol.for('sajilo.log');
const shared = globalThis as unknown as Record<symbol, Logger | undefined>;

/** One logger per process, kept on globalThis: Next's bundles (instrumentation, routes) share it. */
export const log: Logger = (shared[LOGGER] ??= pino(
  {
    level: level(),
    base: { pid: process.pid },
    // ISO time instead of epoch milliseconds: readable by people and collectors alike.
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  // Through process.stdout rather than pino's own file descriptor writer: one writer for the
  // process's stdout, in order with what else writes there (and visible to a test that reads it).
  process.stdout,
));

/** The request's id: the incoming `x-request-id` when it is a safe token, else a new UUID. */
export function requestIdOf(req: Request): string {
  const given = req.headers.get(REQUEST_ID_HEADER);
  return given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

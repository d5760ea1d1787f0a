// Graceful shutdown of the web server. On SIGTERM (or SIGINT) the process starts draining:
// GET /api/ready answers 503 at once, so load balancers send no new traffic; new runs are refused
// with 503 shutting_down; requests and runs already under way finish, for at most
// SAJILO_SHUTDOWN_GRACE_SECONDS; then the closers run (the database, the sandbox supervisors)
// and the process exits. A second signal exits at once.
//
// Next.js ends the process on SIGTERM itself unless NEXT_MANUAL_SIG_HANDLE is set, which
// `npm start` (scripts/start.mjs) does for its server. The state lives on globalThis: the
// instrumentation hook that installs the handler and the route bundles that count their work
// are separate module instances in a Next.js build.
import { config } from '@/lib/config';
import { log } from './log';

interface ShutdownState {
  draining: boolean;
  installed: boolean;
  /** Requests and runs under way (each holds one until it ends). */
  inFlight: number;
  /** Called whenever inFlight drops to zero. */
  idle: Set<() => void>;
  closers: (() => Promise<void>)[];
}

const STATE = Symbol.for('sajilo.shutdown');
const SOCKET_FLUSH_MS = 200;
const shared = globalThis as unknown as Record<symbol, ShutdownState | undefined>;
const state: ShutdownState = (shared[STATE] ??= {
  draining: false,
  installed: false,
  inFlight: 0,
  idle: new Set(),
  closers: [],
});

/** True once a shutdown has begun: refuse new work. */
export function isShuttingDown(): boolean {
  return state.draining;
}

/** True when this module's signal handler owns SIGTERM/SIGINT (others should not exit then). */
export function gracefulShutdownInstalled(): boolean {
  return state.installed;
}

/** Work under way, which a shutdown waits for. */
export function workInFlight(): number {
  return state.inFlight;
}

/** Counts one piece of work until `done` settles; returns `done`. */
export function holdUntil<T>(done: Promise<T>): Promise<T> {
  state.inFlight++;
  const release = () => {
    state.inFlight--;
    if (state.inFlight === 0) for (const f of state.idle) f();
  };
  done.then(release, release);
  return done;
}

/** Something to close once the work has drained (run in the order added). */
export function onShutdown(close: () => Promise<void>): void {
  state.closers.push(close);
}

/** Resolves when no work is in flight, or after `timeoutMs`; true when it drained. */
export function drained(timeoutMs: number): Promise<boolean> {
  if (state.inFlight === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      state.idle.delete(onIdle);
      resolve(ok);
    };
    const onIdle = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    state.idle.add(onIdle);
  });
}

/**
 * Stops taking new work, waits for the work under way (at most `graceMs`), then runs the
 * closers. Resolves true when everything finished in time.
 */
export async function shutDown(graceMs: number): Promise<boolean> {
  state.draining = true;
  log.info({ inFlight: state.inFlight, graceMs }, 'shutting down: refusing new runs, letting running work finish');
  const finished = await drained(graceMs);
  if (!finished) log.warn({ inFlight: state.inFlight }, 'shutdown grace period over: exiting with work still running');
  for (const close of state.closers) {
    await close().catch((err: unknown) => log.error({ err }, 'shutdown: a closer failed'));
  }
  return finished;
}

/** Installs the signal handler (once per process). */
export function installGracefulShutdown(): void {
  if (state.installed) return;
  state.installed = true;
  const graceMs = config().SAJILO_SHUTDOWN_GRACE_SECONDS * 1000;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (state.draining) {
        log.warn({ signal }, 'second signal during shutdown: exiting now');
        process.exit(1);
      }
      log.info({ signal }, 'signal received');
      // The last answers' bytes may still sit in their sockets' buffers: a moment to write them.
      void shutDown(graceMs).then((finished) => setTimeout(() => process.exit(finished ? 0 : 1), SOCKET_FLUSH_MS));
    });
  }
}

/** Back to serving (tests only). */
export function resetShutdownForTests(): void {
  state.draining = false;
  state.closers = [];
}

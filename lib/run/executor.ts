// Where runs execute (docs/queue.md). Route handlers call `executor().run(...)` and never know
// which of the two implementations answers:
//  - in-process (the default, no configuration): today's pipeline in this process, runProgram
//    through the fair RunQueue (lib/run/queue.ts);
//  - queue (SAJILO_EXECUTOR=queue with DATABASE_URL): the run is a job in PostgreSQL (pg-boss),
//    taken by any `sajilo worker` process, and its output and answer come back here
//    (lib/run/queued-executor.ts).
import { config } from '@/lib/config';
import { runProgram, runQueue, type RunHooks, type RunOutput, type RunRequestInput } from './index';

export type ExecutorKind = 'in-process' | 'queue';

export interface ExecutorStatus {
  kind: ExecutorKind;
  /** false: runs would fail now (no database, no worker, sandbox unusable). */
  ready: boolean;
  /** Why not ready, one English sentence. */
  reason?: string;
  /** Runs waiting (in-process: the RunQueue's; queue: jobs no worker has taken yet). */
  queued: number;
  /** Runs running now. */
  running: number;
  /** Live workers (queue); null for in-process. */
  workers: number | null;
}

export interface Executor {
  readonly kind: ExecutorKind;
  /** Compiles and runs one program. Throws OverloadedError when the queue refuses it, the
   *  signal's reason when it is aborted, RunUnavailableError when no worker answers in time. */
  run(req: RunRequestInput, hooks: RunHooks): Promise<RunOutput>;
  status(): Promise<ExecutorStatus>;
  /** Graceful: stop taking new runs, let the running ones finish. */
  close(): Promise<void>;
}

/** No worker could give this run its answer: none took it in time, or the ones that took it died. */
export class RunUnavailableError extends Error {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds = 5) {
    super(message);
    this.name = 'RunUnavailableError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A run refused because the executor is shutting down (SIGTERM): the client may try again. */
export class ExecutorClosedError extends RunUnavailableError {
  constructor() {
    super('the server is shutting down and takes no new runs', 1);
    this.name = 'ExecutorClosedError';
  }
}

/** Today's path: the run compiles and executes in this process. */
export class InProcessExecutor implements Executor {
  readonly kind = 'in-process' as const;
  private closing = false;
  private active = 0;
  private drained: (() => void) | null = null;

  async run(req: RunRequestInput, hooks: RunHooks): Promise<RunOutput> {
    if (this.closing) throw new ExecutorClosedError();
    this.active++;
    try {
      return await runProgram(req, hooks);
    } finally {
      this.active--;
      if (this.active === 0) this.drained?.();
    }
  }

  async status(): Promise<ExecutorStatus> {
    const { queued, running } = runQueue.stats;
    return {
      kind: this.kind,
      ready: !this.closing,
      ...(this.closing ? { reason: 'shutting down' } : {}),
      queued,
      running,
      workers: null,
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.active === 0) return;
    await new Promise<void>((resolve) => (this.drained = resolve));
  }
}

let current: Executor | null = null;

/**
 * The executor SAJILO_EXECUTOR names, made once per process. The queued one is loaded only
 * when configured, so the default never loads pg-boss.
 */
export function executor(): Executor {
  current ??= config().SAJILO_EXECUTOR === 'queue' ? new LazyQueuedExecutor() : new InProcessExecutor();
  return current;
}

/** Replaces the process's executor (tests; a closed executor is replaced by the next call). */
export function setExecutorForTests(e: Executor | null): void {
  current = e;
}

/** Starts the queued executor now, when it is configured: the server's start (instrumentation.ts)
 *  pays for connecting and creating the queue's schemas, not its first run or readiness check. */
export function warmUpExecutor(): void {
  const e = executor();
  if (e instanceof LazyQueuedExecutor) e.warmUp();
}

/** The queued executor, imported and started on first use (the import is the slow part). */
class LazyQueuedExecutor implements Executor {
  readonly kind = 'queue' as const;
  private started: Promise<Executor> | null = null;
  private running: Executor | null = null;
  private startError: Error | null = null;

  private get inner(): Promise<Executor> {
    this.started ??= import('./queued-executor').then(async (m) => {
      const e = new m.QueuedExecutor(m.queueSettings());
      await e.start();
      this.running = e;
      this.startError = null;
      return e;
    });
    // A database down now may be up on the next run.
    this.started.catch((e: Error) => {
      this.startError = e;
      this.started = null;
    });
    return this.started;
  }

  warmUp(): void {
    this.inner.catch((e: Error) => console.error('[queue] the run queue could not start:', e.message));
  }

  async run(req: RunRequestInput, hooks: RunHooks): Promise<RunOutput> {
    return (await this.inner).run(req, hooks);
  }

  async status(): Promise<ExecutorStatus> {
    const notReady = (reason: string): ExecutorStatus => ({
      kind: 'queue',
      ready: false,
      reason,
      queued: 0,
      running: 0,
      workers: 0,
    });
    // Not started yet (the first start creates pg-boss's schema: seconds on a loaded machine), or
    // its last start failed: said at once, while a start is tried in the background, rather than
    // as a readiness check that timed out.
    if (!this.running) {
      const failed = this.startError;
      this.warmUp();
      return notReady(failed ? `the run queue is unreachable: ${failed.message}` : 'the run queue is starting');
    }
    try {
      return await this.running.status();
    } catch (e) {
      return notReady(`the run queue is unreachable: ${(e as Error).message}`);
    }
  }

  async close(): Promise<void> {
    if (this.started) await (await this.started).close();
  }
}

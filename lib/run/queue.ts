// A bounded run queue: at most `concurrency` jobs at once (default: the machine's cores), at
// most `maxQueued` waiting, the rest refused at once with OverloadedError (→ 429 Retry-After).
// Every job has a wall-clock limit in the sandbox, so a slow program holds its slot for a
// bounded time and never blocks the queue for longer.
import os from 'node:os';

export class OverloadedError extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('the run queue is full');
    this.name = 'OverloadedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface QueueLimits { concurrency: number; maxQueued: number }

function envInt(name: string): number | undefined {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v >= 0 ? v : undefined;
}

export function defaultLimits(): QueueLimits {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const concurrency = Math.max(1, envInt('SAJILO_RUN_CONCURRENCY') ?? cores);
  return { concurrency, maxQueued: envInt('SAJILO_RUN_QUEUE') ?? concurrency * 4 };
}

export class RunQueue {
  private limits: QueueLimits;
  private running = 0;
  private waiting: (() => void)[] = [];
  /** Moving average of job durations, for Retry-After. */
  private averageMs = 1000;

  constructor(limits: QueueLimits = defaultLimits()) {
    this.limits = { ...limits };
  }

  configure(limits: Partial<QueueLimits>) {
    this.limits = { ...this.limits, ...limits };
    this.drain();
  }

  get stats() {
    return { running: this.running, queued: this.waiting.length, ...this.limits };
  }

  /** Seconds until a slot is likely free: the queue ahead divided among the slots. */
  retryAfterSeconds(): number {
    const ahead = this.waiting.length + 1;
    return Math.min(60, Math.max(1, Math.ceil((ahead / this.limits.concurrency) * this.averageMs / 1000)));
  }

  /** Runs `job` when a slot is free; rejects with OverloadedError when the queue is full. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.concurrency) {
      if (this.waiting.length >= this.limits.maxQueued) throw new OverloadedError(this.retryAfterSeconds());
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    const started = Date.now();
    try {
      return await job();
    } finally {
      this.averageMs = this.averageMs * 0.8 + (Date.now() - started) * 0.2;
      this.release();
    }
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes straight to the next job
    else this.running--;
  }

  private drain() {
    while (this.running < this.limits.concurrency && this.waiting.length > 0) {
      this.running++;
      this.waiting.shift()!();
    }
  }
}

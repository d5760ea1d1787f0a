// The fair run queue. Every job belongs to a client (the signed-in user, else the client's
// address). The whole policy is four rules, kept here and stated in docs/ide.md:
//
//  1. Share: a client may have at most `perClient` jobs running or waiting; one more is refused
//     at once (OverloadedError, scope 'client'), whatever the others do.
//  2. Slots: at most `concurrency` jobs run; a new job starts at once when a slot is free.
//  3. Order: when a slot frees, it goes to the waiting client that has used the least slot
//     time lately (usage decays by half every minute; a running job counts from its start),
//     and a client's second waiting job only after every other client's first. Equal users
//     take turns (round-robin); a client that keeps the slots busy waits behind everyone who
//     does not, so a newcomer's hello world is next whenever a slot frees.
//  4. Bound: at most `maxQueued` jobs wait in all. When the queue is full, a new job takes the
//     place of the waiting job that rule 3 would serve last if the new job would be served
//     before it; that job is refused instead (scope 'server'); otherwise the new job is.
//
// Rules 3 and 4 are one ordering (RunQueue.inOrder): the queue keeps the `maxQueued` best
// jobs under it, which is what a shared queue (a table of jobs and one of client usage,
// ordered the same way) would do when the web tier runs on several machines. A waiting job
// whose caller goes away (AbortSignal) leaves the queue at once; a running one is stopped by
// its own job, which receives the same signal, and frees its slot when it returns.
import os from 'node:os';
import { config } from '@/lib/config';

export type OverloadScope = 'client' | 'server';

export class OverloadedError extends Error {
  readonly retryAfterSeconds: number;
  /** 'client': this client's own share is full; 'server': the queue is full for everyone. */
  readonly scope: OverloadScope;
  constructor(retryAfterSeconds: number, scope: OverloadScope = 'server') {
    super(scope === 'client' ? "the client's share of the run queue is full" : 'the run queue is full');
    this.name = 'OverloadedError';
    this.retryAfterSeconds = retryAfterSeconds;
    this.scope = scope;
  }
}

export interface QueueLimits {
  concurrency: number;
  maxQueued: number;
  /** Jobs one client may have running or waiting (default: no limit beyond the others). */
  perClient?: number;
}

export interface JobOptions {
  /** Whose job it is; jobs without one share a single client. */
  client?: string;
  /** Aborting removes a waiting job (it rejects with the signal's reason). */
  signal?: AbortSignal;
}

export function defaultLimits(): Required<QueueLimits> {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const c = config();
  const concurrency = c.SAJILO_RUN_CONCURRENCY ?? cores;
  return { concurrency, maxQueued: c.SAJILO_RUN_QUEUE ?? concurrency * 4, perClient: c.SAJILO_RUN_PER_CLIENT };
}

const SHARED_CLIENT = '';
/** Rule 3's memory: slot time used this long ago counts half. */
export const USAGE_HALF_LIFE_MS = 60_000;
/** Clients remembered for rule 3; beyond this the idle ones updated longest ago are forgotten. */
const REMEMBERED_CLIENTS = 4096;

/** Slot time a client has used, decayed to the moment `at`. */
interface Usage {
  ms: number;
  at: number;
}

interface Waiting {
  client: string;
  arrival: number;
  /** Called with the slot time charged at its start. */
  start: (charged: number) => void;
  refuse: (e: unknown) => void;
}

export class RunQueue {
  private limits: Required<QueueLimits>;
  private running = 0;
  private waiting: Waiting[] = [];
  /** Running + waiting jobs per client (clients with none are absent). */
  private held = new Map<string, number>();
  /** Rule 3's slot time per client, least recently updated first (Map insertion order). */
  private usage = new Map<string, Usage>();
  private arrivals = 0;
  /** Moving average of job durations, for Retry-After and a running job's first charge. */
  private averageMs = 1000;
  private readonly now: () => number;
  /** Called as each job starts, with the jobs now running: a test records the most at once
   *  at the moment it changes, where sampling the count could miss a brief excess. */
  onStart: ((running: number) => void) | null = null;

  /** `clock` is for tests that need time to pass exactly as they say. */
  constructor(limits: QueueLimits = defaultLimits(), clock: { now: () => number } = Date) {
    this.limits = { perClient: Infinity, ...limits };
    this.now = () => clock.now();
  }

  configure(limits: Partial<QueueLimits>) {
    this.limits = { ...this.limits, ...limits };
    this.dispatch();
  }

  get stats() {
    return { running: this.running, queued: this.waiting.length, ...this.limits };
  }

  /** Jobs a client has running or waiting. */
  heldBy(client: string): number {
    return this.held.get(client) ?? 0;
  }

  /** Seconds until a slot is likely free: the queue ahead divided among the slots. */
  retryAfterSeconds(): number {
    return this.seconds(((this.waiting.length + 1) / this.limits.concurrency) * this.averageMs);
  }

  /** Runs `job` when rules 1–4 give it a slot; rejects with OverloadedError when they refuse it. */
  async run<T>(job: () => Promise<T>, options: JobOptions = {}): Promise<T> {
    const client = options.client ?? SHARED_CLIENT;
    const { signal } = options;
    signal?.throwIfAborted();
    if (this.heldBy(client) >= this.limits.perClient) throw new OverloadedError(this.seconds(this.averageMs), 'client');
    const charged =
      this.running < this.limits.concurrency && this.waiting.length === 0
        ? this.begin(client)
        : await this.wait(client, signal);
    const started = this.now();
    try {
      return await job();
    } finally {
      const took = this.now() - started;
      this.averageMs = this.averageMs * 0.8 + took * 0.2;
      this.charge(client, took - charged);
      this.running--;
      this.drop(client);
      this.dispatch();
    }
  }

  /** Queues a job (rule 4); resolves with its start charge once rule 3 gives it a slot. */
  private wait(client: string, signal: AbortSignal | undefined): Promise<number> {
    const entry = { client, arrival: this.arrivals++ } as Waiting;
    this.waiting.push(entry);
    this.held.set(client, this.heldBy(client) + 1);
    if (this.waiting.length > this.limits.maxQueued) {
      const last = this.inOrder().at(-1)!;
      this.remove(last);
      if (last === entry) throw new OverloadedError(this.retryAfterSeconds());
      last.refuse(new OverloadedError(this.retryAfterSeconds()));
    }
    return new Promise<number>((resolve, reject) => {
      const onAbort = () => {
        this.remove(entry);
        reject(signal!.reason);
      };
      entry.start = (charged) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(charged);
      };
      entry.refuse = (e) => {
        signal?.removeEventListener('abort', onAbort);
        reject(e);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * The waiting jobs in rule 3's order: round by round (a client's first waiting job, then
   * its second, …), within a round the client with the least slot time used lately first,
   * then arrival. In SQL: ORDER BY ROW_NUMBER() OVER (PARTITION BY client ORDER BY arrival),
   * decayed usage, arrival.
   */
  private inOrder(): Waiting[] {
    const round = new Map<Waiting, number>();
    const seen = new Map<string, number>();
    for (const w of this.waiting) {
      const k = seen.get(w.client) ?? 0;
      round.set(w, k);
      seen.set(w.client, k + 1);
    }
    const now = this.now();
    const used = new Map([...new Set(this.waiting.map((w) => w.client))].map((c) => [c, this.usedBy(c, now)]));
    return [...this.waiting].sort(
      (a, b) => round.get(a)! - round.get(b)! || used.get(a.client)! - used.get(b.client)! || a.arrival - b.arrival,
    );
  }

  /** A client's slot time (ms), decayed to `now`. */
  usedBy(client: string, now = this.now()): number {
    const u = this.usage.get(client);
    return u ? u.ms * 2 ** (-(now - u.at) / USAGE_HALF_LIFE_MS) : 0;
  }

  /** Adds slot time to a client's usage (negative: a correction of an earlier estimate). */
  private charge(client: string, ms: number) {
    const now = this.now();
    const total = Math.max(0, this.usedBy(client, now) + ms);
    this.usage.delete(client);
    this.usage.set(client, { ms: total, at: now });
    this.forgetIdleClients();
  }

  private remove(entry: Waiting) {
    const i = this.waiting.indexOf(entry);
    if (i < 0) return;
    this.waiting.splice(i, 1);
    this.drop(entry.client);
  }

  /** Starts a job: it is charged the average job time now (returned), corrected at its end. */
  private begin(client: string): number {
    this.running++;
    this.onStart?.(this.running);
    this.held.set(client, this.heldBy(client) + 1);
    const charged = this.averageMs;
    this.charge(client, charged);
    return charged;
  }

  private dispatch() {
    while (this.running < this.limits.concurrency) {
      const next = this.inOrder()[0];
      if (!next) return;
      this.remove(next);
      next.start(this.begin(next.client));
    }
  }

  private drop(client: string) {
    const n = this.heldBy(client) - 1;
    if (n > 0) this.held.set(client, n);
    else this.held.delete(client);
  }

  private forgetIdleClients() {
    if (this.usage.size <= REMEMBERED_CLIENTS) return;
    for (const client of this.usage.keys()) {
      if (this.usage.size <= REMEMBERED_CLIENTS) return;
      if (!this.held.has(client)) this.usage.delete(client);
    }
  }

  private seconds(ms: number): number {
    return Math.min(60, Math.max(1, Math.ceil(ms / 1000)));
  }
}

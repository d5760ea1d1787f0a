// The web tier's side of the job queue (docs/queue.md): each run is admitted (rules 1 and 4
// of the fair queue, counted in PostgreSQL across all web servers), stored as a `run` row and
// sent to pg-boss as a job; a `sajilo worker` claims it, and its compile result, output and
// answer come back to this process by NOTIFY on its own channel. This process decides every
// retry: when the worker running one of its runs stops heart-beating, the run is queued again
// (one retry), and a run no worker takes in time is answered with RunUnavailableError.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { config } from '@/lib/config';
import type { RunHooks, RunOutput, RunRequestInput } from './index';
import { ExecutorClosedError, RunUnavailableError, type Executor, type ExecutorStatus } from './executor';
import { OverloadedError } from './queue';
import {
  connection,
  createBoss,
  DEAD_AFTER_SECONDS,
  ensureQueue,
  fairPriority,
  heartbeat,
  HEARTBEAT_MS,
  installSchema,
  MAX_ATTEMPTS,
  newNodeId,
  QUEUE_NAME,
  removeNode,
  SCHEMA,
  storedAnswerSchema,
  webChannel,
  webMessageSchema,
  type RunJob,
  type WebMessage,
} from './queue-store';

export interface QueueSettings {
  databaseUrl: string;
  /** Seconds a queued run waits for a worker. */
  waitSeconds: number;
  /** Rule 1: runs one client may have queued or running, over all web servers. */
  perClient: number;
  /** Rule 4: runs queued in all; null: 4 × the live workers' slots (at least 16). */
  maxQueued: number | null;
}

export function queueSettings(): QueueSettings {
  const c = config();
  if (!c.DATABASE_URL) throw new Error('SAJILO_EXECUTOR=queue needs DATABASE_URL (the PostgreSQL the workers use)');
  return {
    databaseUrl: c.DATABASE_URL,
    waitSeconds: c.SAJILO_QUEUE_WAIT_SECONDS,
    perClient: c.SAJILO_RUN_PER_CLIENT,
    maxQueued: c.SAJILO_RUN_QUEUE ?? null,
  };
}

type Stream = 'stdout' | 'stderr';

interface Pending {
  job: RunJob;
  jobId: string | null;
  /** When the current attempt's job was sent (performance.now()). */
  sentAt: number;
  priority: number;
  hooks: RunHooks;
  resolve: (r: RunOutput) => void;
  reject: (e: unknown) => void;
  settled: boolean;
  /** Messages are handled one after the other (a large compile result is read from the row). */
  chain: Promise<void>;
  compiled: boolean;
  /** Characters already passed on to the caller, and received from the current attempt: a retry's
   *  output is passed on from where the first attempt's stopped. */
  forwarded: Record<Stream, number>;
  seen: Record<Stream, number>;
  /** Ticks that found the run answered while its answer message had not come yet. */
  doneTicks: number;
  onAbort: () => void;
}

/** Rows of dead web servers are removed after this long (their runs have nobody waiting). */
const ORPHAN_AFTER_SECONDS = 60;

export class QueuedExecutor implements Executor {
  readonly kind = 'queue' as const;
  readonly id = newNodeId();
  private readonly pool: pg.Pool;
  private boss: PgBoss | null = null;
  private listener: pg.Client | null = null;
  private ticker: NodeJS.Timeout | null = null;
  private ticks = 0;
  private ticking = false;
  private readonly pending = new Map<string, Pending>();
  private closing = false;
  private closed = false;

  constructor(private readonly settings: QueueSettings) {
    this.pool = new pg.Pool(connection(settings.databaseUrl, 'sajilo-web', 8));
    this.pool.on('error', (e) => console.error('[queue] database connection lost:', e.message));
  }

  async start(): Promise<void> {
    await installSchema(this.pool);
    this.boss = createBoss(this.settings.databaseUrl, { worker: false, listen: false });
    this.boss.on('error', (e) => console.error('[queue] pg-boss:', e.message));
    await this.boss.start();
    await ensureQueue(this.boss, this.settings.waitSeconds);
    await heartbeat(this.pool, { id: this.id, role: 'web', slots: 0, running: 0 });
    await this.listen();
    this.ticker = setInterval(
      () => void this.tick().catch((e) => console.error('[queue] tick:', e.message)),
      HEARTBEAT_MS,
    );
    this.ticker.unref();
  }

  async run(req: RunRequestInput, hooks: RunHooks): Promise<RunOutput> {
    if (this.closing) throw new ExecutorClosedError();
    hooks.signal?.throwIfAborted();
    const run = randomUUID();
    const client = hooks.client ?? '';
    const priority = await this.admit(run, client, hooks.requestId);
    const job: RunJob = {
      run,
      attempt: 1,
      web: this.id,
      ...(hooks.requestId ? { requestId: hooks.requestId } : {}),
      client,
      stream: Boolean(hooks.onOutput || hooks.onCompiled),
      source: req.source,
      ...(req.stdin !== undefined ? { stdin: req.stdin } : {}),
      ...(req.latinDigits !== undefined ? { latinDigits: req.latinDigits } : {}),
    };
    const answer = new Promise<RunOutput>((resolve, reject) => {
      const p: Pending = {
        job,
        jobId: null,
        sentAt: 0,
        priority: 0,
        hooks,
        resolve,
        reject,
        settled: false,
        chain: Promise.resolve(),
        compiled: false,
        forwarded: { stdout: 0, stderr: 0 },
        seen: { stdout: 0, stderr: 0 },
        doneTicks: 0,
        onAbort: () => void this.cancel(p, hooks.signal!.reason),
      };
      this.pending.set(run, p);
      hooks.signal?.addEventListener('abort', p.onAbort, { once: true });
    });
    // Stop can settle the answer while the job is still being sent, before the caller holds the
    // promise: marked handled here so that Node does not report (or die of) an unhandled
    // rejection; the caller still gets the rejection from the returned promise.
    answer.catch(() => {});
    const p = this.pending.get(run)!;
    if (hooks.signal?.aborted) p.onAbort();
    else await this.enqueue(p, priority).catch((e: unknown) => this.fail(p, e));
    return answer;
  }

  /** Rules 1 and 4 over every web server's runs, then the run's row; returns its pg-boss
   *  priority (rule 3: its round, then the client's slot time shared in the usage table). */
  private async admit(run: string, client: string, requestId: string | undefined): Promise<number> {
    const { rows } = await this.pool.query<{
      refused: 'client' | 'server' | null;
      mine_queued: number;
      queued: number;
      slots: number;
      used: number;
    }>(`SELECT * FROM ${SCHEMA}.admit($1, $2, $3, $4, $5, $6, $7, $8)`, [
      run,
      requestId ?? null,
      client,
      this.id,
      this.settings.waitSeconds,
      this.settings.perClient,
      this.settings.maxQueued,
      DEAD_AFTER_SECONDS,
    ]);
    const { refused, mine_queued, queued, slots, used } = rows[0];
    if (refused)
      throw new OverloadedError(Math.min(60, Math.max(1, Math.ceil((queued + 1) / Math.max(1, slots)))), refused);
    return fairPriority(mine_queued, used);
  }

  private async enqueue(p: Pending, priority: number): Promise<void> {
    p.sentAt = performance.now();
    p.priority = priority;
    p.jobId = await this.boss!.send(QUEUE_NAME, { ...p.job }, { priority });
    // Stopped while the job was being sent: cancel() found no job id to cancel. The run's row
    // is gone, so no worker could answer, but one would still fetch the job and compile it.
    if (p.settled && p.jobId) await this.boss!.cancel(QUEUE_NAME, p.jobId).catch(() => {});
  }

  private async listen(): Promise<void> {
    const c = new pg.Client(connection(this.settings.databaseUrl, 'sajilo-web-listen'));
    c.on('notification', (m) => this.onMessage(m.payload ?? ''));
    c.on('error', (e) => {
      console.error('[queue] listener lost:', e.message);
      void this.relisten(c);
    });
    await c.connect();
    await c.query(`LISTEN "${webChannel(this.id)}"`);
    this.listener = c;
  }

  /** Messages missed meanwhile are made up for by tick(), which reads answered rows. */
  private async relisten(broken: pg.Client): Promise<void> {
    if (this.listener !== broken) return;
    this.listener = null;
    await broken.end().catch(() => {});
    while (!this.closing) {
      await new Promise((r) => setTimeout(r, 500));
      try {
        await this.listen();
        return;
      } catch {
        /* the database is still away: try again */
      }
    }
  }

  private onMessage(payload: string): void {
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return;
    }
    const parsed = webMessageSchema.safeParse(json);
    if (!parsed.success) return;
    const m = parsed.data;
    const p = this.pending.get(m.r);
    if (!p || p.settled || m.a !== p.job.attempt) return; // an earlier attempt's, or answered already
    p.chain = p.chain.then(() => this.handle(p, m)).catch((e: unknown) => this.fail(p, e));
  }

  private async handle(p: Pending, m: WebMessage): Promise<void> {
    if (p.settled || m.a !== p.job.attempt) return;
    if (m.t === 'c') {
      if (p.compiled) return; // a retry compiles again; the caller was told once
      const compile = m.big ? await this.storedCompile(p) : m.d;
      if (p.settled || !compile) return;
      p.compiled = true;
      p.hooks.onCompiled?.(compile as RunOutput['compile']);
    } else if (m.t === 'o' || m.t === 'e') {
      const stream: Stream = m.t === 'o' ? 'stdout' : 'stderr';
      const text = typeof m.d === 'string' ? m.d : '';
      const start = p.seen[stream];
      p.seen[stream] += text.length;
      const rest = text.slice(Math.max(0, p.forwarded[stream] - start));
      if (!rest) return;
      p.forwarded[stream] += rest.length;
      p.hooks.onOutput?.(stream, rest);
    } else if (m.d !== undefined) {
      // The answer came with the message: this process's already (the worker stored it once,
      // for this attempt); the row only has to go.
      void this.pool
        .query(`DELETE FROM ${SCHEMA}.run WHERE id = $1 AND attempt = $2`, [p.job.run, p.job.attempt])
        .catch(() => {});
      this.settleWith(p, m.d);
    } else await this.takeAnswer(p);
  }

  private async storedCompile(p: Pending): Promise<unknown> {
    const { rows } = await this.pool.query(`SELECT compile FROM ${SCHEMA}.run WHERE id = $1 AND attempt = $2`, [
      p.job.run,
      p.job.attempt,
    ]);
    return rows[0]?.compile ?? null;
  }

  /** The answer, taken once: deleting the row is what makes it this process's. */
  private async takeAnswer(p: Pending): Promise<void> {
    const { rows } = await this.pool.query(
      `DELETE FROM ${SCHEMA}.run WHERE id = $1 AND attempt = $2 AND state = 'done' RETURNING answer`,
      [p.job.run, p.job.attempt],
    );
    if (rows.length) this.settleWith(p, rows[0].answer);
  }

  private settleWith(p: Pending, stored: unknown): void {
    const answer = storedAnswerSchema.safeParse(stored);
    if (!answer.success) return this.settle(p, new Error('the worker stored an answer of the wrong shape'));
    if ('error' in answer.data)
      return this.settle(p, new Error(`the worker could not run the program: ${answer.data.error}`));
    this.settle(p, null, answer.data.output as RunOutput);
  }

  private settle(p: Pending, error: unknown, output?: RunOutput): void {
    if (p.settled) return;
    p.settled = true;
    this.pending.delete(p.job.run);
    p.hooks.signal?.removeEventListener('abort', p.onAbort);
    if (error) p.reject(error);
    else p.resolve(output!);
  }

  /** The run failed here (the database refused it): its row goes too, so no worker runs it. */
  private fail(p: Pending, e: unknown): void {
    this.settle(p, e);
    void this.pool.query(`DELETE FROM ${SCHEMA}.run WHERE id = $1`, [p.job.run]).catch(() => {});
  }

  /** Stop or client gone: the row is deleted (a queued run is never claimed, a running one's
   *  worker is told to stop it, and neither can answer), the pg-boss job cancelled. */
  private async cancel(p: Pending, reason: unknown): Promise<void> {
    if (p.settled) return;
    this.settle(p, reason);
    try {
      const { rows } = await this.pool.query<{ state: string }>(
        `WITH gone AS (DELETE FROM ${SCHEMA}.run WHERE id = $1 RETURNING state, worker_id)
         SELECT state, CASE WHEN state = 'running' THEN pg_notify('sajilo_worker_' || worker_id, $1::text) END
           FROM gone`,
        [p.job.run],
      );
      if (rows[0]?.state === 'queued' && p.jobId) await this.boss?.cancel(QUEUE_NAME, p.jobId);
    } catch (e) {
      console.error('[queue] cancel:', (e as Error).message);
    }
  }

  /** Every second: the heartbeat, and the runs of this process whose state needs a decision. */
  private async tick(): Promise<void> {
    if (this.closed || this.ticking) return;
    this.ticking = true;
    try {
      await this.checkRuns();
    } finally {
      this.ticking = false;
    }
  }

  private async checkRuns(): Promise<void> {
    // On the listening connection, never behind runs waiting for the pool: a late heartbeat
    // makes workers take this server for dead and refuse its runs.
    await heartbeat(this.listener ?? this.pool, { id: this.id, role: 'web', slots: 0, running: this.pending.size });
    if (++this.ticks % 30 === 0) await this.removeOrphans();
    if (this.pending.size === 0) return;
    const { rows } = await this.pool.query<{
      id: string;
      attempt: number;
      state: string;
      expired: boolean;
      alive: boolean;
    }>(
      `SELECT r.id, r.attempt, r.state, r.expires_at < now() AS expired,
              coalesce(n.last_seen > now() - make_interval(secs => $2), false) AS alive
         FROM ${SCHEMA}.run r LEFT JOIN ${SCHEMA}.node n ON n.id = r.worker_id
        WHERE r.web_id = $1`,
      [this.id, DEAD_AFTER_SECONDS],
    );
    const waiting: Pending[] = [];
    for (const row of rows) {
      const p = this.pending.get(row.id);
      if (!p || p.settled || row.attempt !== p.job.attempt) continue;
      if (row.state === 'done') {
        // Answered, but the message has not come: on a busy machine it and the output before it
        // may still be on their way, so only after three ticks is it taken as lost (the
        // listener reconnected) and the answer read from the row.
        if (++p.doneTicks >= 3) p.chain = p.chain.then(() => this.takeAnswer(p));
      } else if (row.state === 'queued' && row.expired) await this.expire(p);
      else if (row.state === 'running' && !row.alive) await this.workerLost(p);
      else if (row.state === 'queued' && p.jobId && performance.now() - p.sentAt > DEAD_AFTER_SECONDS * 1000)
        waiting.push(p);
    }
    if (waiting.length) await this.resendDropped(waiting);
  }

  /**
   * Jobs a worker took from pg-boss but never claimed: it died in between, or it refused the
   * claim while this process's heartbeat was late. Their runs are still queued, so they are sent
   * again (the claim lets only one job of an attempt run). pg-boss's own table is read here: no
   * API call asks for the states of many jobs at once.
   */
  private async resendDropped(waiting: Pending[]): Promise<void> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM pgboss.job WHERE name = $1 AND id = ANY($2::uuid[]) AND state NOT IN ('created', 'retry')`,
      [QUEUE_NAME, waiting.map((p) => p.jobId)],
    );
    const dropped = new Set(rows.map((r) => r.id));
    // A dead worker's fetched job would stay 'active' until it expires (a refused one is done).
    if (dropped.size) await this.boss!.cancel(QUEUE_NAME, [...dropped]).catch(() => {});
    for (const p of waiting)
      if (dropped.has(p.jobId!)) await this.enqueue(p, p.priority).catch((e: unknown) => this.fail(p, e));
  }

  /** No worker took the run in time. */
  private async expire(p: Pending): Promise<void> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM ${SCHEMA}.run WHERE id = $1 AND attempt = $2 AND state = 'queued'`,
      [p.job.run, p.job.attempt],
    );
    if (!rowCount) return; // a worker claimed it meanwhile
    if (p.jobId) await this.boss?.cancel(QUEUE_NAME, p.jobId).catch(() => {});
    this.settle(
      p,
      new RunUnavailableError(`no worker took the run within ${this.settings.waitSeconds} s (are workers running?)`),
    );
  }

  /** The worker running this run stopped heart-beating: one more attempt, else an error. */
  private async workerLost(p: Pending): Promise<void> {
    const { run, attempt } = p.job;
    if (attempt < MAX_ATTEMPTS) {
      const { rowCount } = await this.pool.query(
        `UPDATE ${SCHEMA}.run SET state = 'queued', attempt = attempt + 1, worker_id = NULL, compile = NULL,
                expires_at = now() + make_interval(secs => $3)
          WHERE id = $1 AND attempt = $2 AND state = 'running'`,
        [run, attempt, this.settings.waitSeconds],
      );
      if (!rowCount) return;
      // The dead worker's job would stay 'active' in pg-boss until it expires (15 min), shown
      // as running to anyone who looks at pg-boss's queue: it is cancelled.
      if (p.jobId) await this.boss?.cancel(QUEUE_NAME, p.jobId).catch(() => {});
      p.job = { ...p.job, attempt: attempt + 1 };
      p.seen = { stdout: 0, stderr: 0 };
      // A retry goes before every first attempt: its client has waited once already.
      await this.enqueue(p, 1).catch((e: unknown) => this.fail(p, e));
      return;
    }
    const { rowCount } = await this.pool.query(
      `DELETE FROM ${SCHEMA}.run WHERE id = $1 AND attempt = $2 AND state = 'running'`,
      [run, attempt],
    );
    if (!rowCount) return;
    if (p.jobId) await this.boss?.cancel(QUEUE_NAME, p.jobId).catch(() => {});
    this.settle(p, new RunUnavailableError(`the workers running the program stopped (${attempt} attempts)`));
  }

  /** Runs of web servers that died have nobody waiting: their rows go, so rule 1 forgets them. */
  private async removeOrphans(): Promise<void> {
    await this.pool.query(
      `DELETE FROM ${SCHEMA}.run r WHERE created_at < now() - make_interval(secs => $1) AND NOT EXISTS
         (SELECT 1 FROM ${SCHEMA}.node n WHERE n.id = r.web_id AND n.last_seen > now() - make_interval(secs => $1))`,
      [ORPHAN_AFTER_SECONDS],
    );
    await this.pool.query(`DELETE FROM ${SCHEMA}.node WHERE last_seen < now() - interval '1 day'`);
    // An hour is 60 half-lives: what is left of such a client's slot time orders nothing.
    await this.pool.query(`DELETE FROM ${SCHEMA}.usage WHERE at < now() - interval '1 hour'`);
  }

  async status(): Promise<ExecutorStatus> {
    const { rows } = await this.pool.query<{ queued: number; running: number; workers: number }>(
      `SELECT (SELECT count(*) FROM ${SCHEMA}.run WHERE state = 'queued')::int AS queued,
              (SELECT count(*) FROM ${SCHEMA}.run WHERE state = 'running')::int AS running,
              (SELECT count(*) FROM ${SCHEMA}.node
                WHERE role = 'worker' AND last_seen > now() - make_interval(secs => $1))::int AS workers`,
      [DEAD_AFTER_SECONDS],
    );
    const { queued, running, workers } = rows[0];
    const reason = this.closing
      ? 'shutting down'
      : workers === 0
        ? 'no worker is running (start `sajilo worker`)'
        : null;
    return { kind: this.kind, ready: reason === null, ...(reason ? { reason } : {}), queued, running, workers };
  }

  /** Takes no new runs, waits for the pending ones to be answered, then lets go of the database. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    while (this.pending.size > 0) await new Promise((r) => setTimeout(r, 100));
    this.closed = true;
    if (this.ticker) clearInterval(this.ticker);
    await removeNode(this.pool, this.id).catch(() => {});
    await this.listener?.end().catch(() => {});
    this.listener = null;
    await this.boss?.stop({ graceful: false }).catch(() => {});
    await this.pool.end().catch(() => {});
  }
}

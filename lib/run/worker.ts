// `sajilo worker` (docs/queue.md): takes run jobs from the PostgreSQL queue (pg-boss, woken by
// NOTIFY), compiles and runs each with the same pipeline as the in-process path (runProgram:
// its compile cache, its sandbox slots), and sends the compile result, the output and the
// answer back to the web server waiting for it. A job is run only after its `run` row is
// claimed (still queued, this attempt, before its deadline, its web server alive), so a
// cancelled, expired or retried-elsewhere run is never run twice or answered twice.
// SIGTERM/SIGINT: no new jobs; the running ones finish and are answered; then the process exits.
import os from 'node:os';
import pg from 'pg';
import { config } from '@/lib/config';
import { serveMetrics } from '@/lib/ops/metrics';
import { runProgram, runQueue, type RunOutput } from './index';
import {
  chargeUsage,
  connection,
  createBoss,
  DEAD_AFTER_SECONDS,
  ensureQueue,
  heartbeat,
  HEARTBEAT_MS,
  installSchema,
  newNodeId,
  NOTIFY_MAX_BYTES,
  QUEUE_NAME,
  removeNode,
  runJobSchema,
  SCHEMA,
  splitForNotify,
  webChannel,
  workerChannel,
  type RunJob,
  type WebMessage,
} from './queue-store';

/** Output is sent at most this often per run (pieces that arrive meanwhile travel together). */
const OUTPUT_FLUSH_MS = 10;

export interface WorkerOptions {
  /** Jobs run at once (default SAJILO_WORKER_CONCURRENCY, else the machine's cores). */
  concurrency?: number;
  /** Called once the worker takes jobs (tests and benchmarks wait for it). */
  onReady?: (id: string) => void;
}

function log(message: string): void {
  process.stderr.write(`[sajilo worker] ${message}\n`);
}

/** Runs until SIGTERM or SIGINT, then finishes its jobs and resolves with the exit status. */
export async function runWorker(options: WorkerOptions = {}): Promise<number> {
  const c = config();
  if (!c.DATABASE_URL) {
    log('DATABASE_URL is not set: a worker takes its jobs from PostgreSQL (docs/queue.md)');
    return 64;
  }
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const slots = options.concurrency ?? c.SAJILO_WORKER_CONCURRENCY ?? cores;
  const id = newNodeId();
  // The queue in front of the pipeline never refuses: pg-boss hands out at most `slots` jobs.
  runQueue.configure({ concurrency: slots, maxQueued: slots * 4, perClient: Infinity });

  const pool = new pg.Pool(connection(c.DATABASE_URL, 'sajilo-worker', 4));
  pool.on('error', (e) => log(`database connection lost: ${e.message}`));
  await installSchema(pool);
  // Everything sent to a web server goes through this one connection, in order: output, then
  // the answer (PostgreSQL delivers one session's notifications in the order they were sent).
  const outClient = new pg.Client(connection(c.DATABASE_URL, 'sajilo-worker-out'));
  await outClient.connect();
  const out = new Outbox(outClient);
  const stops = new Map<string, AbortController>();
  const listener = new pg.Client(connection(c.DATABASE_URL, 'sajilo-worker-listen'));
  listener.on('notification', (m) => stops.get(m.payload ?? '')?.abort(new Error('stopped by the client')));
  await listener.connect();
  // Without these connections the worker can neither hear Stop nor answer: it exits, and the web
  // tier retries its runs on another worker (a supervisor such as systemd starts it again).
  for (const conn of [outClient, listener])
    conn.on('error', (e) => {
      log(`database connection lost (${e.message}): exiting`);
      process.exit(70);
    });
  await listener.query(`LISTEN "${workerChannel(id)}"`);

  let running = 0;
  let beating = false;
  // On the listening connection, never behind claims waiting for the pool.
  const beat = async () => {
    if (beating) return;
    beating = true;
    await heartbeat(listener, { id, role: 'worker', slots, running })
      .catch((e: Error) => log(`heartbeat: ${e.message}`))
      .finally(() => (beating = false));
  };
  await beat();
  const beats = setInterval(() => void beat(), HEARTBEAT_MS);

  const boss = createBoss(c.DATABASE_URL, { worker: true, listen: c.SAJILO_QUEUE_NOTIFY === 'on' });
  boss.on('error', (e) => log(`pg-boss: ${e.message}`));
  await boss.start();
  await ensureQueue(boss, c.SAJILO_QUEUE_WAIT_SECONDS);

  async function take(data: unknown): Promise<void> {
    const parsed = runJobSchema.safeParse(data);
    if (!parsed.success) return log('a job of the wrong shape was dropped');
    const job = parsed.data;
    // Listening for Stop before the claim: a Stop sent right after it is not missed.
    const stop = new AbortController();
    stops.set(job.run, stop);
    // The claim travels while the program compiles; the program starts only once it is ours.
    const claim = pool
      .query(
        `UPDATE ${SCHEMA}.run r SET state = 'running', worker_id = $3
          WHERE id = $1 AND attempt = $2 AND state = 'queued' AND expires_at > now()
            AND EXISTS (SELECT 1 FROM ${SCHEMA}.node n
                         WHERE n.id = r.web_id AND n.last_seen > now() - make_interval(secs => $4))`,
        [job.run, job.attempt, id, DEAD_AFTER_SECONDS],
      )
      .then(
        (r) => Boolean(r.rowCount),
        (e: Error) => {
          log(`claim of run ${job.run} failed: ${e.message}`);
          return false;
        },
      );
    running++;
    const sender = new RunSender(out, job, id);
    const started = performance.now();
    try {
      const output = await runProgram(
        { source: job.source, stdin: job.stdin ?? '', latinDigits: job.latinDigits ?? false },
        {
          signal: stop.signal,
          beforeRun: () => claim,
          ...(job.client !== undefined ? { client: job.client } : {}),
          ...(job.requestId ? { requestId: job.requestId } : {}),
          ...(job.stream
            ? { onCompiled: (r) => sender.compiled(r), onOutput: (s, text) => sender.output(s, text) }
            : {}),
        },
      );
      // Not ours (cancelled, expired, claimed by another job of this attempt, nobody waits):
      // the program did not run, and nobody is answered.
      if (!(await claim)) return;
      await sender.answer({ output });
      if (stop.signal.aborted) log(`run ${job.run} (request ${job.requestId ?? '-'}) stopped by its client`);
    } catch (e) {
      if (stop.signal.aborted) log(`run ${job.run} (request ${job.requestId ?? '-'}) stopped by its client`);
      else {
        log(`run ${job.run} (request ${job.requestId ?? '-'}) failed: ${(e as Error).message}`);
        if (await claim) await sender.answer({ error: (e as Error).message });
      }
    } finally {
      running--;
      stops.delete(job.run);
      // Rule 3's account, shared by every web server: the slot time of a run that was ours
      // (compile and run, as in process), also when it was stopped or failed. Not awaited: the
      // slot asks for its next job at once.
      const took = performance.now() - started;
      void claim.then((ours) =>
        ours
          ? chargeUsage(pool, job.client ?? '', took).catch((e: Error) => log(`usage of run ${job.run}: ${e.message}`))
          : undefined,
      );
    }
  }

  // One pg-boss worker per slot, each asking for the next job as soon as it has answered one:
  // pg-boss would otherwise wait out its polling interval after every job (with NOTIFY, 30 s).
  for (let slot = 0; slot < slots; slot++) {
    let self = '';
    self = await boss.work<RunJob>(
      QUEUE_NAME,
      { batchSize: 1, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 30 },
      async ([job]) => {
        try {
          await take(job.data);
        } finally {
          boss.notifyWorker(self);
        }
      },
    );
  }
  log(
    `${id} takes jobs: ${slots} at once, ${c.SAJILO_QUEUE_NOTIFY === 'on' ? 'woken by NOTIFY' : 'polling every 2 s'}`,
  );
  // Its runs' metrics (recorded by runProgram, as in process) on a port of its own: a worker
  // serves no other HTTP.
  const metrics = c.SAJILO_METRICS_PORT ? await serveMetrics(c.SAJILO_METRICS_PORT) : null;
  options.onReady?.(id);

  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  log(`stopping: ${running} running job(s) finish first`);
  await boss.offWork(QUEUE_NAME, { wait: true }).catch((e: Error) => log(`offWork: ${e.message}`));
  await boss.stop({ graceful: true, timeout: 5000 }).catch(() => {});
  clearInterval(beats);
  await removeNode(pool, id).catch(() => {});
  await Promise.all([listener.end(), outClient.end(), pool.end()]).catch(() => {});
  metrics?.close();
  log('stopped');
  return 0;
}

/** One connection's queries, sent one after the other in the order they were made. */
class Outbox {
  private tail: Promise<unknown> = Promise.resolve();
  constructor(private readonly client: pg.Client) {}

  query(text: string, values: unknown[]): Promise<pg.QueryResult> {
    const result = this.tail.then(() => this.client.query(text, values));
    this.tail = result.catch(() => {});
    return result;
  }
}

/** What one run sends to its web server: the compile result, the output in batches, the answer. */
class RunSender {
  private queue: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly channel: string;

  constructor(
    private readonly out: Outbox,
    private readonly job: RunJob,
    private readonly workerId: string,
  ) {
    this.channel = webChannel(job.web);
  }

  private notify(m: WebMessage): Promise<unknown> {
    return this.out.query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(m)]);
  }

  compiled(compile: RunOutput['compile']): void {
    const m: WebMessage = { r: this.job.run, a: this.job.attempt, t: 'c', d: compile };
    if (Buffer.byteLength(JSON.stringify(m)) < NOTIFY_MAX_BYTES) {
      void this.notify(m).catch(() => {});
      return;
    }
    // Too large for NOTIFY (many diagnostics): stored in the row, the message points to it.
    void this.out
      .query(
        `WITH stored AS (UPDATE ${SCHEMA}.run SET compile = $3 WHERE id = $1 AND attempt = $2 RETURNING 1)
         SELECT pg_notify($4, $5) FROM stored`,
        [
          this.job.run,
          this.job.attempt,
          JSON.stringify(compile),
          this.channel,
          JSON.stringify({ ...m, d: undefined, big: true }),
        ],
      )
      .catch(() => {});
  }

  output(stream: 'stdout' | 'stderr', text: string): void {
    const last = this.queue.at(-1);
    if (last?.stream === stream) last.text += text;
    else this.queue.push({ stream, text });
    this.timer ??= setTimeout(() => this.flush(), OUTPUT_FLUSH_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const { stream, text } of this.queue.splice(0)) {
      for (const piece of splitForNotify(text)) {
        void this.notify({ r: this.job.run, a: this.job.attempt, t: stream === 'stdout' ? 'o' : 'e', d: piece }).catch(
          () => {},
        );
      }
    }
  }

  /** Stores the answer for this attempt's claim and tells the web server, after all output; the
   *  message carries the answer itself when it fits (the web server need not read the row). */
  async answer(answer: { output: RunOutput } | { error: string }): Promise<void> {
    this.flush();
    const stored = JSON.stringify(answer);
    const message: WebMessage = { r: this.job.run, a: this.job.attempt, t: 'd' };
    const inline = JSON.stringify({ ...message, d: answer });
    await this.out.query(
      `WITH done AS (UPDATE ${SCHEMA}.run SET state = 'done', answer = $3
                      WHERE id = $1 AND attempt = $2 AND worker_id = $6 AND state = 'running' RETURNING web_id)
       SELECT pg_notify($4, $5) FROM done`,
      [
        this.job.run,
        this.job.attempt,
        stored,
        this.channel,
        Buffer.byteLength(inline) < NOTIFY_MAX_BYTES ? inline : JSON.stringify(message),
        this.workerId,
      ],
    );
  }
}

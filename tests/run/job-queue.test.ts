// Runs through the PostgreSQL job queue (docs/queue.md), seen from the web tier's executor in
// this process, with `sajilo worker` processes as children, a real PostgreSQL (TEST_DATABASE_URL),
// the real compiler and sandbox: what HTTP cannot show. SIGTERM lets a worker finish and answer
// its running job; with no worker a run waits its exact wait and fails with RunUnavailableError;
// rule 3's order among clients holds across two web servers' executors; Stop while the job is
// being sent still cancels it. The runs over HTTP (200
// mixed programs, a worker's SIGKILL, Stop of queued and running jobs, the 500 and /api/ready
// without workers) are tests/run/queue-server.test.ts, on a real `next start`.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RunUnavailableError } from '@/lib/run/executor';
import { QueuedExecutor } from '@/lib/run/queued-executor';
import { SCHEMA } from '@/lib/run/queue-store';
import { LAUNCHER } from '@/sandbox/index';
import { startWorker as startWorkerOn, stopWorker, type WorkerProcess } from './queue-workers';

const url = process.env.TEST_DATABASE_URL;
const skipReason = !url
  ? 'TEST_DATABASE_URL is not set (the job queue needs PostgreSQL)'
  : !existsSync(LAUNCHER)
    ? `the sandbox launcher is not built (${LAUNCHER}): run npm run setup`
    : null;
if (skipReason) console.log(`[tests/run/job-queue.test.ts] skipped: ${skipReason}`);

const SOURCES = {
  hello: 'देखाउ(पढ())\n',
  loop: 'राख क = 0\nजबसम्म सत्य\n    क = क + 1\nअन्त्य\n',
};
const startWorker = (slots = 2) => startWorkerOn(url!, slots);

describe.skipIf(skipReason)('runs through the PostgreSQL job queue', () => {
  let db: pg.Pool;
  let web: QueuedExecutor;
  let workers: WorkerProcess[] = [];

  const rowsLeft = async () => (await db.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.run`)).rows[0].n as number;

  beforeAll(async () => {
    db = new pg.Pool({ connectionString: url, max: 2 });
    await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    web = new QueuedExecutor({ databaseUrl: url!, waitSeconds: 90, perClient: 4, maxQueued: 1000 });
    await web.start();
    workers = await Promise.all([startWorker(), startWorker()]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(workers.map(stopWorker));
    await web?.close();
    await db?.end();
  }, 60_000);

  test('SIGTERM: the worker finishes its running job, answers it, then exits', async () => {
    let streamed = '';
    let compiledCalls = 0;
    const running = web.run(
      { source: SOURCES.loop },
      {
        client: 'sigterm',
        onCompiled: () => compiledCalls++,
        onOutput: (_, text) => void (streamed += text),
      },
    );
    await expect.poll(() => compiledCalls, { timeout: 30_000 }).toBe(1);
    const codes = await Promise.all(workers.map(stopWorker));
    const answer = await running;
    expect([answer.compile.ok, answer.run?.verdict, streamed, compiledCalls]).toEqual([true, 'time_limit', '', 1]);
    expect(codes).toEqual([0, 0]);
    workers = [];
    expect(await rowsLeft()).toBe(0);
  }, 120_000);

  test('with no worker running, a run waits and then gets a clear error; status says why', async () => {
    const impatient = new QueuedExecutor({ databaseUrl: url!, waitSeconds: 2, perClient: 4, maxQueued: 100 });
    await impatient.start();
    try {
      const status = await impatient.status();
      expect(status).toMatchObject({ kind: 'queue', ready: false, workers: 0 });
      expect(status.reason).toMatch(/no worker/);
      const started = Date.now();
      const error = await impatient
        .run({ source: SOURCES.hello, stdin: 'x\n' }, { client: 'alone' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RunUnavailableError);
      expect((error as Error).message).toMatch(/no worker took the run within 2 s/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
      expect(await rowsLeft()).toBe(0);
    } finally {
      await impatient.close();
    }
  }, 60_000);

  test('Stop while the job is being sent: the pg-boss job is cancelled too, so no worker compiles it', async () => {
    // No worker: a job nobody cancels stays 'created' (with one, it would be fetched and compiled).
    await Promise.all(workers.map(stopWorker));
    workers = [];
    const alone = new QueuedExecutor({ databaseUrl: url!, waitSeconds: 30, perClient: 4, maxQueued: 100 });
    await alone.start();
    const boss = (alone as unknown as { boss: { send: (...args: unknown[]) => Promise<string | null> } }).boss;
    const send = boss.send.bind(boss);
    const stop = new AbortController();
    const jobIds: (string | null)[] = [];
    // Stop arrives after admission, while pg-boss inserts the job (before its id is known).
    boss.send = async (...args) => {
      const sending = send(...args);
      stop.abort(new Error('stopped'));
      const id = await sending;
      jobIds.push(id);
      return id;
    };
    try {
      const error = await alone
        .run({ source: SOURCES.hello, stdin: 'x\n' }, { client: 'stopper', signal: stop.signal })
        .catch((e: unknown) => e);
      expect((error as Error).message).toBe('stopped');
      expect(jobIds).toHaveLength(1);
      await expect
        .poll(async () => (await db.query(`SELECT state FROM pgboss.job WHERE id = $1`, [jobIds[0]])).rows[0]?.state)
        .toBe('cancelled');
      expect(await rowsLeft()).toBe(0);
    } finally {
      await alone.close();
    }
  }, 60_000);

  test("rule 3 across web servers: a heavy client's waiting run is served after a light client's", async () => {
    // One slot in all: the order in which runs are served is the order in which jobs are fetched.
    await Promise.all(workers.map(stopWorker));
    workers = [];
    const solo = await startWorker(1);
    const settings = { databaseUrl: url!, waitSeconds: 90, perClient: 4, maxQueued: 100 };
    const [first, second] = [new QueuedExecutor(settings), new QueuedExecutor(settings)];
    await Promise.all([first.start(), second.start()]);
    try {
      // The heavy client has used the one slot for a whole time limit.
      await first.run({ source: SOURCES.loop }, { client: 'heavy' });
      await expect
        .poll(async () => (await db.query(`SELECT 1 FROM ${SCHEMA}.usage WHERE client = 'heavy'`)).rowCount)
        .toBe(1);
      // Someone else's run holds the slot while both wait: the heavy client's posted first, to
      // one web server, the light client's after it, to the other.
      let compiled!: () => void;
      const holding = new Promise<void>((r) => (compiled = r));
      const blocker = first.run({ source: SOURCES.loop }, { client: 'blocker', onCompiled: () => compiled() });
      await holding;
      const served: string[] = [];
      const heavy = first
        .run({ source: SOURCES.hello, stdin: 'h\n' }, { client: 'heavy' })
        .then(() => served.push('heavy'));
      const queued = async () =>
        (await db.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.run WHERE state = 'queued'`)).rows[0].n as number;
      await expect.poll(queued).toBe(1);
      const light = second
        .run({ source: SOURCES.hello, stdin: 'l\n' }, { client: 'light' })
        .then(() => served.push('light'));
      await expect.poll(queued).toBe(2);
      await Promise.all([blocker, heavy, light]);
      expect(served).toEqual(['light', 'heavy']);
    } finally {
      await Promise.all([first.close(), second.close()]);
      expect(await stopWorker(solo)).toBe(0);
    }
  }, 90_000);
});

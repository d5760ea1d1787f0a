// Runs through the PostgreSQL job queue (docs/queue.md): the web tier's executor in this
// process, two `sajilo worker` processes as children, a real PostgreSQL (TEST_DATABASE_URL),
// the real compiler and sandbox. Every run gets exactly one correct answer, also when a
// worker is killed in the middle; Stop cancels queued and running jobs; SIGTERM lets a worker
// finish its job; with no worker a run waits and then gets a clear error; rule 3's order among
// clients holds across two web servers' executors. What only a real `next start` shows (the
// HTTP answers, /api/ready, a client closing its connection) is tests/run/queue-server.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as runPOST } from '@/app/api/run/route';
import { apiErrorBody } from '@/lib/api/errors';
import { RUN_UNAVAILABLE_TEXT } from '@/lib/http/errors';
import type { RunOutput } from '@/lib/run';
import { RunUnavailableError, setExecutorForTests } from '@/lib/run/executor';
import { QueuedExecutor } from '@/lib/run/queued-executor';
import { SCHEMA } from '@/lib/run/queue-store';
import { LAUNCHER } from '@/sandbox/index';

const url = process.env.TEST_DATABASE_URL;
const skipReason = !url
  ? 'TEST_DATABASE_URL is not set (the job queue needs PostgreSQL)'
  : !existsSync(LAUNCHER)
    ? `the sandbox launcher is not built (${LAUNCHER}): run npm run setup`
    : null;
if (skipReason) console.log(`[tests/run/job-queue.test.ts] skipped: ${skipReason}`);

const root = path.resolve(import.meta.dirname, '../..');

interface WorkerProcess {
  child: ChildProcess;
  id: string;
  log: string[];
  exited: Promise<number | null>;
}

/** A `sajilo worker` child process, resolved once it takes jobs. */
async function startWorker(slots = 2): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [path.join(root, 'bin/sajilo.mjs'), 'worker'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, SAJILO_WORKER_CONCURRENCY: String(slots), SAJILO_TIERING: 'off' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const id = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${log.join('')}`)), 90_000);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      log.push(chunk);
      const ready = /\[sajilo worker\] ([0-9a-f]{12}) takes jobs/.exec(log.join(''));
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    void exited.then((code) => reject(new Error(`worker exited (${code}) before taking jobs:\n${log.join('')}`)));
  });
  return { child, id, log, exited };
}

async function stopWorker(w: WorkerProcess): Promise<number | null> {
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  return w.exited;
}

type Kind = 'hello' | 'flood' | 'loop' | 'compile-error';
const SOURCES: Record<Kind, string> = {
  hello: 'देखाउ(पढ())\n',
  flood: 'जबसम्म सत्य\n    देखाउ("कखगघङ")\nअन्त्य\n',
  loop: 'राख क = 0\nजबसम्म सत्य\n    क = क + 1\nअन्त्य\n',
  'compile-error': 'देखाउ(\n',
};

interface Outcome {
  kind: Kind;
  stdin: string;
  result?: RunOutput;
  error?: unknown;
  compiledCalls: number;
  streamed: string;
}

/** Posts one run of `kind` (hello echoes its own line of input, so its answer is its own). */
function post(web: QueuedExecutor, kind: Kind, i: number, opts: { stream?: boolean; requestId?: string } = {}) {
  const stdin = `नमस्ते ${i}\n`;
  const outcome: Outcome = { kind, stdin, compiledCalls: 0, streamed: '' };
  const hooks = {
    client: `client-${i}`,
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
    ...(opts.stream
      ? {
          onCompiled: () => outcome.compiledCalls++,
          onOutput: (s: 'stdout' | 'stderr', t: string) => {
            if (s === 'stdout') outcome.streamed += t;
          },
        }
      : {}),
  };
  const done = web.run({ source: SOURCES[kind], stdin }, hooks).then(
    (r) => void (outcome.result = r),
    (e: unknown) => void (outcome.error = e),
  );
  return { outcome, done };
}

/** The one correct answer for each kind of program. */
function expectCorrect(o: Outcome, stream: boolean) {
  expect(o.error, `${o.kind} ${o.stdin}`).toBeUndefined();
  const r = o.result!;
  if (o.kind === 'compile-error') {
    expect(r.compile.ok).toBe(false);
    expect(r.compile.diagnostics.length).toBeGreaterThan(0);
    expect(r.run).toBeNull();
    return;
  }
  expect(r.compile.ok).toBe(true);
  const run = r.run!;
  if (o.kind === 'hello') expect([run.verdict, run.stdout]).toEqual(['ok', o.stdin]);
  if (o.kind === 'flood') expect([run.verdict, run.truncated]).toEqual(['output_limit', true]);
  if (o.kind === 'loop') expect(run.verdict).toBe('time_limit');
  if (stream) {
    expect(o.compiledCalls).toBe(1);
    expect(o.streamed).toBe(run.stdout);
  }
}

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

  test('200 mixed programs posted at once: exactly one correct answer each', async () => {
    const plan: Kind[] = [
      ...Array<Kind>(160).fill('hello'),
      ...Array<Kind>(20).fill('flood'),
      ...Array<Kind>(14).fill('compile-error'),
      ...Array<Kind>(6).fill('loop'),
    ];
    const posted = plan.map((kind, i) => ({ stream: i % 2 === 0, ...post(web, kind, i, { stream: i % 2 === 0 }) }));
    await Promise.all(posted.map((p) => p.done));
    for (const p of posted) expectCorrect(p.outcome, p.stream);
    expect(await rowsLeft()).toBe(0);
    expect((await web.status()).workers).toBe(2);
  }, 150_000);

  test('a worker killed with SIGKILL mid-way: every run still gets exactly one correct answer', async () => {
    const [victim] = workers;
    const plan: Kind[] = [
      ...Array<Kind>(8).fill('loop'),
      ...Array<Kind>(40).fill('hello'),
      ...Array<Kind>(8).fill('flood'),
    ];
    const posted = plan.map((kind, i) => ({
      stream: i % 2 === 1,
      requestId: `kill-${i}`,
      ...post(web, kind, 1000 + i, { stream: i % 2 === 1, requestId: `kill-${i}` }),
    }));
    // Killed while it runs at least one of them.
    let caught: string[] = [];
    for (let i = 0; i < 600 && caught.length === 0; i++) {
      const { rows } = await db.query(
        `SELECT request_id FROM ${SCHEMA}.run WHERE worker_id = $1 AND state = 'running'`,
        [victim.id],
      );
      caught = rows.map((r) => r.request_id as string);
      if (!caught.length) await new Promise((r) => setTimeout(r, 50));
    }
    expect(caught.length).toBeGreaterThan(0);
    victim.child.kill('SIGKILL');
    await Promise.all(posted.map((p) => p.done));
    for (const p of posted) expectCorrect(p.outcome, p.stream);
    expect(await rowsLeft()).toBe(0);
    await victim.exited;
    workers = [workers[1], await startWorker()];
  }, 150_000);

  test('Stop cancels a running job: the worker stops the program', async () => {
    let compiled!: () => void;
    const started = new Promise<void>((r) => (compiled = r));
    const stop = new AbortController();
    const answer = web.run(
      { source: SOURCES.loop },
      { client: 'stopper', requestId: 'stop-running', signal: stop.signal, onCompiled: () => compiled() },
    );
    await started;
    stop.abort(new Error('Stop'));
    await expect(answer).rejects.toThrow('Stop');
    await expect
      .poll(() => workers.some((w) => w.log.join('').includes('(request stop-running) stopped by its client')), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(await rowsLeft()).toBe(0);
  }, 60_000);

  test('SIGTERM: the worker finishes its running job, then exits; Stop cancels a queued job', async () => {
    const running = post(web, 'loop', 5000, { stream: true });
    await expect.poll(() => running.outcome.compiledCalls, { timeout: 30_000 }).toBe(1);
    const codes = await Promise.all(workers.map(stopWorker));
    await running.done;
    expectCorrect(running.outcome, true);
    expect(codes).toEqual([0, 0]);
    workers = [];

    // No worker now: a run waits in the queue until Stop, and its job is cancelled.
    const stop = new AbortController();
    const requestId = `stop-queued-${Date.now()}`; // pg-boss keeps earlier runs' jobs a while
    const queued = web.run({ source: SOURCES.hello, stdin: 'x\n' }, { client: 'q', requestId, signal: stop.signal });
    await expect.poll(async () => (await web.status()).queued, { timeout: 10_000 }).toBe(1);
    stop.abort(new Error('Stop'));
    await expect(queued).rejects.toThrow('Stop');
    await expect
      .poll(async () => {
        const { rows } = await db.query(`SELECT state FROM pgboss.job WHERE data->>'requestId' = $1`, [requestId]);
        return rows.map((r) => r.state as string);
      })
      .toEqual(['cancelled']);
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

  test('POST /api/run through the queue with no worker: 500 with its own message and Retry-After', async () => {
    const impatient = new QueuedExecutor({ databaseUrl: url!, waitSeconds: 1, perClient: 4, maxQueued: 100 });
    await impatient.start();
    setExecutorForTests(impatient);
    try {
      const res = await runPOST(
        new Request('http://localhost/api/run', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ source: SOURCES.hello, stdin: 'x\n' }),
        }),
      );
      expect(res.status).toBe(500);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.json()).toEqual(apiErrorBody('internal', RUN_UNAVAILABLE_TEXT));
      expect(await rowsLeft()).toBe(0);
    } finally {
      setExecutorForTests(null);
      await impatient.close();
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

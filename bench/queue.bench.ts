// The job queue's benchmark (npm run bench -- queue; docs/queue.md). Needs PostgreSQL:
// BENCH_DATABASE_URL, else TEST_DATABASE_URL (its `sajilo_queue` schema is dropped first).
// The web tier's executor runs in this process, workers are `sajilo worker` child processes.
// Prints measured tables:
//  (a) hello world (a compile-cache hit), sequential: in-process vs through the queue with a
//      NOTIFY wake-up vs through the queue with pg-boss's default polling (every 2 s);
//  (b) runs per second, 200 hello worlds posted at once, with 1 and with 2 workers;
//  (c) from a worker's SIGKILL to the retried answer of the run it was running.
// Target: the queue adds at most 10 ms to the in-process p50.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { f, pct, table } from './support/next-server';
import { runProgram } from '../lib/run/index';
import { QueuedExecutor } from '../lib/run/queued-executor';
import { DEAD_AFTER_SECONDS, SCHEMA } from '../lib/run/queue-store';

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL database');
  process.exit(0);
}
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const HELLO = 'देखाउ("नमस्ते, संसार!")\n';
/** About half a second of CPU, so that a worker can be killed while it runs. */
const BUSY = 'राख क = 0\nजबसम्म क < 30000000\n    क = क + 1\nअन्त्य\nदेखाउ(क)\n';
const SEQUENTIAL = 100;
const POLLED = 12;
const BURST = 200;

interface Worker {
  child: ChildProcess;
  id: string;
  exited: Promise<void>;
}

function startWorker(env: Record<string, string> = {}): Promise<Worker> {
  const child = spawn(process.execPath, [path.join(root, 'bin/sajilo.mjs'), 'worker'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, SAJILO_TIERING: 'off', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      log += chunk;
      const ready = /\[sajilo worker\] ([0-9a-f]{12}) takes jobs/.exec(log);
      if (ready) resolve({ child, id: ready[1], exited });
    });
    void exited.then(() => reject(new Error(`worker exited:\n${log}`)));
  });
}

async function stopWorkers(workers: Worker[]) {
  for (const w of workers) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
}

/** Wall times of `n` runs one after the other, each after `pauseMs()` of quiet (not timed). */
async function sequential(run: () => Promise<unknown>, n: number, pauseMs = () => 0): Promise<number[]> {
  for (let i = 0; i < 5; i++) await run(); // warm: compile cache, sandbox slots, connections
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const pause = pauseMs();
    if (pause) await new Promise((r) => setTimeout(r, pause));
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times;
}

function expectOk(r: Awaited<ReturnType<typeof runProgram>>) {
  if (r.run?.verdict !== 'ok') throw new Error(`unexpected answer: ${JSON.stringify(r).slice(0, 300)}`);
}

const db = new pg.Pool({ connectionString: url, max: 2 });
await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
const web = new QueuedExecutor({ databaseUrl: url, waitSeconds: 120, perClient: 1000, maxQueued: 10_000 });
await web.start();
const load = () => os.loadavg()[0].toFixed(1);

try {
  // (a) latency; one round trip to PostgreSQL for scale (the queue's path has about six)
  const roundTrip = await sequential(() => db.query('SELECT 1'), SEQUENTIAL);
  const inProcess = await sequential(async () => expectOk(await runProgram({ source: HELLO })), SEQUENTIAL);
  let workers = [await startWorker({ SAJILO_WORKER_CONCURRENCY: '1' })];
  const queued = await sequential(async () => expectOk(await web.run({ source: HELLO }, {})), SEQUENTIAL);
  await stopWorkers(workers);
  workers = [await startWorker({ SAJILO_WORKER_CONCURRENCY: '1', SAJILO_QUEUE_NOTIFY: 'off' })];
  // Runs arrive at random moments of the 2 s polling interval.
  const polled = await sequential(
    async () => expectOk(await web.run({ source: HELLO }, {})),
    POLLED,
    () => Math.random() * 2000,
  );
  await stopWorkers(workers);
  console.log(`(a) hello world, sequential (ms), load average ${load()} on ${os.cpus().length} CPUs`);
  table(
    ['path', 'runs', 'p50', 'p99', 'p50 over in-process'],
    [
      ['one PostgreSQL round trip (SELECT 1)', SEQUENTIAL, f(pct(roundTrip, 50)), f(pct(roundTrip, 99)), '—'],
      ['in-process (runProgram)', SEQUENTIAL, f(pct(inProcess, 50)), f(pct(inProcess, 99)), '—'],
      [
        'queue, NOTIFY wake-up',
        SEQUENTIAL,
        f(pct(queued, 50)),
        f(pct(queued, 99)),
        `+${f(pct(queued, 50) - pct(inProcess, 50))}`,
      ],
      [
        'queue, polling every 2 s',
        POLLED,
        f(pct(polled, 50)),
        f(pct(polled, 99)),
        `+${f(pct(polled, 50) - pct(inProcess, 50))}`,
      ],
    ],
  );

  // (b) throughput
  const rows: (string | number)[][] = [];
  for (const count of [1, 2]) {
    workers = await Promise.all(Array.from({ length: count }, () => startWorker({ SAJILO_WORKER_CONCURRENCY: '2' })));
    await Promise.all(Array.from({ length: 8 }, (_, i) => web.run({ source: HELLO }, { client: `warm-${i}` })));
    const t = performance.now();
    const all = await Promise.all(
      Array.from({ length: BURST }, (_, i) => web.run({ source: HELLO, stdin: String(i) }, { client: `c${i}` })),
    );
    const seconds = (performance.now() - t) / 1000;
    all.forEach(expectOk);
    rows.push([count, 2 * count, BURST, f(seconds), f(BURST / seconds), load()]);
    await stopWorkers(workers);
  }
  console.log('(b) hello world, 200 posted at once');
  table(['workers', 'slots', 'runs', 'seconds', 'runs/s', 'load average'], rows);

  // (c) a worker's death
  workers = await Promise.all([
    startWorker({ SAJILO_WORKER_CONCURRENCY: '1' }),
    startWorker({ SAJILO_WORKER_CONCURRENCY: '1' }),
  ]);
  const alone = await sequential(async () => web.run({ source: BUSY }, {}), 3);
  const deaths: number[] = [];
  for (let i = 0; i < 3; i++) {
    const answer = web.run({ source: BUSY }, { client: `death-${i}` });
    let victim: Worker | undefined;
    while (!victim) {
      const { rows: running } = await db.query(`SELECT worker_id FROM ${SCHEMA}.run WHERE state = 'running'`);
      victim = workers.find((w) => w.id === running[0]?.worker_id);
      if (!victim) await new Promise((r) => setTimeout(r, 20));
    }
    const killedAt = performance.now();
    victim.child.kill('SIGKILL');
    const r = await answer;
    if (r.run?.verdict !== 'ok') throw new Error(`the retried run answered ${r.run?.verdict}`);
    deaths.push(performance.now() - killedAt);
    workers = [...workers.filter((w) => w !== victim), await startWorker({ SAJILO_WORKER_CONCURRENCY: '1' })];
  }
  await stopWorkers(workers);
  console.log(
    `(c) from a worker's SIGKILL to the retried answer (ms; a worker is dead after ${DEAD_AFTER_SECONDS} s without heartbeat)`,
  );
  table(
    ['the run alone (p50)', 'death → answer, each', 'load average'],
    [[f(pct(alone, 50)), deaths.map(f).join(', '), load()]],
  );
} finally {
  await web.close();
  await db.end();
}
process.exit(0);

// BullMQ on Redis beside our queue (pg-boss on PostgreSQL with a NOTIFY wake-up), for the
// comparison in docs/queue.md. BullMQ is not a dependency: install it for the measurement only,
// and start a Redis (reproduction steps in docs/queue.md):
//   npm install --no-save bullmq
//   REDIS_URL=redis://127.0.0.1:6379 TEST_DATABASE_URL=postgresql://… npx --no-install tsx bench/support/bullmq-roundtrip.mjs
// Without bullmq or without a Redis answering at REDIS_URL it prints why it skipped and exits 0.
// Prints two tables (ms), every path sampled in turn within one loop so that all see the same
// load on a shared machine:
//  (1) an empty job's round trip: Queue.add → a Worker in another process returns the data →
//      the enqueuer hears the result (Job.waitUntilFinished on QueueEvents); one Redis PING and,
//      with a PostgreSQL URL, one `SELECT 1` for scale;
//  (2) hello world (a compile-cache hit): runProgram in this process; through BullMQ (the worker
//      process calls runProgram); through our queue (QueuedExecutor and a `sajilo worker`, as in
//      bench/queue.bench.ts) when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '../..');
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const connection = {
  host: redisUrl.hostname,
  port: Number(redisUrl.port || 6379),
  ...(redisUrl.password ? { password: decodeURIComponent(redisUrl.password) } : {}),
  maxRetriesPerRequest: null, // what BullMQ asks of the connections its workers block on
};
const QUEUE = 'sajilo-bench-roundtrip';
const HELLO = 'देखाउ("नमस्ते, संसार!")\n';
const EMPTY_JOBS = 200;
const RUNS = 100;
const WARM = 5;

/** Whether a Redis answers PING at the URL within two seconds (ioredis alone would retry forever). */
function redisAnswers() {
  return new Promise((resolve) => {
    const socket = net.connect(connection.port, connection.host);
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () =>
      socket.write(connection.password ? `AUTH ${connection.password}\r\nPING\r\n` : 'PING\r\n'),
    );
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk;
      if (reply.includes('+PONG')) done(true);
      else if (reply.startsWith('-')) done(false);
    });
  });
}

/** The worker process: echoes `echo` jobs, runs `run` jobs with runProgram, until SIGTERM. */
async function serveJobs() {
  const { Worker } = await import('bullmq');
  const { runProgram } = await import('../../lib/run/index.ts');
  const worker = new Worker(QUEUE, async (job) => (job.name === 'echo' ? job.data : runProgram(job.data)), {
    connection,
    concurrency: 1,
  });
  await worker.waitUntilReady();
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
}

/** A child process started with this Node and tsx, resolved once it prints a line matching `ready`. */
function startChild(args, env, ready) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, SAJILO_TIERING: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let log = '';
  return new Promise((resolve, reject) => {
    const watch = (chunk) => {
      log += chunk;
      if (ready.test(log)) resolve({ child, exited });
    };
    child.stdout.setEncoding('utf8').on('data', watch);
    child.stderr.setEncoding('utf8').on('data', watch);
    void exited.then(() => reject(new Error(`${args.join(' ')} exited:\n${log}`)));
  });
}

async function stop(children) {
  for (const c of children) c.child.kill('SIGTERM');
  await Promise.all(children.map((c) => c.exited));
}

/** Times each path once per round, `rounds` rounds after `WARM` untimed ones; returns times by path. */
async function interleaved(paths, rounds) {
  const names = Object.keys(paths);
  for (let i = 0; i < WARM; i++) for (const name of names) await paths[name]();
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const name of names) {
      const t = performance.now();
      await paths[name]();
      times[name].push(performance.now() - t);
    }
  }
  return times;
}

function expectOk(r) {
  if (r?.run?.verdict !== 'ok') throw new Error(`unexpected answer: ${JSON.stringify(r).slice(0, 300)}`);
}

async function compare() {
  const bullmq = await import('bullmq').catch(() => null);
  if (!bullmq) {
    console.log('skipped: bullmq not installed (npm install --no-save bullmq)');
    return;
  }
  if (!(await redisAnswers())) {
    console.log(`skipped: no redis at REDIS_URL (${redisUrl.href})`);
    return;
  }
  const { f, pct, table } = await import('./next-server.ts');
  const { runProgram } = await import('../../lib/run/index.ts');
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const load = () => os.loadavg()[0].toFixed(1);

  const queue = new bullmq.Queue(QUEUE, { connection });
  await queue.obliterate({ force: true });
  const events = new bullmq.QueueEvents(QUEUE, { connection });
  await events.waitUntilReady();
  const redis = await queue.client;
  const children = [await startChild([here, '--worker'], {}, /^ready$/m)];
  // Finished jobs are kept (the last thousand) so that waitUntilFinished can read a result it heard late.
  const viaBullmq = async (name, data) =>
    (await queue.add(name, data, { removeOnComplete: 1000, removeOnFail: 1000 })).waitUntilFinished(events);

  let pool;
  let web;
  try {
    const scale = { 'one Redis round trip (PING)': () => redis.ping() };
    const runs = {
      'in-process (runProgram)': async () => expectOk(await runProgram({ source: HELLO })),
      'BullMQ on Redis': async () => expectOk(await viaBullmq('run', { source: HELLO })),
    };
    if (databaseUrl) {
      const { default: pg } = await import('pg');
      const { QueuedExecutor } = await import('../../lib/run/queued-executor.ts');
      const { SCHEMA } = await import('../../lib/run/queue-store.ts');
      pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      web = new QueuedExecutor({ databaseUrl, waitSeconds: 120, perClient: 1000, maxQueued: 10_000 });
      await web.start();
      const sajiloWorker = [path.join(root, 'bin/sajilo.mjs'), 'worker'];
      children.push(
        await startChild(
          sajiloWorker,
          { DATABASE_URL: databaseUrl, SAJILO_WORKER_CONCURRENCY: '1' },
          /\[sajilo worker\] [0-9a-f]{12} takes jobs/,
        ),
      );
      scale['one PostgreSQL round trip (SELECT 1)'] = () => pool.query('SELECT 1');
      runs['pg-boss on PostgreSQL, NOTIFY wake-up (ours)'] = async () => expectOk(await web.run({ source: HELLO }, {}));
    } else {
      console.log('(no BENCH_DATABASE_URL or TEST_DATABASE_URL: our queue is left out)');
    }

    let n = 0;
    const empty = await interleaved(
      { ...scale, 'BullMQ empty job round trip': async () => viaBullmq('echo', { n: ++n }) },
      EMPTY_JOBS,
    );
    console.log(
      `(1) one round trip after another (ms); Node ${process.version}, bullmq ${bullmqVersion()}, ` +
        `Redis ${(await redis.info('server')).match(/redis_version:(\S+)/)?.[1]}, load average ${load()} on ${os.cpus().length} CPUs`,
    );
    table(
      ['path', 'count', 'p50', 'p99'],
      Object.entries(empty).map(([name, t]) => [name, t.length, f(pct(t, 50)), f(pct(t, 99))]),
    );

    const hello = await interleaved(runs, RUNS);
    const base = pct(hello['in-process (runProgram)'], 50);
    console.log(`(2) hello world, one run after another (ms), load average ${load()}`);
    table(
      ['path', 'runs', 'p50', 'p99', 'p50 over in-process'],
      Object.entries(hello).map(([name, t], i) => [
        name,
        t.length,
        f(pct(t, 50)),
        f(pct(t, 99)),
        i === 0 ? '—' : `+${f(pct(t, 50) - base)}`,
      ]),
    );
  } finally {
    await stop(children);
    await web?.close();
    await pool?.end();
    await queue.obliterate({ force: true });
    await events.close();
    await queue.close();
  }
}

function bullmqVersion() {
  return JSON.parse(readFileSync(path.join(root, 'node_modules/bullmq/package.json'), 'utf8')).version;
}

if (process.argv.includes('--worker')) await serveJobs();
else {
  await compare();
  process.exit(0);
}

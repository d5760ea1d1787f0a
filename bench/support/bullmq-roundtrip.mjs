// BullMQ on Redis beside our queue (pg-boss on PostgreSQL with a NOTIFY wake-up), for the
// comparison in docs/queue.md. BullMQ is not a dependency: install it for the measurement only,
// and start a Redis (reproduction steps in docs/queue.md):
//   npm install --no-save bullmq ioredis
//   REDIS_URL=redis://127.0.0.1:6379 TEST_DATABASE_URL=postgresql://… npx --no-install tsx bench/support/bullmq-roundtrip.mjs
// Without bullmq or without a Redis answering at REDIS_URL it prints why it skipped and exits 0.
// Prints two tables (ms), every path sampled in turn within one loop so that all see the same
// load on a shared machine:
//  (1) an empty job's round trip: Queue.add → a Worker in another process returns the data →
//      the enqueuer hears the result (Job.waitUntilFinished on QueueEvents); with a PostgreSQL
//      URL, the same through pg-boss as our queue uses it (send → a worker in that process, woken
//      by NOTIFY → pg_notify back); one Redis PING and one `SELECT 1` for scale;
//  (2) hello world (a compile-cache hit): runProgram in this process; through BullMQ (the worker
//      process calls runProgram); through our queue (QueuedExecutor and a `sajilo worker`, as in
//      bench/queue.bench.ts) when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// As for the workers of bench/queue.bench.ts: no background recompiles with gcc, whose CPU would
// land on one path and not another; and only warnings in the log, not a line per run.
process.env.SAJILO_TIERING = 'off';
process.env.SAJILO_LOG_LEVEL ??= 'warn';
const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '../..');
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const connection = {
  host: redisUrl.hostname,
  port: Number(redisUrl.port || 6379),
  ...(redisUrl.password ? { password: decodeURIComponent(redisUrl.password) } : {}),
  maxRetriesPerRequest: null, // what BullMQ asks of the connections its workers block on
};
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const QUEUE = 'sajilo-bench-roundtrip';
const PG_BOSS_QUEUE = 'sajilo-bench-echo';
const PG_BOSS_ANSWERS = 'sajilo_bench_echo';
const HELLO = 'देखाउ("नमस्ते, संसार!")\n';
const EMPTY_JOBS = 200;
const RUNS = 100;
const WARM = 5;

/**
 * A plain connection to the Redis at REDIS_URL that times PINGs and reads the server's version
 * (no client library: ioredis alone would retry forever), or null when none answers within 2 s.
 */
function connectRedis() {
  return new Promise((resolve) => {
    const socket = net.connect(connection.port, connection.host);
    let buffer = '';
    let waiting = null; // { complete(buffer) → reply length or 0, resolve }
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      buffer += chunk;
      const length = waiting?.complete(buffer);
      if (!length) return;
      const reply = buffer.slice(0, length);
      buffer = buffer.slice(length);
      const { resolve } = waiting;
      waiting = null;
      resolve(reply);
    });
    const ask = (command, complete) =>
      new Promise((resolve) => {
        waiting = { complete, resolve };
        socket.write(command);
      });
    /** A simple reply (+…, -…) ends at its first CRLF; a bulk reply ($n) after n more bytes and a CRLF. */
    const replyLength = (b) => {
      const line = b.indexOf('\r\n');
      if (line < 0) return 0;
      if (b[0] !== '$') return line + 2;
      const total = line + 2 + Number(b.slice(1, line)) + 2;
      return Buffer.byteLength(b) >= total ? b.length : 0; // INFO is ASCII: bytes and characters agree
    };
    const client = {
      ping: () => ask('PING\r\n', replyLength),
      version: async () => (await ask('INFO server\r\n', replyLength)).match(/redis_version:(\S+)/)?.[1],
      close: () => socket.destroy(),
    };
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(null);
    });
    socket.on('error', () => resolve(null));
    socket.on('connect', async () => {
      if (connection.password) await ask(`AUTH ${connection.password}\r\n`, replyLength);
      const pong = await client.ping();
      socket.setTimeout(0);
      if (pong.startsWith('+PONG')) resolve(client);
      else {
        socket.destroy();
        resolve(null);
      }
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
  const stops = [() => worker.close()];
  if (databaseUrl) {
    // pg-boss's own empty job, as our queue uses it: woken by NOTIFY, the next job asked for at
    // once, the answer sent back by pg_notify on a connection of its own.
    const { createBoss } = await import('../../lib/run/queue-store.ts');
    const { default: pg } = await import('pg');
    const out = new pg.Client({ connectionString: databaseUrl });
    await out.connect();
    const boss = createBoss(databaseUrl, { worker: true, listen: true });
    boss.on('error', (e) => console.error('[pg-boss]', e.message));
    await boss.start();
    let self = '';
    self = await boss.work(PG_BOSS_QUEUE, { batchSize: 1, notifyPollingIntervalSeconds: 30 }, async ([job]) => {
      try {
        await out.query('SELECT pg_notify($1, $2)', [PG_BOSS_ANSWERS, job.id]);
      } finally {
        boss.notifyWorker(self);
      }
    });
    stops.push(
      () => boss.stop({ graceful: false }),
      () => out.end(),
    );
  }
  process.stdout.write('ready\n');
  process.on('SIGTERM', async () => {
    for (const stop of stops) await stop().catch(() => {});
    process.exit(0);
  });
}

/** A child process started with this Node and tsx, resolved once it prints a line matching `ready`. */
function startChild(args, env, ready) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
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
  // BullMQ 6 reaches Redis through ioredis, an optional peer dependency it does not install.
  const bullmq = await import('bullmq').catch(() => null);
  const ioredis = await import('ioredis').catch(() => null);
  if (!bullmq || !ioredis) {
    console.log('skipped: bullmq not installed (npm install --no-save bullmq ioredis)');
    return;
  }
  const redis = await connectRedis();
  if (!redis) {
    console.log(`skipped: no redis at REDIS_URL (${redisUrl.href})`);
    return;
  }
  const { f, pct, table } = await import('./next-server.ts');
  const { runProgram } = await import('../../lib/run/index.ts');
  const load = () => os.loadavg()[0].toFixed(1);

  const queue = new bullmq.Queue(QUEUE, { connection });
  await queue.obliterate({ force: true });
  const events = new bullmq.QueueEvents(QUEUE, { connection });
  await events.waitUntilReady();
  let boss;
  let answers;
  const waiting = new Map();
  if (databaseUrl) {
    const { createBoss } = await import('../../lib/run/queue-store.ts');
    const { default: pg } = await import('pg');
    boss = createBoss(databaseUrl, { worker: false, listen: true });
    boss.on('error', (e) => console.error('[pg-boss]', e.message));
    await boss.start();
    if (!(await boss.getQueue(PG_BOSS_QUEUE))) await boss.createQueue(PG_BOSS_QUEUE, { retryLimit: 0, notify: true });
    answers = new pg.Client({ connectionString: databaseUrl });
    await answers.connect();
    answers.on('notification', ({ payload }) => waiting.get(payload)?.());
    await answers.query(`LISTEN ${PG_BOSS_ANSWERS}`);
  }
  const viaPgBoss = async (data) => {
    let answered;
    const answer = new Promise((resolve) => (answered = resolve));
    // The job's id is chosen here so that an answer arriving before send() returns is not missed.
    const id = crypto.randomUUID();
    waiting.set(id, answered);
    await boss.send(PG_BOSS_QUEUE, data, { id });
    await answer;
    waiting.delete(id);
  };
  const children = [await startChild([here, '--worker'], {}, /^ready$/m)];
  // Finished jobs are kept (the last thousand) so that waitUntilFinished can read a result it heard late.
  const viaBullmq = async (name, data) =>
    (await queue.add(name, data, { removeOnComplete: 1000, removeOnFail: 1000 })).waitUntilFinished(events);

  let pool;
  let web;
  let n = 0;
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
      scale['pg-boss empty job round trip, NOTIFY wake-up'] = () => viaPgBoss({ n: ++n });
      runs['pg-boss on PostgreSQL, NOTIFY wake-up (ours)'] = async () => expectOk(await web.run({ source: HELLO }, {}));
    } else {
      console.log('(no BENCH_DATABASE_URL or TEST_DATABASE_URL: our queue is left out)');
    }

    const empty = await interleaved(
      { ...scale, 'BullMQ empty job round trip': async () => viaBullmq('echo', { n: ++n }) },
      EMPTY_JOBS,
    );
    console.log(
      `(1) one round trip after another (ms); Node ${process.version}, bullmq ${bullmqVersion()}, ` +
        `Redis ${await redis.version()}, load average ${load()} on ${os.cpus().length} CPUs`,
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
        i === 0 ? '—' : `${pct(t, 50) >= base ? '+' : '−'}${f(Math.abs(pct(t, 50) - base))}`,
      ]),
    );
  } finally {
    await stop(children);
    await web?.close();
    await pool?.end();
    await boss?.stop({ graceful: false });
    await answers?.end();
    await queue.obliterate({ force: true });
    await events.close();
    await queue.close();
    redis.close();
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

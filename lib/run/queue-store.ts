// What the web tier and the workers share in PostgreSQL when runs go through the job queue
// (docs/queue.md): pg-boss's queue of jobs, and two small tables of our own in the schema
// `sajilo_queue`, created here on first start (like pg-boss's own schema, they belong to the
// queue, not to the application's data, so they are not Prisma migrations):
//
//  - `run`: one row per run a web server is waiting for, keyed by the run's id. Its `state`
//    (queued → running → done) is the single point where a run is claimed and answered: a
//    worker claims only a queued row of the current attempt, answers only the row it claimed,
//    and the web server takes the answer by deleting the row. Rules 1 and 4 of the fair queue
//    count these rows; a cancelled run is a deleted row, which no worker can claim or answer.
//  - `node`: one row per live web server and worker, refreshed every second (the heartbeat):
//    the web tier counts live workers, and sees when the worker running its job has died.
//  - `usage`: rule 3's slot time per client (lib/run/queue.ts), charged by the worker when a run
//    it claimed ends and decayed with the same half-life; admission reads it for the job's
//    pg-boss priority, so every web server orders clients by the same account.
//
// Output travels back by NOTIFY on the channel of the web server that holds the connection
// (`sajilo_web_<id>`, one LISTEN per web server), cancellations by NOTIFY on the worker's own
// channel (`sajilo_worker_<id>`).
import { randomBytes } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import pg from 'pg';
import { z } from 'zod';
import { USAGE_HALF_LIFE_MS } from './queue';

export const QUEUE_NAME = 'sajilo-run';
export const SCHEMA = 'sajilo_queue';
/** How often web servers and workers refresh their `node` row. */
export const HEARTBEAT_MS = 1000;
/** A node whose row is older than this is dead: its runs are retried or answered with an error. */
export const DEAD_AFTER_SECONDS = 5;
/** A run is tried on at most this many workers (the first and one retry after a worker's death). */
export const MAX_ATTEMPTS = 2;
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; ours stay under this. */
export const NOTIFY_MAX_BYTES = 7000;

/**
 * How every queue connection connects. `synchronous_commit=off`: a commit does not wait for
 * its WAL to reach the disk (about 2.3 ms of the 2.9 ms an insert took here, and a run makes
 * five commits on its way). The queue's rows live for seconds; a PostgreSQL crash loses at most
 * the last fraction of a second of them, which leaves runs queued or running that their web
 * server (whose connections failed too) no longer waits for — never a second answer.
 */
export function connection(url: string, name: string, max?: number): pg.PoolConfig {
  return {
    connectionString: url,
    application_name: name,
    options: '-c synchronous_commit=off',
    ...(max ? { max } : {}),
  };
}

/** A short random id for a web server or a worker (lower-case hex: a valid channel suffix). */
export function newNodeId(): string {
  return randomBytes(6).toString('hex');
}
export const webChannel = (id: string) => `sajilo_web_${id}`;
export const workerChannel = (id: string) => `sajilo_worker_${id}`;

/** The job pg-boss carries from the web server to a worker (one per attempt). */
export const runJobSchema = z.object({
  run: z.uuid(),
  attempt: z.number().int().min(1),
  web: z.string(),
  requestId: z.string().optional(),
  client: z.string().optional(),
  stream: z.boolean(),
  source: z.string(),
  stdin: z.string().optional(),
  latinDigits: z.boolean().optional(),
});
export type RunJob = z.infer<typeof runJobSchema>;

/**
 * One message to a web server about a run. `t`: `c` compiled (`d` the compile result, or `big`:
 * too large for NOTIFY, read it from the row), `o`/`e` a piece of stdout/stderr, `d` answered
 * (read the answer from the row).
 */
export const webMessageSchema = z.object({
  r: z.uuid(),
  a: z.number().int(),
  t: z.enum(['c', 'o', 'e', 'd']),
  d: z.unknown().optional(),
  big: z.literal(true).optional(),
});
export type WebMessage = z.infer<typeof webMessageSchema>;

/** The stored answer of a run: the RunOutput, or why the worker could not produce one. */
export const storedAnswerSchema = z.union([z.object({ output: z.unknown() }), z.object({ error: z.string() })]);

const SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS ${SCHEMA};
CREATE TABLE IF NOT EXISTS ${SCHEMA}.run (
  id uuid PRIMARY KEY,
  request_id text,
  client text NOT NULL,
  web_id text NOT NULL,
  attempt int NOT NULL DEFAULT 1,
  state text NOT NULL CHECK (state IN ('queued', 'running', 'done')),
  worker_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  compile jsonb,
  answer jsonb
);
CREATE INDEX IF NOT EXISTS run_client ON ${SCHEMA}.run (client);
CREATE INDEX IF NOT EXISTS run_web ON ${SCHEMA}.run (web_id, state);
CREATE TABLE IF NOT EXISTS ${SCHEMA}.node (
  id text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('web', 'worker')),
  slots int NOT NULL DEFAULT 0,
  running int NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS ${SCHEMA}.usage (
  client text PRIMARY KEY,
  ms double precision NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
-- A client's slot time (ms) decayed to now: halved every USAGE_HALF_LIFE_MS.
CREATE OR REPLACE FUNCTION ${SCHEMA}.decayed(p_ms double precision, p_at timestamptz) RETURNS double precision
LANGUAGE sql STABLE AS $$
  SELECT p_ms * power(2::double precision, -extract(epoch FROM now() - p_at) * 1000 / ${USAGE_HALF_LIFE_MS})
$$;
-- Rules 1 and 4 of the fair queue over every web server's runs, and the run's row, in one round
-- trip, with the client's decayed slot time for rule 3: the client's advisory lock makes two
-- admissions of one client take turns, and each statement of a volatile function sees what was
-- committed before it (the counts are current). An earlier version returned no "used" column:
-- a function's result type cannot be replaced, only dropped (in this transaction) and made anew.
DROP FUNCTION IF EXISTS ${SCHEMA}.admit(uuid, text, text, text, int, int, int, int);
CREATE FUNCTION ${SCHEMA}.admit(
  p_id uuid, p_request text, p_client text, p_web text, p_wait int, p_per_client int, p_max_queued int, p_dead int)
RETURNS TABLE (refused text, mine_queued int, queued int, slots int, used double precision)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_mine int;
  v_mine_queued int;
  v_queued int;
  v_slots int;
  v_used double precision;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('sajilo_queue.client:' || p_client));
  SELECT count(*) FILTER (WHERE r.client = p_client), count(*) FILTER (WHERE r.client = p_client AND r.state = 'queued'),
         count(*) FILTER (WHERE r.state = 'queued')
    INTO v_mine, v_mine_queued, v_queued FROM ${SCHEMA}.run r WHERE r.state <> 'done';
  SELECT coalesce(sum(n.slots), 0) INTO v_slots FROM ${SCHEMA}.node n
   WHERE n.role = 'worker' AND n.last_seen > now() - make_interval(secs => p_dead);
  SELECT coalesce(max(${SCHEMA}.decayed(u.ms, u.at)), 0) INTO v_used FROM ${SCHEMA}.usage u WHERE u.client = p_client;
  IF v_mine >= p_per_client THEN
    RETURN QUERY SELECT 'client'::text, v_mine_queued, v_queued, v_slots, v_used;
  ELSIF v_queued >= coalesce(p_max_queued, greatest(16, 4 * v_slots)) THEN
    RETURN QUERY SELECT 'server'::text, v_mine_queued, v_queued, v_slots, v_used;
  ELSE
    INSERT INTO ${SCHEMA}.run (id, request_id, client, web_id, state, expires_at)
    VALUES (p_id, p_request, p_client, p_web, 'queued', now() + make_interval(secs => p_wait));
    RETURN QUERY SELECT NULL::text, v_mine_queued, v_queued, v_slots, v_used;
  END IF;
END $$;`;

/** Creates our tables once (an advisory lock keeps processes starting together from racing). */
export async function installSchema(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query("SELECT pg_advisory_xact_lock(hashtext('sajilo_queue.schema'))");
    await c.query(SCHEMA_SQL);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

/** Refreshes a node's heartbeat row (and creates it on the first beat). */
export async function heartbeat(
  pool: pg.Pool | pg.Client,
  node: { id: string; role: 'web' | 'worker'; slots: number; running: number },
): Promise<void> {
  await pool.query(
    `INSERT INTO ${SCHEMA}.node (id, role, slots, running) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET slots = $3, running = $4, last_seen = now()`,
    [node.id, node.role, node.slots, node.running],
  );
}

/** Adds a finished run's slot time to its client's usage (rule 3), decayed as it stands. */
export async function chargeUsage(pool: pg.Pool, client: string, ms: number): Promise<void> {
  await pool.query(
    `INSERT INTO ${SCHEMA}.usage AS u (client, ms) VALUES ($1, $2)
     ON CONFLICT (client) DO UPDATE SET ms = ${SCHEMA}.decayed(u.ms, u.at) + excluded.ms, at = now()`,
    [client, Math.max(0, ms)],
  );
}

/**
 * Rule 3 as a pg-boss priority (higher is fetched first), fixed when the job is sent: round by
 * round (a client's n-th waiting run after every client's (n-1)-th), within a round the client
 * with less decayed slot time first — ten steps per doubling of it, so clients of about the same
 * use are equal and served in order of arrival. Every first attempt is at most 0; a retry is 1.
 */
export function fairPriority(round: number, usedMs: number): number {
  const step = Math.min(ROUND_STEPS - 1, Math.floor(10 * Math.log2(1 + Math.max(0, usedMs))));
  return -(Math.min(round, 10_000) * ROUND_STEPS + step);
}
const ROUND_STEPS = 1000;

export async function removeNode(pool: pg.Pool, id: string): Promise<void> {
  await pool.query(`DELETE FROM ${SCHEMA}.node WHERE id = $1`, [id]);
}

/** The pg-boss instance of a web server (`worker: false`) or a worker. */
export function createBoss(connectionString: string, options: { worker: boolean; listen: boolean }): PgBoss {
  const boss = new PgBoss({
    connectionString,
    options: '-c synchronous_commit=off', // see connection()
    max: options.worker ? 4 : 6,
    application_name: options.worker ? 'sajilo-worker' : 'sajilo-web',
    // The queue's maintenance (expiring and deleting old jobs) runs in the web tier.
    supervise: !options.worker,
    schedule: false,
    useListenNotify: options.listen,
    instanceName: options.worker ? 'sajilo-worker' : 'sajilo-web',
  });
  return boss;
}

/** The queue's settings: every retry is the web tier's decision (a new job), never pg-boss's;
 *  a job nobody takes expires with its run's wait; finished jobs are kept a minute. */
export async function ensureQueue(boss: PgBoss, waitSeconds: number): Promise<void> {
  const options = {
    retryLimit: 0,
    expireInSeconds: 15 * 60,
    retentionSeconds: Math.max(60, waitSeconds * 2),
    deleteAfterSeconds: 60,
    notify: true,
  };
  if (await boss.getQueue(QUEUE_NAME)) await boss.updateQueue(QUEUE_NAME, options);
  else
    await boss.createQueue(QUEUE_NAME, options).catch(async (e: unknown) => {
      if (!(await boss.getQueue(QUEUE_NAME))) throw e; // another process created it meanwhile
    });
}

/** Pieces of `text` whose NOTIFY payloads (JSON, in UTF-8) stay under NOTIFY_MAX_BYTES; cut
 *  between grapheme clusters, so a piece never ends half-way through a character. */
export function splitForNotify(text: string, maxBytes = NOTIFY_MAX_BYTES - 200): string[] {
  if (Buffer.byteLength(JSON.stringify(text)) <= maxBytes) return [text];
  const pieces: string[] = [];
  let piece = '';
  let bytes = 2;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const size = Buffer.byteLength(JSON.stringify(segment)) - 2;
    if (bytes + size > maxBytes && piece) {
      pieces.push(piece);
      piece = '';
      bytes = 2;
    }
    piece += segment;
    bytes += size;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

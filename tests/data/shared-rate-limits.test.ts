// With DATABASE_URL the rate limits count in PostgreSQL, so several web servers spend one budget:
// here two limiter sets on two separate connection pools stand for two servers. Without it
// (the embedded default) they stay in process memory and touch no table.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { BACKENDS, useTestDb, request, nextIp, type TestDb } from './helpers';
import { POST as share } from '@/app/api/snippets/route';
import { limitOptions } from '@/lib/auth/rate-limit';
import { limiterStore, postgresLimiters, RATE_LIMIT_TABLE } from '@/lib/auth/limiter-store';
import { SIGN_IN_POLICY, SignInLimiter, SignInRefused } from '@/lib/auth/sign-in-limiter';

const onPostgres = BACKENDS.includes('postgres');

/** Another web server's view of the same database: its own pool, its own limiter objects. */
async function otherServerPool(db: TestDb): Promise<import('pg').Pool> {
  const pg = (await import('pg')).default;
  const schema = db.handle.config.kind === 'postgres' ? db.handle.config.schema : null;
  return new pg.Pool({
    connectionString: process.env.TEST_DATABASE_URL,
    options: `-c search_path="${schema}"`,
    max: 4,
  });
}

async function refusedFor(attempt: Promise<unknown>): Promise<number> {
  try {
    await attempt;
    return 0;
  } catch (err) {
    if (err instanceof SignInRefused) return err.retryAfterSeconds;
    throw err;
  }
}

describe.skipIf(!onPostgres)('rate limits shared through PostgreSQL', () => {
  let db: TestDb;
  let poolA: import('pg').Pool;
  let poolB: import('pg').Pool;
  beforeAll(async () => {
    db = await useTestDb('postgres');
    poolA = await otherServerPool(db);
    poolB = await otherServerPool(db);
  });
  afterAll(async () => {
    await Promise.all([poolA?.end(), poolB?.end()]);
    await db?.cleanup();
  });

  it('the app keeps its counters in the RateLimit table', async () => {
    expect((await limiterStore()).kind).toBe('postgres');
    const ip = nextIp();
    expect((await share(request('/api/snippets', { body: { source: 'लेख 1' }, ip }))).status).toBe(201);
    const rows = await db.handle.runner.query<{ key: string; points: number }>(
      `SELECT key, points FROM "${RATE_LIMIT_TABLE}" WHERE key LIKE $1 ORDER BY key`,
      [`%:${ip}`],
    );
    expect(rows).toEqual([
      { key: `shareAnonIp:${ip}`, points: 1 },
      { key: `shareAnonIpDay:${ip}`, points: 1 },
    ]);
  });

  it('anonymous shares: the app and a second server together get exactly the hourly limit', async () => {
    const ip = nextIp();
    const { points } = limitOptions('shareAnonIp');
    const other = postgresLimiters(poolB)({ keyPrefix: 'shareAnonIp', ...limitOptions('shareAnonIp') });
    // Interleaved, in parallel: half through the app's route, half through the other server.
    const results = await Promise.all(
      Array.from({ length: points + 10 }, (_, i) =>
        i % 2 === 0
          ? share(request('/api/snippets', { body: { source: `लेख ${i}` }, ip })).then((r) => r.status === 201)
          : other.consume(ip).then(
              () => true,
              () => false,
            ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(points);
    // Spent everywhere: the app refuses, and so does the other server.
    expect((await share(request('/api/snippets', { body: { source: 'x' }, ip }))).status).toBe(429);
    await expect(other.consume(ip)).rejects.toMatchObject({ remainingPoints: 0 });
    // Another address still has its whole budget.
    expect((await share(request('/api/snippets', { body: { source: 'y' }, ip: nextIp() }))).status).toBe(201);
  });

  it('password sign-in: parallel guesses spread over two servers reach the hash at most the limit', async () => {
    const serverA = new SignInLimiter(SIGN_IN_POLICY, postgresLimiters(poolA));
    const serverB = new SignInLimiter(SIGN_IN_POLICY, postgresLimiters(poolB));
    const email = `shared-${Date.now()}@example.org`;
    const ip = nextIp();
    const waits = await Promise.all(
      Array.from({ length: 30 }, (_, i) => refusedFor((i % 2 ? serverA : serverB).begin(email, ip))),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(SIGN_IN_POLICY.pair.points);
    // Exactly one refusal set the first block (one minute); the other server sees it too.
    expect(waits.filter((w) => w === SIGN_IN_POLICY.backoff.firstSeconds)).toHaveLength(1);
    expect(await serverA.waitSeconds(email, ip)).toBeGreaterThan(0);
    expect(await serverB.waitSeconds(email, ip)).toBeGreaterThan(0);
    expect(await serverB.waitSeconds(email, nextIp())).toBe(0);
  });

  it('a success on one server gives the pair its attempts back on the other', async () => {
    const serverA = new SignInLimiter(SIGN_IN_POLICY, postgresLimiters(poolA));
    const serverB = new SignInLimiter(SIGN_IN_POLICY, postgresLimiters(poolB));
    const email = `reset-${Date.now()}@example.org`;
    const ip = nextIp();
    for (let i = 0; i < SIGN_IN_POLICY.pair.points - 1; i++) expect(await refusedFor(serverA.begin(email, ip))).toBe(0);
    const attempt = await serverB.begin(email, ip); // the last attempt the pair has: a right password
    await attempt.succeeded();
    for (let i = 0; i < SIGN_IN_POLICY.pair.points; i++) expect(await refusedFor(serverA.begin(email, ip))).toBe(0);
    expect(await refusedFor(serverB.begin(email, ip))).toBeGreaterThan(0);
  });
});

describe('rate limits with the embedded database', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await useTestDb('pglite');
  });
  afterAll(async () => db?.cleanup());

  it('count in process memory and write nothing to the RateLimit table', async () => {
    expect((await limiterStore()).kind).toBe('memory');
    expect((await share(request('/api/snippets', { body: { source: 'लेख' }, ip: nextIp() }))).status).toBe(201);
    expect(await db.handle.runner.query(`SELECT key FROM "${RATE_LIMIT_TABLE}"`)).toEqual([]);
  });
});

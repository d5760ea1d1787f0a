// Where the rate limits keep their counters.
//
// - DATABASE_URL set (PostgreSQL): in the table "RateLimit" of that database, one row per key
//   (rate-limiter-flexible's RateLimiterPostgres), so every web server behind a load balancer
//   spends the same budget. Each take is one INSERT … ON CONFLICT … RETURNING, atomic across
//   servers as the memory store is within one process.
// - otherwise (the embedded PGlite default, one process by construction): process memory.
//
// The table comes with the migrations (`npm run db:migrate`), not from the library at start-up,
// so a server needs no CREATE right and a key is not cut at 255 characters.
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { dbConfigFromEnv, getDbHandle } from '@/lib/db';

export interface LimiterOptions {
  /** Names the counter; its keys are stored as `keyPrefix:key`, so counters share one table. */
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

export type MakeLimiter = (opts: LimiterOptions) => RateLimiterAbstract;

export const RATE_LIMIT_TABLE = 'RateLimit';

/** Limiters kept in process memory: one process counts alone. */
export const memoryLimiters: MakeLimiter = (opts) => new RateLimiterMemory(opts);

/** Limiters kept in PostgreSQL through POOL (search_path set to the app's schema), shared by
 *  every process that uses the same database. */
export function postgresLimiters(pool: import('pg').Pool): MakeLimiter {
  return (opts) =>
    new RateLimiterPostgres({
      ...opts,
      storeClient: pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
    });
}

export interface LimiterStore {
  kind: 'memory' | 'postgres';
  make: MakeLimiter;
  /** What the limiters made here depend on: when it changes (the database was reopened), make them again. */
  owner: unknown;
}

const MEMORY_STORE: LimiterStore = { kind: 'memory', make: memoryLimiters, owner: 'memory' };

/** The store for this process's configuration: PostgreSQL with DATABASE_URL, else memory. */
export async function limiterStore(): Promise<LimiterStore> {
  if (dbConfigFromEnv().kind !== 'postgres') return MEMORY_STORE;
  const handle = await getDbHandle();
  if (!handle.pgPool) throw new Error('the PostgreSQL database handle has no pool');
  return { kind: 'postgres', make: postgresLimiters(handle.pgPool), owner: handle };
}

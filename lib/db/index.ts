// The database: one Prisma client per process, kept on globalThis so Next's module reloading
// (dev) and several bundles (route handlers, pages) share it.
//
// - DATABASE_URL set      → a PostgreSQL server through @prisma/adapter-pg. Migrations are
//                           applied by `npm run db:migrate`, not at start-up. A `?schema=name`
//                           parameter (Prisma's convention) selects a schema.
// - otherwise (default)   → PGlite (PostgreSQL in WebAssembly, in-process) with its files in
//                           $SAJILO_DATA_DIR/pglite (default .data/pglite in the repository);
//                           migrations are applied when it opens. Only one process may open a
//                           data directory, so a lock file guards it and it is closed on exit.
import { config as settings } from '@/lib/config';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { migrate, type SqlRunner } from './migrate';
import { acquireDirLock, type DirLock } from './lock';
import { dataDir } from './paths';
import { gracefulShutdownInstalled } from '@/lib/ops/shutdown';
import path from 'node:path';
import { mkdirSync } from 'node:fs';

export type Db = InstanceType<typeof PrismaClient>;

export type DbConfig = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string; schema: string | null };

export interface DbHandle {
  prisma: Db;
  config: DbConfig;
  /** Runs raw SQL on the same database (tests, the migrator). */
  runner: SqlRunner;
  /** PostgreSQL only: the node-postgres pool behind `runner` (shared rate limits). */
  pgPool?: import('pg').Pool;
  close(): Promise<void>;
}

export { dataDir };

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const { DATABASE_URL } = settings(env);
  if (DATABASE_URL) {
    const url = new URL(DATABASE_URL);
    const schema = url.searchParams.get('schema');
    url.searchParams.delete('schema'); // Prisma's parameter; node-postgres does not know it
    return { kind: 'postgres', url: url.toString(), schema };
  }
  return { kind: 'pglite', dir: path.join(dataDir(env), 'pglite') };
}

/** Opens a database. `migrate` defaults to true for PGlite and false for PostgreSQL. */
export async function openDatabase(config: DbConfig, opts: { migrate?: boolean } = {}): Promise<DbHandle> {
  return config.kind === 'pglite'
    ? openPglite(config, opts.migrate ?? true)
    : openPostgres(config, opts.migrate ?? false);
}

async function openPglite(config: { kind: 'pglite'; dir: string }, runMigrations: boolean): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  mkdirSync(config.dir, { recursive: true });
  const lock: DirLock = acquireDirLock(config.dir);
  let pg: import('@electric-sql/pglite').PGlite | undefined;
  try {
    pg = await PGlite.create(config.dir);
    const runner: SqlRunner = {
      exec: async (sql) => {
        await pg!.exec(sql);
      },
      query: async <T>(sql: string, params?: unknown[]) => (await pg!.query<T>(sql, params)).rows,
    };
    if (runMigrations) await migrate(runner);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pg) });
    // Whoever ends the process (Next's own SIGTERM handler calls process.exit before an async
    // close could finish), the lock goes with it. PGlite's WAL makes the data safe regardless,
    // as after SIGKILL (tests/data/pglite-crash.test.ts).
    const releaseOnExit = () => lock.release();
    process.once('exit', releaseOnExit);
    return {
      prisma,
      config,
      runner,
      close: closeOnce(async () => {
        await prisma.$disconnect().catch(() => {});
        await pg!.close().catch(() => {});
        lock.release();
        process.removeListener('exit', releaseOnExit);
      }),
    };
  } catch (err) {
    await pg?.close().catch(() => {});
    lock.release();
    throw err;
  }
}

async function openPostgres(
  config: { kind: 'postgres'; url: string; schema: string | null },
  runMigrations: boolean,
): Promise<DbHandle> {
  const pgModule = await import('pg');
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const pgLib = (pgModule as unknown as { default?: typeof pgModule }).default ?? pgModule;
  // The schema goes into search_path (raw SQL, the migrator) and to the adapter (its queries).
  const poolConfig = {
    connectionString: config.url,
    options: searchPathOption(config.schema),
    max: settings().SAJILO_DB_POOL,
  };
  const pool = new pgLib.Pool(poolConfig);
  const runner: SqlRunner = {
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
  };
  if (runMigrations) {
    try {
      await migratePool(pool, config.schema);
    } catch (err) {
      await pool.end().catch(() => {});
      throw err;
    }
  }
  const adapter = new PrismaPg(poolConfig, config.schema ? { schema: config.schema } : undefined);
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    config,
    runner,
    pgPool: pool,
    close: closeOnce(async () => {
      await prisma.$disconnect().catch(() => {});
      await pool.end().catch(() => {});
    }),
  };
}

/** close() for a handle: its steps run once, and every caller waits for the same run. */
function closeOnce(steps: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= steps());
}

// One connection for the whole run: the advisory lock and BEGIN/COMMIT are per session.
async function migratePool(pool: import('pg').Pool, schema: string | null): Promise<string[]> {
  const client = await pool.connect();
  try {
    // Like Prisma, create the schema named in the URL if it is not there yet.
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
    return await migrate({
      exec: async (sql) => {
        await client.query(sql);
      },
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    });
  } finally {
    client.release();
  }
}

/** `npm run db:migrate`: applies pending migrations; returns the names applied now. */
export async function migrateDatabase(config: DbConfig): Promise<string[]> {
  if (config.kind === 'pglite') {
    const h = await openDatabase(config, { migrate: false });
    try {
      return await migrate(h.runner);
    } finally {
      await h.close();
    }
  }
  const pgModule = await import('pg');
  const pgLib = (pgModule as unknown as { default?: typeof pgModule }).default ?? pgModule;
  const pool = new pgLib.Pool({ connectionString: config.url, options: searchPathOption(config.schema), max: 1 });
  try {
    return await migratePool(pool, config.schema);
  } finally {
    await pool.end();
  }
}

function searchPathOption(schema: string | null): string | undefined {
  return schema ? `-c search_path="${schema.replace(/"/g, '""')}"` : undefined;
}

// ---- the process-wide singleton -------------------------------------------------------------

const globalForDb = globalThis as unknown as { __sajiloDb?: Promise<DbHandle>; __sajiloDbExitHooks?: boolean };

/** The process's database, opened (and for PGlite migrated) on first use. */
export async function getDb(): Promise<Db> {
  return (await getDbHandle()).prisma;
}

export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.__sajiloDb) {
    const opening = openDatabase(dbConfigFromEnv());
    globalForDb.__sajiloDb = opening;
    opening.catch(() => {
      // Let the next request try again (e.g. the lock holder has gone away).
      if (globalForDb.__sajiloDb === opening) globalForDb.__sajiloDb = undefined;
    });
    installExitHooks();
  }
  return globalForDb.__sajiloDb;
}

/** Closes the process's database (tests; shutdown). The next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const current = globalForDb.__sajiloDb;
  globalForDb.__sajiloDb = undefined;
  if (current) await (await current.catch(() => null))?.close();
}

// PGlite keeps its data safe even when killed, but a clean close is quicker to reopen and
// releases the directory for the next process at once.
function installExitHooks() {
  // A graceful shutdown (lib/ops/shutdown.ts) closes the database itself, after the work drained.
  if (globalForDb.__sajiloDbExitHooks || gracefulShutdownInstalled()) return;
  globalForDb.__sajiloDbExitHooks = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      const deadline = setTimeout(() => process.exit(0), 3000);
      deadline.unref();
      closeDb().finally(() => {
        // Re-raise so the default behaviour (and other listeners) still end the process.
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    });
  }
}

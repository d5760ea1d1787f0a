// The migrator: applies prisma/migrations/<name>/migration.sql in name order and records each
// in `_prisma_migrations` exactly as Prisma Migrate does (same table, same columns, checksum =
// sha256 of the file in hex), so `prisma migrate deploy`/`status` elsewhere agree with it.
// We need our own because the Prisma CLI cannot fetch its schema engine on offline machines.
//
// Differences from Prisma, on purpose: each migration runs inside one transaction together
// with its bookkeeping row (PostgreSQL has transactional DDL), so a failure leaves nothing
// half-applied and nothing to `migrate resolve`; and concurrent migrators are serialised by
// the same advisory lock Prisma takes.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

/** What the migrator needs from a connection (PGlite or node-postgres). */
export interface SqlRunner {
  /** Runs a script of one or more statements, no parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one statement with $1… parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'prisma', 'migrations');
// Prisma Migrate's advisory lock key, so our migrator and Prisma's never run at once.
const ADVISORY_LOCK_KEY = 72707369;

// Prisma's own definition of the table (schema-engine, PostgreSQL flavour).
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function checksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) throw new Error(`migrations folder not found: ${dir}`);
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksum(sql) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies the pending migrations; returns the names applied now. Safe to call on every start. */
export async function migrate(db: SqlRunner, migrations = readMigrations()): Promise<string[]> {
  const applied: string[] = [];
  await db.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
  try {
    await db.exec(CREATE_TABLE);
    const rows = await db.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    for (const m of migrations) {
      const mine = rows.filter((r) => r.migration_name === m.name && r.rolled_back_at === null);
      if (mine.some((r) => r.finished_at === null)) {
        // Left by Prisma's own `migrate deploy` failing half-way: a person must look at it.
        throw new Error(`migration ${m.name} failed earlier and was not resolved (see _prisma_migrations)`);
      }
      const done = mine.find((r) => r.finished_at !== null);
      if (done) {
        if (done.checksum !== m.checksum) {
          console.warn(`[migrate] ${m.name} was edited after it was applied (checksum differs)`);
        }
        continue;
      }
      await applyOne(db, m);
      applied.push(m.name);
    }
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
  }
  return applied;
}

async function applyOne(db: SqlRunner, m: Migration): Promise<void> {
  const id = randomUUID();
  await db.exec('BEGIN');
  try {
    await db.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
      [id, m.checksum, m.name],
    );
    await db.exec(m.sql);
    await db.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
    await db.exec('COMMIT');
  } catch (err) {
    await db.exec('ROLLBACK').catch(() => {});
    throw new Error(`migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
  }
}

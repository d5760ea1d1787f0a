// The hand-written SQL migrations must produce exactly what prisma/schema.prisma declares
// (tables, columns with types, nullability and defaults, keys, indexes, foreign keys), and
// the migrator must record them the way Prisma Migrate does, idempotently and atomically.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKENDS, freshConfig, type Backend } from './helpers';
import { migrate, readMigrations, MIGRATIONS_DIR, type SqlRunner } from '@/lib/db/migrate';

// ---- what the schema declares, parsed from schema.prisma --------------------------------------
const SCALARS: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  Boolean: 'boolean',
  DateTime: 'timestamp without time zone',
  Float: 'double precision',
  BigInt: 'bigint',
  Json: 'jsonb',
};
interface Expected {
  columns: Record<string, Record<string, { type: string; nullable: boolean; hasDefault: boolean }>>;
  indexes: string[];
  foreignKeys: string[];
}

function parseSchema(text: string): Expected {
  const out: Expected = { columns: {}, indexes: [], foreignKeys: [] };
  const models = [...text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const modelNames = new Set(models.map((m) => m[1]));
  for (const [, model, body] of models) {
    const cols: Expected['columns'][string] = (out.columns[model] = {});
    for (const raw of body.split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      if (!line) continue;
      const block = line.match(/^@@(unique|index|id)\(\[([^\]]+)\]/);
      if (block) {
        const fields = block[2].split(',').map((s) => s.trim());
        if (block[1] === 'unique') out.indexes.push(`${model}_${fields.join('_')}_key`);
        if (block[1] === 'index') out.indexes.push(`${model}_${fields.join('_')}_idx`);
        if (block[1] === 'id') out.indexes.push(`${model}_pkey`);
        continue;
      }
      const f = line.match(/^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/);
      if (!f) throw new Error(`unparsed schema line: ${line}`);
      const [, name, type, modifier, attrs] = f;
      if (modelNames.has(type)) {
        const rel = attrs.match(/fields:\s*\[([^\]]+)\]/);
        if (rel)
          out.foreignKeys.push(
            `${model}_${rel[1]
              .split(',')
              .map((s) => s.trim())
              .join('_')}_fkey`,
          );
        continue;
      }
      if (!SCALARS[type]) throw new Error(`unknown scalar ${type}`);
      cols[name] = { type: SCALARS[type], nullable: modifier === '?', hasDefault: /@default\(/.test(attrs) };
      if (/@id\b/.test(attrs)) out.indexes.push(`${model}_pkey`);
      if (/@unique\b/.test(attrs)) out.indexes.push(`${model}_${name}_key`);
    }
  }
  out.indexes.sort();
  out.foreignKeys.sort();
  return out;
}

// ---- what a database has --------------------------------------------------------------------
async function introspect(db: SqlRunner): Promise<Expected & { precision: Record<string, number | null> }> {
  const cols = await db.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    datetime_precision: number | null;
  }>(
    `SELECT table_name, column_name, data_type, is_nullable, column_default, datetime_precision
     FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
  );
  const out = {
    columns: {} as Expected['columns'],
    indexes: [] as string[],
    foreignKeys: [] as string[],
    precision: {} as Record<string, number | null>,
  };
  for (const c of cols) {
    (out.columns[c.table_name] ??= {})[c.column_name] = {
      type: c.data_type,
      nullable: c.is_nullable === 'YES',
      hasDefault: c.column_default !== null,
    };
    if (c.data_type.startsWith('timestamp')) out.precision[`${c.table_name}.${c.column_name}`] = c.datetime_precision;
  }
  out.indexes = (
    await db.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    )
  )
    .map((r) => r.indexname)
    .sort();
  out.foreignKeys = (
    await db.query<{ constraint_name: string }>(
      `SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = current_schema() AND constraint_type = 'FOREIGN KEY'`,
    )
  )
    .map((r) => r.constraint_name)
    .sort();
  return out;
}

/** A bare connection (no Prisma) to a fresh database, for the migrator. */
async function rawDb(backend: Backend) {
  const fresh = await freshConfig(backend);
  if (fresh.config.kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create(fresh.config.dir);
    const runner: SqlRunner = {
      exec: async (s) => {
        await pg.exec(s);
      },
      query: async <T>(s: string, p?: unknown[]) => (await pg.query<T>(s, p)).rows,
    };
    return {
      runner,
      other: null as SqlRunner | null,
      close: async () => {
        await pg.close();
        await fresh.drop();
      },
    };
  }
  const pg = (await import('pg')).default;
  const clients = [0, 1].map(
    () =>
      new pg.Client({
        connectionString: fresh.config.kind === 'postgres' ? fresh.config.url : '',
        options: `-c search_path="${(fresh.config as { schema: string }).schema}"`,
      }),
  );
  await Promise.all(clients.map((c) => c.connect()));
  const wrap = (c: import('pg').Client): SqlRunner => ({
    exec: async (s) => {
      await c.query(s);
    },
    query: async <T>(s: string, p?: unknown[]) => (await c.query(s, p)).rows as T[],
  });
  return {
    runner: wrap(clients[0]),
    other: wrap(clients[1]),
    close: async () => {
      await Promise.all(clients.map((c) => c.end()));
      await fresh.drop();
    },
  };
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

function tempMigrations(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-migrations-'));
  tempDirs.push(dir);
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe.each(BACKENDS)('migrations on %s', (backend) => {
  let db: Awaited<ReturnType<typeof rawDb>>;
  beforeAll(async () => {
    db = await rawDb(backend);
  });
  afterAll(async () => db?.close());

  it('produce exactly the tables, columns, keys, indexes and foreign keys of schema.prisma', async () => {
    expect(await migrate(db.runner)).toEqual(readMigrations().map((m) => m.name));
    const expected = parseSchema(readFileSync(path.join(process.cwd(), 'prisma/schema.prisma'), 'utf8'));
    const actual = await introspect(db.runner);
    expect(Object.keys(expected.columns).sort()).toEqual(['Account', 'RateLimit', 'Snippet', 'User']); // the parser works
    expect(actual.columns).toEqual(expected.columns);
    expect(actual.indexes).toEqual(expected.indexes);
    expect(actual.foreignKeys).toEqual(expected.foreignKeys);
    // Prisma maps DateTime to TIMESTAMP(3).
    expect(new Set(Object.values(actual.precision))).toEqual(new Set([3]));
  });

  it('are recorded in _prisma_migrations as Prisma does (sha256 checksum of the file) and are idempotent', async () => {
    expect(await migrate(db.runner)).toEqual([]);
    expect(await migrate(db.runner)).toEqual([]);
    const rows = await db.runner.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
      id: string;
    }>('SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
    const names = readMigrations().map((m) => m.name);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const r of rows) {
      const file = readFileSync(path.join(MIGRATIONS_DIR, r.migration_name, 'migration.sql'));
      expect(r.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
      expect(r.applied_steps_count).toBe(1);
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const cols = await db.runner.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(cols.map((c) => `${c.column_name}:${c.data_type}`)).toEqual([
      'id:character varying',
      'checksum:character varying',
      'finished_at:timestamp with time zone',
      'migration_name:character varying',
      'logs:text',
      'rolled_back_at:timestamp with time zone',
      'started_at:timestamp with time zone',
      'applied_steps_count:integer',
    ]);
  });

  it('a failing migration leaves nothing behind and stops the later ones; fixed, it applies', async () => {
    const dir = tempMigrations({
      '30000101000000_good': 'CREATE TABLE "t_good" ("x" INTEGER);',
      '30000102000000_bad': 'CREATE TABLE "t_bad" ("x" INTEGER);\nSELECT no_such_function();',
      '30000103000000_later': 'CREATE TABLE "t_later" ("x" INTEGER);',
    });
    await expect(migrate(db.runner, readMigrations(dir))).rejects.toThrow(/30000102000000_bad failed/);
    const tables = async () =>
      (
        await db.runner.query<{ table_name: string }>(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 't\\_%'`,
        )
      )
        .map((r) => r.table_name)
        .sort();
    expect(await tables()).toEqual(['t_good']);
    const recorded = async () =>
      (
        await db.runner.query<{ migration_name: string }>(
          `SELECT migration_name FROM "_prisma_migrations" WHERE migration_name LIKE '3000%' ORDER BY 1`,
        )
      ).map((r) => r.migration_name);
    expect(await recorded()).toEqual(['30000101000000_good']);
    writeFileSync(path.join(dir, '30000102000000_bad', 'migration.sql'), 'CREATE TABLE "t_bad" ("x" INTEGER);');
    expect(await migrate(db.runner, readMigrations(dir))).toEqual(['30000102000000_bad', '30000103000000_later']);
    expect(await tables()).toEqual(['t_bad', 't_good', 't_later']);
  });

  it('refuses to go on past a migration Prisma left unfinished', async () => {
    await db.runner.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, 'x', '40000101000000_stuck', now())`,
      ['00000000-0000-0000-0000-000000000001'],
    );
    const dir = tempMigrations({ '40000101000000_stuck': 'SELECT 1;' });
    await expect(migrate(db.runner, readMigrations(dir))).rejects.toThrow(/failed earlier/);
  });

  if (backend === 'postgres')
    it('two migrators at once: the advisory lock lets exactly one apply', async () => {
      const dir = tempMigrations({ '50000101000000_race': 'CREATE TABLE "t_race" ("x" INTEGER);' });
      const [a, b] = await Promise.all([
        migrate(db.runner, readMigrations(dir)),
        migrate(db.other!, readMigrations(dir)),
      ]);
      expect([...a, ...b]).toEqual(['50000101000000_race']);
    });

  it('the real migrations folder is in Prisma layout with a lock file for postgresql', () => {
    expect(readFileSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8')).toMatch(/provider = "postgresql"/);
    for (const m of readMigrations()) expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });
});

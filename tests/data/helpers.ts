// Test databases: every suite runs against PGlite (a fresh temp data dir) and, when
// TEST_DATABASE_URL is set, against that PostgreSQL server in a schema of its own, dropped
// afterwards. The process-wide singleton (lib/db getDb) is pointed at the chosen database,
// so route handlers are exercised exactly as in the app.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { closeDb, getDbHandle, openDatabase, type DbHandle } from '@/lib/db';
import { resetRateLimits } from '@/lib/auth/rate-limit';
import { PEER_HEADER } from '@/lib/http/client';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

export interface TestDb {
  handle: DbHandle;
  backend: Backend;
  cleanup(): Promise<void>;
}

export async function pgAdmin<T>(fn: (c: import('pg').Client) => Promise<T>): Promise<T> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh empty PostgreSQL schema (or PGlite dir) with nothing applied yet. */
export async function freshConfig(backend: Backend) {
  if (backend === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-test-pglite-'));
    return {
      config: { kind: 'pglite' as const, dir: path.join(dir, 'pglite') },
      env: { SAJILO_DATA_DIR: dir, DATABASE_URL: undefined },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `sajilo_test_${randomBytes(6).toString('hex')}`;
  await pgAdmin((c) => c.query(`CREATE SCHEMA "${schema}"`));
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.searchParams.set('schema', schema);
  return {
    config: { kind: 'postgres' as const, url: process.env.TEST_DATABASE_URL!, schema },
    env: { DATABASE_URL: url.toString(), SAJILO_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'sajilo-test-data-')) },
    drop: async () => {
      await pgAdmin((c) => c.query(`DROP SCHEMA "${schema}" CASCADE`));
    },
  };
}

/** Points the app's database singleton at a fresh, migrated database. */
export async function useTestDb(backend: Backend): Promise<TestDb> {
  await closeDb();
  resetRateLimits();
  process.env.NEXTAUTH_SECRET = TEST_SECRET;
  const fresh = await freshConfig(backend);
  for (const [k, v] of Object.entries(fresh.env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (backend === 'postgres') {
    // Production never migrates at start-up: do what `npm run db:migrate` does.
    const h = await openDatabase(fresh.config, { migrate: true });
    await h.close();
  }
  const handle = await getDbHandle();
  return {
    handle,
    backend,
    async cleanup() {
      await closeDb();
      await fresh.drop();
    },
  };
}

/** A real next-auth session cookie for a user, as the browser would send it. */
export async function sessionCookie(userId: string, secret = TEST_SECRET): Promise<string> {
  const token = await encode({ token: { sub: userId, email: `${userId}@example.org` }, secret });
  return `next-auth.session-token=${token}`;
}

let ipCounter = 0;
/** A distinct client IP per call, so rate limits of one test do not leak into another. */
/** A user in `db` and a session cookie that signs them in. */
export async function makeUser(db: TestDb, name: string): Promise<{ id: string; cookie: string }> {
  const id = randomUUID();
  await db.handle.prisma.user.create({ data: { id, email: `${name}-${id}@example.org`, name, updatedAt: new Date() } });
  return { id, cookie: await sessionCookie(id) };
}

export function nextIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export interface Call {
  method?: string;
  body?: unknown;
  rawBody?: string | Uint8Array;
  cookie?: string;
  ip?: string;
  headers?: Record<string, string>;
}

export function request(url: string, call: Call = {}): Request {
  const headers = new Headers(call.headers);
  if (call.cookie) headers.set('cookie', call.cookie);
  // The address the server stamps from the socket (lib/http/peer-stamp.ts).
  headers.set(PEER_HEADER, call.ip ?? '192.0.2.1');
  let body: BodyInit | undefined;
  if (call.rawBody !== undefined) body = call.rawBody as BodyInit;
  else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers.set('content-type', 'application/json');
  }
  return new Request(new URL(url, 'http://localhost:3000'), {
    method: call.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
  });
}

export const params = <T>(p: T) => ({ params: Promise.resolve(p) });

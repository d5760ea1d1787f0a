// GET /api/health and GET /api/ready against the real database (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), a database that cannot be reached (a URL to a closed port), and a
// server that has begun to shut down; the job queue's runner before it has started.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { GET as healthGET } from '@/app/api/health/route';
import { GET as readyGET } from '@/app/api/ready/route';
import { POST as runPOST } from '@/app/api/run/route';
import { resetConfigForTests } from '@/lib/config';
import { closeDb } from '@/lib/db';
import { runnerStatus } from '@/lib/ops/readiness';
import { setExecutorForTests } from '@/lib/run/executor';
import { resetShutdownForTests, shutDown } from '@/lib/ops/shutdown';
import { LAUNCHER } from '@/sandbox/index';
import { BACKENDS, useTestDb, type TestDb } from '../data/helpers';
import { get, postJson } from './helpers';

const sandboxBuilt = existsSync(LAUNCHER);

test('GET /api/health is 200 {"ok":true}, whatever the database does', async () => {
  const res = await healthGET(get('/api/health'));
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
  expect(res.headers.get('cache-control')).toBe('no-store');
});

describe.each(BACKENDS)('GET /api/ready (%s)', (backend) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await useTestDb(backend);
  });
  afterAll(async () => db?.cleanup());
  afterEach(() => resetShutdownForTests());

  test.skipIf(!sandboxBuilt)('is 200 with every part ok and the run queue idle', async () => {
    const res = await readyGET(get('/api/ready'));
    const body = await res.json();
    expect(body, JSON.stringify(body)).toMatchObject({
      ready: true,
      reasons: [],
      shuttingDown: false,
      database: { ok: true },
      sandbox: { ok: true },
      runs: { kind: 'in-process', ready: true, queued: 0, running: 0, workers: null },
    });
    expect(res.status).toBe(200);
    expect(typeof body.database.ms).toBe('number');
  });

  test('is 503 with the reason when the database cannot be reached', async () => {
    const url = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/nowhere'; // nothing listens on port 1
    try {
      const res = await readyGET(get('/api/ready'));
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.ready).toBe(false);
      expect(body.database.ok).toBe(false);
      expect(body.reasons.some((r: string) => r.startsWith('database unreachable: '))).toBe(true);
    } finally {
      await closeDb();
      if (url === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = url;
    }
    // And ready again once the database is back.
    const back = await readyGET(get('/api/ready'));
    expect((await back.json()).database.ok).toBe(true);
  });

  test('turns 503 the moment a shutdown begins, and new runs are refused with 503 shutting_down', async () => {
    await shutDown(0);
    const res = await readyGET(get('/api/ready'));
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ ready: false, shuttingDown: true });
    expect(body.reasons).toContain('the server is shutting down');

    const run = await runPOST(postJson('/api/run', { source: 'देखाउ(1)\n' }));
    expect(run.status).toBe(503);
    expect(run.headers.get('retry-after')).toBe('1');
    const refusal = await run.json();
    expect(refusal.error).toBe('shutting_down');
    expect(refusal.message).toMatch(/[\u0900-\u097F]/);
  });
});

describe('the run queue (SAJILO_EXECUTOR=queue) while it is not started', () => {
  const saved = { executor: process.env.SAJILO_EXECUTOR, url: process.env.DATABASE_URL };
  afterAll(() => {
    for (const [k, v] of [
      ['SAJILO_EXECUTOR', saved.executor],
      ['DATABASE_URL', saved.url],
    ] as const)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    resetConfigForTests();
    setExecutorForTests(null);
  });

  test('says at once that it is starting, then why it cannot start, never a readiness timeout', async () => {
    process.env.SAJILO_EXECUTOR = 'queue';
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/nowhere'; // nothing listens on port 1
    resetConfigForTests();
    setExecutorForTests(null);
    const first = await runnerStatus();
    expect(first).toMatchObject({ kind: 'queue', ready: false, reason: 'the run queue is starting', workers: 0 });
    await expect
      .poll(async () => (await runnerStatus()).reason, { timeout: 20_000 })
      .toMatch(/^the run queue is unreachable: /);
  });
});

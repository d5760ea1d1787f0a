// Graceful shutdown of a real production server: `npm start` (scripts/start.mjs, which leaves
// the signals to Sajilo) on the existing build, SIGTERM while a program runs. The readiness
// check turns 503 at once, a new run is refused with 503 shutting_down, the running program's
// answer arrives whole, and the process exits 0 with its PGlite data directory released.
// Skipped, saying why, without a fresh build (`npm test` makes one first).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error: a plain ES module script without type declarations
import { buildIsStale } from '../../scripts/build-if-stale.mjs';
import { anyFreePort } from '../server/next-server';

const root = path.resolve(import.meta.dirname, '../..');
const distDir = process.env.SAJILO_NEXT_DIST || '.next';
const noBuild = !existsSync(path.join(root, distDir, 'BUILD_ID'))
  ? `no production build in ${distDir}`
  : buildIsStale()
    ? `the build in ${distDir} is older than the sources`
    : null;
if (noBuild) console.warn(`[tests/ops] graceful server test skipped: ${noBuild}`);

const ENDLESS = 'जबसम्म सत्य\nअन्त्य\n';

describe.skipIf(noBuild)('SIGTERM to `npm start` while a program runs', () => {
  let child: ChildProcess;
  let origin: string;
  let dataDir: string;
  let output = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    const port = await anyFreePort();
    origin = `http://127.0.0.1:${port}`;
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-graceful-'));
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: String(port) };
    for (const k of ['DATABASE_URL', 'NEXTAUTH_SECRET', 'NEXTAUTH_URL', 'SAJILO_PUBLIC_URL', 'SAJILO_LOG_LEVEL'])
      delete env[k];
    child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, SAJILO_DATA_DIR: dataDir, SAJILO_SHUTDOWN_GRACE_SECONDS: '60' },
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
      const ready = await fetch(`${origin}/api/ready`).catch(() => null);
      if (ready?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`the server did not get ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 150_000);

  afterAll(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone, as it should be */
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('drains: ready 503 at once, new runs 503, the running one answered whole, exit 0', async () => {
    const running = fetch(`${origin}/api/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'graceful-run-1' },
      body: JSON.stringify({ source: ENDLESS }),
    });
    // The readiness route sees the run route's queue: one process, one state.
    for (let i = 0; ; i++) {
      const state = await (await fetch(`${origin}/api/ready`)).json();
      if (state.runs.running === 1) break;
      expect(i, 'the run never showed as running').toBeLessThan(400);
      await new Promise((r) => setTimeout(r, 50));
    }

    process.kill(child.pid!, 'SIGTERM');
    for (let i = 0; ; i++) {
      const ready = await fetch(`${origin}/api/ready`);
      const body = await ready.json();
      if (ready.status === 503) {
        expect(body).toMatchObject({ ready: false, shuttingDown: true, runs: { running: 1 } });
        break;
      }
      expect(i, 'ready never turned 503').toBeLessThan(100); // the signal's delivery, not the drain
      await new Promise((r) => setTimeout(r, 20));
    }
    const refused = await fetch(`${origin}/api/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'देखाउ(1)\n' }),
    });
    expect(refused.status).toBe(503);
    expect((await refused.json()).error).toBe('shutting_down');

    const answer = await running;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-request-id')).toBe('graceful-run-1');
    expect((await answer.json()).run.verdict).toBe('time_limit');

    expect(await exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pglite.lock')), 'the PGlite lock is released').toBe(false);
    const lines = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => l.requestId === 'graceful-run-1' && l.msg === 'run finished')).toBe(true);
    expect(lines.some((l) => String(l.msg).startsWith('shutting down'))).toBe(true);
  }, 120_000);
});

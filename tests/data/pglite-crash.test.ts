// The embedded database survives its process being killed mid-write (SIGKILL: no chance to
// close), and a second process is refused — clearly, not by hanging — while the first is alive.
import { describe, it, expect, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/lib/db';
import { readMigrations } from '@/lib/db/migrate';

const root = process.cwd();
const base = mkdtempSync(path.join(os.tmpdir(), 'sajilo-crash-'));
const dir = path.join(base, 'pglite');
afterAll(() => rmSync(base, { recursive: true, force: true }));

function startWriter(): { child: ChildProcess; written: string[]; waitFor: (n: number) => Promise<void> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'tests/data/fixtures/pglite-writer.ts'), dir],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const written: string[] = [];
  let buffer = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (d) => {
    buffer += d;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const l of lines) if (l.startsWith('wrote ')) written.push(l.slice(6));
    waiters.splice(0).forEach((w) => w());
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const waitFor = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (written.length >= n) return resolve();
        if (child.exitCode !== null) return reject(new Error(`writer exited: ${stderr}`));
        waiters.push(check);
      };
      child.once('exit', () => check());
      check();
    });
  return { child, written, waitFor };
}

describe('PGlite data directory', () => {
  it('reopens after the writing process was SIGKILLed, with every acknowledged write', async () => {
    const w = startWriter();
    await w.waitFor(25);
    // While it is alive, a second opener is refused at once with a clear message.
    await expect(openDatabase({ kind: 'pglite', dir })).rejects.toThrow(/in use by process \d+/);
    w.child.kill('SIGKILL');
    await new Promise((r) => w.child.once('exit', r));
    const acknowledged = [...w.written];
    expect(existsSync(path.join(base, 'pglite.lock'))).toBe(true); // left behind by the dead process

    const h = await openDatabase({ kind: 'pglite', dir });
    try {
      const found = await h.prisma.snippet.findMany({ where: { id: { in: acknowledged } }, select: { id: true } });
      expect(found.length).toBe(acknowledged.length);
      // Still writable and consistent.
      await h.prisma.snippet.create({ data: { id: 'afterKill001', source: 'ok' } });
      expect(await h.prisma.snippet.count({ where: { id: 'afterKill001' } })).toBe(1);
      const [{ n }] = await h.runner.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"');
      expect(n).toBe(readMigrations().length); // each applied once
    } finally {
      await h.close();
    }
    expect(existsSync(path.join(base, 'pglite.lock'))).toBe(false); // released on close
  }, 120_000);

  it('the same process cannot open it twice', async () => {
    const h = await openDatabase({ kind: 'pglite', dir });
    try {
      await expect(openDatabase({ kind: 'pglite', dir })).rejects.toThrow(/already open in this process/);
    } finally {
      await h.close();
    }
  });
});

// A production server for the HTTP suites: `next start` from the existing build, on a free
// loopback port in 3160–3169, in its own process group (stopped by group), with its own
// PGlite data directory and none of the origin settings (the defaults are what is tested).
// `npm test` makes the build first; run alone, the suites skip (saying why) without a fresh one.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error: a plain ES module script without type declarations
import { buildIsStale } from '../../scripts/build-if-stale.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const distDir = process.env.SAJILO_NEXT_DIST || '.next';

function buildProblem(): string | null {
  if (!existsSync(path.join(root, distDir, 'BUILD_ID')))
    return `no production build in ${distDir}: run \`npx next build\` first`;
  if (buildIsStale())
    return `the build in ${distDir} is older than the sources: run \`node scripts/build-if-stale.mjs\``;
  return null;
}

/** Why the suite cannot run here (no build, or a stale one), or null. */
export const noBuildReason = buildProblem();
if (noBuildReason) console.warn(`[tests/http] skipped: ${noBuildReason}`);

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export type Server = { origin: string; port: number; pgid: number; stop(): Promise<void>; log(): string };

export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  let port = 0;
  for (let p = 3160; p <= 3169 && !port; p++) if (await portIsFree(p)) port = p;
  if (!port) throw new Error('no free port in 3160–3169');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-http-'));
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const k of [
    'NEXTAUTH_URL',
    'SAJILO_PUBLIC_URL',
    'SAJILO_TRUSTED_PROXIES',
    'AUTH_TRUST_HOST',
    'DATABASE_URL',
    'NEXTAUTH_SECRET',
  ])
    delete clean[k];
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...clean, NODE_ENV: 'production', SAJILO_DATA_DIR: dataDir, ...env },
    },
  );
  child.stdout!.on('data', (d) => {
    output += d;
  });
  child.stderr!.on('data', (d) => {
    output += d;
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* gone */
    }
    await new Promise((r) => setTimeout(r, 300));
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${origin}/api/auth/csrf`);
      if (res.status < 500) return { origin, port, pgid: child.pid!, stop, log: () => output };
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the server did not start:\n${output}`);
}

/** The processes of a process group. */
function groupPids(pgid: number): string[] {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pgid; // field 5: the group
    } catch {
      return false; /* exited meanwhile */
    }
  });
}

function groupStatusMiB(pgid: number, field: 'VmRSS' | 'VmHWM'): number {
  let kib = 0;
  for (const pid of groupPids(pgid)) {
    try {
      kib += Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* exited meanwhile */
    }
  }
  return kib / 1024;
}

/** Resident memory of every process in the group, in MiB (from /proc). */
export function groupRssMiB(pgid: number): number {
  return groupStatusMiB(pgid, 'VmRSS');
}

/** Starts a peak measurement: each process's peak resident size (VmHWM) is reset to its
 *  current size (`clear_refs` 5). */
export function resetGroupPeakRss(pgid: number): void {
  for (const pid of groupPids(pgid)) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      /* exited meanwhile */
    }
  }
}

/** The peak resident size since `resetGroupPeakRss`, summed over the group. The kernel records
 *  each peak as it happens, so a brief one cannot fall between samples; the sum of the
 *  processes' peaks is at least the group's peak, so the measure errs on the strict side. */
export function groupPeakRssMiB(pgid: number): number {
  return groupStatusMiB(pgid, 'VmHWM');
}

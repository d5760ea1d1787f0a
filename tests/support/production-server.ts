// A production server (`next build` once, then `next start`) for tests and benchmarks that
// must see what users see: its own process group (stopped by the group, which also ends
// next-server), its own data directory, the first free port of `ports`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ProductionServer { baseURL: string; stop: () => Promise<void> }

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Builds the app when there is no build (set SAJILO_REBUILD=1 to force one), then serves it. */
export async function startProductionServer(options: { ports: number[]; env?: Record<string, string> }): Promise<ProductionServer> {
  const dist = process.env.SAJILO_NEXT_DIST || '.next';
  if (!existsSync(path.join(root, dist, 'BUILD_ID')) || process.env.SAJILO_REBUILD) {
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  let port: number | undefined;
  for (const candidate of options.ports) if (await portIsFree(candidate)) { port = candidate; break; }
  if (port === undefined) throw new Error(`no free port among ${options.ports.join(', ')}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-server-data-'));
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root, detached: true, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', SAJILO_DATA_DIR: dataDir, NEXTAUTH_URL: baseURL, ...options.env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => { try { process.kill(-child.pid!, signal); } catch { /* gone */ } };
  const stop = async () => {
    signalGroup('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    signalGroup('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 240; i++) {
    try { if ((await fetch(baseURL)).status < 500) return { baseURL, stop }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error('the production server did not start');
}

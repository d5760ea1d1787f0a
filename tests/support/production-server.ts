// A production server for tests and benchmarks that must see what users see, started as
// `npm start` starts it (scripts/start.mjs: builds first when the build is missing or older
// than the sources, then `next start`): its own process group (stopped by the group, which
// also ends next-server), its own data directory, the first free port of `ports`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ProductionServer {
  baseURL: string;
  stop: () => Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A build, when needed, takes minutes on a loaded machine. */
const START_TIMEOUT_MS = 15 * 60_000;

export async function startProductionServer(options: {
  ports: number[];
  env?: Record<string, string>;
}): Promise<ProductionServer> {
  let port: number | undefined;
  for (const candidate of options.ports)
    if (await portIsFree(candidate)) {
      port = candidate;
      break;
    }
  if (port === undefined) throw new Error(`no free port among ${options.ports.join(', ')}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-server-data-'));
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      SAJILO_DATA_DIR: dataDir,
      NEXTAUTH_URL: baseURL,
      ...options.env,
    },
  });
  let gone = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      gone = true;
      resolve();
    }),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* gone */
    }
  };
  const stop = async () => {
    signalGroup('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    signalGroup('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && !gone) {
    try {
      if ((await fetch(baseURL)).status < 500) return { baseURL, stop };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error('the production server did not start');
}

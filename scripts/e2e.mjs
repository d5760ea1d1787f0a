// End-to-end tests: Playwright drives Debian's Chromium against a production build served
// by `next start` on a free localhost port. The server runs in its own process group and
// is stopped by that group (killing npx alone leaves next-server running).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  // The browser comes from Debian (Playwright's own download cannot reach its host here).
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('[e2e] installing chromium and a Devanagari font from Debian…');
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-lohit-deva'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  return existsSync(CHROMIUM);
}

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

// Without a browser the specs are listed, not run: Playwright's JSON report then counts every
// one of them as skipped, so `npm test`'s final line does not pass over them in silence.
if (!ensureChromium()) {
  console.log(`[e2e] skipped: no Chromium at ${CHROMIUM} and it cannot be installed here; the specs, not run:`);
  const listed = spawnSync('npx', ['--no-install', 'playwright', 'test', '--list', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(listed.status ?? 1);
}

if (!process.env.E2E_SKIP_BUILD) {
  const built = buildIfStale();
  if (built !== 0) process.exit(built);
}

const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort();
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-e2e-data-'));
const server = spawn('npx', ['--no-install', 'next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
  cwd: root,
  detached: true, // own process group, so the whole tree can be stopped
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    SAJILO_DATA_DIR: dataDir,
    NEXTAUTH_URL: baseURL,
    // The tests run a program beside an endless one: that needs two run slots even on one core.
    SAJILO_RUN_CONCURRENCY: process.env.SAJILO_RUN_CONCURRENCY ?? String(Math.max(2, os.availableParallelism())),
    // Every test signs up from this one address: more than the default 10 an hour.
    SAJILO_SIGNUPS_PER_HOUR: '1000',
    // The server's request lines would bury Playwright's report; warnings and errors still show.
    SAJILO_LOG_LEVEL: process.env.SAJILO_LOG_LEVEL ?? 'warn',
  },
});
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {}
};
process.on('exit', stopServer);

let status = 1;
if (await waitForServer(baseURL, 60_000)) {
  const r = spawnSync('npx', ['--no-install', 'playwright', 'test', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: baseURL, CHROMIUM_PATH: CHROMIUM },
  });
  status = r.status ?? 1;
} else {
  console.error('[e2e] the server did not start');
}
stopServer();
await new Promise((r) => setTimeout(r, 500));
try {
  process.kill(-server.pid, 'SIGKILL');
} catch {}
process.exit(status);

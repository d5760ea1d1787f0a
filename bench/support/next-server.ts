// A production build of the app served by `next start` for the browser benchmarks (own
// process group, stopped by the group), and the table helpers they print with.
// BENCH_BASE_URL=http://host:port measures a server that is already running instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const dist = process.env.SAJILO_NEXT_DIST || '.next';

export const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
export const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
export function table(head: string[], rows: (string | number)[][]) {
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** `distDir` serves another build (e.g. one of an earlier commit, for a before/after table);
 *  it is never built here. BENCH_PORT picks the port (else a free one); another build's server
 *  takes the port after it. */
export async function startServer(options: { distDir?: string } = {}): Promise<{ baseURL: string; stop: () => void }> {
  if (process.env.BENCH_BASE_URL && !options.distDir) return { baseURL: process.env.BENCH_BASE_URL, stop: () => {} };
  const distDir = options.distDir ?? dist;
  if (options.distDir && !existsSync(path.join(root, distDir, 'BUILD_ID'))) throw new Error(`no build in ${distDir}`);
  if (!existsSync(path.join(root, distDir, 'BUILD_ID')) || (process.env.BENCH_BUILD && !options.distDir)) {
    console.log(`[bench] building the app into ${distDir}…`);
    const b = spawnSync('npx', ['--no-install', 'next', 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('next build failed');
  }
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) + (options.distDir ? 1 : 0) : await freePort();
  const child = spawn('npx', ['--no-install', 'next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', SAJILO_NEXT_DIST: distDir },
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* gone */
    }
  };
  process.on('exit', stop);
  const baseURL = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(baseURL)).status < 500) return { baseURL, stop };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error('the server did not start');
}

// A production server for tests: `next start` on the last `next build`, in its own process
// group on a free port (3140–3149 first), stopped by group. Requests go through node:http so a
// test can choose the client's local address (any of 127.0.0.0/8 reaches the server) and
// close a connection mid-request, as a real client going away does.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const distDir = process.env.SAJILO_NEXT_DIST || '.next';

/** Why the server cannot be started here, or null. */
export function serverUnavailable(): string | null {
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) return `no production build in ${distDir}: run npx next build`;
  return null;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer().once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A port nobody listens on now (the OS picks it). */
export function anyFreePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  host: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** `port`: this one (e.g. anyFreePort()), else the first free of 3140–3149. */
export async function startServer(env: Record<string, string> = {}, port = 0): Promise<TestServer> {
  for (let p = 3140; p <= 3149 && !port; p++) if (await portFree(p)) port = p;
  port ||= await anyFreePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-server-test-'));
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SAJILO_DATA_DIR: dataDir, NEXTAUTH_URL: `http://127.0.0.1:${port}`, ...env },
  });
  const server: TestServer = {
    host: '127.0.0.1',
    port,
    pid: child.pid!,
    async stop() {
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
    },
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await request(server, { method: 'GET', path: '/' })).status < 500) return server;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error('the server did not start');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  method?: string;
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (with a content-type header of the caller's). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** The client's own address (e.g. 127.0.0.23): another client, as the server sees it. */
  from?: string;
  /** Aborting closes the connection mid-request. */
  signal?: AbortSignal;
}

export function request(server: TestServer, o: RequestOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
    const req = http.request(
      {
        host: server.host,
        port: server.port,
        method: o.method ?? 'POST',
        path: o.path,
        agent: false,
        headers: { ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
        ...(o.from ? { localAddress: o.from } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Compiled programs (the sandbox names them `<cache key>.exe`) running under `pid`. */
export function programsUnder(pid: number): number[] {
  const parent = new Map<number, number>();
  const programs: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      parent.set(Number(e), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (/^[0-9a-z]+\.exe\0$/.test(readFileSync(`/proc/${e}/cmdline`, 'utf8'))) programs.push(Number(e));
    } catch {
      /* gone */
    }
  }
  return programs.filter((p) => {
    for (let q: number | undefined = p; q && q > 1; q = parent.get(q)) if (q === pid) return true;
    return false;
  });
}

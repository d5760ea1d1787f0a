// Accounts and snippets against a real production server (`next build` output served by
// `next start` in its own process group, embedded PGlite in a temporary data directory):
// malformed ids, bad callbackUrls, the sign-in race through next-auth itself, sign-out ending a
// copied session cookie, weak passwords, the anonymous daily cap and NUL characters.
//
// Uses the build in $SAJILO_NEXT_DIST (default .next), rebuilt first when older than the sources
// (scripts/build-if-stale.mjs, as npm test and npm start do).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SIGN_IN_POLICY } from '@/lib/auth/sign-in-limiter';

const root = path.resolve(import.meta.dirname, '../..');
const distDir = process.env.SAJILO_NEXT_DIST || '.next';
const PASSWORD = 'सजिलो-password-1';
const ANON_PER_DAY = 3;

async function freePort(): Promise<number> {
  for (let port = 3150; port <= 3159; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer().once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 3150–3159');
}

let server: ChildProcess | undefined;
let base = '';
let dataDir = '';

beforeAll(async () => {
  // The shared production build (npm test makes it first); built here only when stale.
  const b = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.mjs')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SAJILO_NEXT_DIST: distDir },
  });
  if (b.status !== 0) throw new Error('next build failed');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-server-test-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    SAJILO_NEXT_DIST: distDir,
    SAJILO_DATA_DIR: dataDir,
    SAJILO_ANON_SHARES_PER_DAY: String(ANON_PER_DAY),
    NEXTAUTH_URL: base,
  };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_SECRET;
  server = spawn('npx', ['--no-install', 'next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    detached: true,
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/auth/csrf`)).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}, 600_000);

afterAll(() => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]);

async function csrf(cookie = ''): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${base}/api/auth/csrf`, { headers: cookie ? { cookie } : {} });
  const { csrfToken } = await res.json();
  return { token: csrfToken, cookie: [cookie, ...cookiesOf(res)].filter(Boolean).join('; ') };
}

/** Signs in through next-auth's credentials callback as the browser form does. */
async function signIn(email: string, password: string, c?: { token: string; cookie: string }) {
  c ??= await csrf();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: c.cookie, origin: base },
    body: new URLSearchParams({ email, password, csrfToken: c.token, json: 'true' }),
  });
  // next-auth answers a wrong password 401 {"url": …?error=CredentialsSignin}; our refusal is 429.
  const body = res.status === 429 ? null : await res.json().catch(() => null);
  const error = body?.url ? new URL(body.url, base).searchParams.get('error') : null;
  const session = cookiesOf(res).find((c) => c.startsWith('next-auth.session-token='));
  return { status: res.status, error, session };
}

async function signUp(email: string, password = PASSWORD) {
  return fetch(`${base}/api/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
}

let n = 0;
const newEmail = () => `server-${Date.now()}-${++n}@example.org`;

describe('a production server', () => {
  it('answers 404 for malformed ids on every id route, page and API alike', async () => {
    const cases: [string, string][] = [
      ['GET', '/api/snippets/%ff'],
      ['PATCH', '/api/snippets/%ff'],
      ['DELETE', '/api/snippets/%ff'],
      ['POST', '/api/snippets/%ff/fork'],
      ['GET', '/s/%ff'],
      ['GET', '/s/%E0%A4'],
      ['GET', '/examples/%ff'],
      ['GET', '/api/snippets/abc'],
      ['POST', '/api/snippets/..%2f..%2fetc/fork'],
      ['GET', '/s/%00'],
    ];
    for (const [method, url] of cases) {
      const res = await fetch(base + url, { method, headers: { origin: base } });
      expect(res.status, `${method} ${url}`).toBe(404);
      if (url.startsWith('/api/')) {
        expect(await res.json(), `${method} ${url}`).toMatchObject({
          error: expect.any(String),
          message: expect.any(String),
          messageEn: expect.any(String),
        });
      }
    }
  });

  it('a callbackUrl that is not a valid URL is a 4xx (or ignored), never a 500', async () => {
    for (const q of ['http://%5B::1', '%ff', 'http://', 'javascript:alert(1)', 'http://a b']) {
      const res = await fetch(`${base}/api/auth/signin?callbackUrl=${q}`, { redirect: 'manual' });
      expect(res.status, q).toBeLessThan(500);
      const page = await fetch(`${base}/signin?callbackUrl=${q}`);
      expect(page.status, q).toBe(200);
    }
    const badCookie = await fetch(`${base}/api/auth/session`, {
      headers: { cookie: 'next-auth.callback-url=http://%5B::1' },
    });
    // A callback-url cookie next-auth did not write (not a URL) is dropped before next-auth
    // reads it: the session answer goes on as if it were absent.
    expect(badCookie.status).toBe(200);
    expect(await badCookie.json()).toEqual({});
    // In a form body (the credentials callback and sign-out), next-auth's redirect callback sees it.
    const c = await csrf();
    const res = await fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: c.cookie, origin: base },
      body: new URLSearchParams({
        email: newEmail(),
        password: 'wrong',
        csrfToken: c.token,
        callbackUrl: 'http://[::1',
        json: 'true',
      }),
    });
    expect(res.status).toBeLessThan(500);
  });

  it('40 parallel wrong guesses through next-auth: at most the limit are evaluated, none signs in', async () => {
    const email = newEmail();
    expect((await signUp(email)).status).toBe(201);
    const c = await csrf();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(email, `wrong-guess-${i}`, c)));
    const evaluated = results.filter((r) => r.error === 'CredentialsSignin').length;
    const refused = results.filter((r) => r.status === 429 || r.error === 'RateLimited').length;
    expect(evaluated).toBeLessThanOrEqual(SIGN_IN_POLICY.pair.points);
    expect(evaluated).toBeGreaterThan(0);
    expect(evaluated + refused).toBe(40);
    expect(results.some((r) => r.session)).toBe(false);
    const right = await signIn(email, PASSWORD, c);
    expect(right.session).toBeUndefined();
    expect(right.status === 429 || right.error === 'RateLimited').toBe(true);
  });

  it('sign-out ends the session for real: a cookie copied before no longer works afterwards', async () => {
    const email = newEmail();
    expect((await signUp(email)).status).toBe(201);
    const { session } = await signIn(email, PASSWORD);
    expect(session).toBeTruthy();
    const copied = session!;
    expect((await fetch(`${base}/api/me/snippets`, { headers: { cookie: copied } })).status).toBe(200);
    expect((await (await fetch(`${base}/api/auth/session`, { headers: { cookie: copied } })).json()).user?.email).toBe(
      email,
    );
    const share = await fetch(`${base}/api/snippets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: copied, origin: base },
      body: JSON.stringify({ source: 'लेख "नमस्ते"' }),
    });
    expect(share.status).toBe(201);
    const { id } = await share.json();

    // Sign out as the browser does (the user menu's signOut()): csrf token, then POST.
    const c = await csrf(copied);
    const out = await fetch(`${base}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: c.cookie, origin: base },
      body: new URLSearchParams({ csrfToken: c.token, callbackUrl: base, json: 'true' }),
    });
    expect(out.status).toBe(200);

    // The copy, replayed: signed out everywhere.
    expect((await fetch(`${base}/api/me/snippets`, { headers: { cookie: copied } })).status).toBe(401);
    expect(await (await fetch(`${base}/api/auth/session`, { headers: { cookie: copied } })).json()).toEqual({});
    const edit = await fetch(`${base}/api/snippets/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: copied, origin: base },
      body: JSON.stringify({ source: 'x', version: 1 }),
    });
    expect(edit.status).toBe(401);
    const me = await fetch(`${base}/me`, { headers: { cookie: copied }, redirect: 'manual' });
    expect(await me.text()).not.toContain(email);
    // Signing in again gives a new session that works.
    const again = await signIn(email, PASSWORD);
    expect((await fetch(`${base}/api/me/snippets`, { headers: { cookie: again.session! } })).status).toBe(200);
  });

  it('sign-up refuses 12345678 and eight spaces, saying why in Nepali and English', async () => {
    for (const password of ['12345678', '        ', 'password', 'qwertyuiop']) {
      const res = await signUp(newEmail(), password);
      expect(res.status, JSON.stringify(password)).toBe(400);
      const body = await res.json();
      expect(body.messageEn, password).toMatch(/weak password/);
      expect(body.message, password).toMatch(/पासवर्ड कमजोर/);
    }
    expect((await signUp(newEmail(), 'correct horse battery staple')).status).toBe(201);
  });

  it('anonymous shares: the daily cap per address answers 429 with a clear message', async () => {
    const share = (source: string) =>
      fetch(`${base}/api/snippets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ source }),
      });
    for (let i = 0; i < ANON_PER_DAY; i++) expect((await share(`लेख ${i}`)).status).toBe(201);
    const capped = await share('लेख "थप"');
    expect(capped.status).toBe(429);
    expect(Number(capped.headers.get('retry-after'))).toBeGreaterThan(3600);
    const body = await capped.json();
    expect(body.messageEn).toMatch(/daily limit of anonymous shares/);
    expect(body.message).toMatch(/साइन इन/);
  });

  it('NUL and unpaired surrogates in source, stdin or title: 400 saying why, nothing stored', async () => {
    const email = newEmail();
    await signUp(email);
    const { session } = await signIn(email, PASSWORD);
    for (const body of [
      { source: 'a\u0000b' },
      { source: 'x', stdin: '\u0000' },
      { source: 'x', title: 'a\ud800' },
      { source: '\udc00' },
    ]) {
      const res = await fetch(`${base}/api/snippets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session!, origin: base },
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).messageEn).toMatch(/NUL|surrogate|control/);
    }
    expect(await (await fetch(`${base}/api/me/snippets`, { headers: { cookie: session! } })).json()).toEqual([]);
  });
});

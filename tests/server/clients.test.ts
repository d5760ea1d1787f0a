// Clients on a production server (`next build` + `next start`), told apart by their real
// socket addresses (127.0.0.x): a run whose client goes away frees its slot at once, spoofed
// forwarding headers make one client neither many nor someone else (for the run queue and for
// next-auth's sign-in), a dozen greedy clients cannot keep a thirteenth one out, and behind a
// trusted proxy the address it appended is the client.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RUN_LIMITS } from '@/lib/run';
import { programsUnder, request, serverUnavailable, startServer, type Reply, type TestServer } from './next-server';

const HELLO = { source: 'देखाउ("नमस्ते")\n' };
const ENDLESS = { source: 'जबसम्म सत्य\nअन्त्य\n' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: TestServer;

async function until(what: string, ok: () => boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function expect429(r: Reply) {
  expect(r.status).toBe(429);
  expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  const body = JSON.parse(r.body);
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'messageEn']);
  expect(body.error).toBe('overloaded');
}

describe.skipIf(serverUnavailable())('the run queue on a production server', () => {
  beforeAll(async () => {
    server = await startServer({
      SAJILO_RUN_CONCURRENCY: '2',
      SAJILO_RUN_PER_CLIENT: '2',
      SAJILO_RUN_QUEUE: '8',
      SAJILO_TRUSTED_PROXIES: '0',
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test.each([
    ['JSON', {}],
    ['NDJSON', { accept: 'application/x-ndjson' }],
  ])('a %s /api/run whose client disconnects stops its program and frees the slot at once', async (form, headers) => {
    const gone = new AbortController();
    // Client A takes both slots with endless programs.
    const a = [0, 1].map(() =>
      request(server, { path: '/api/run', body: ENDLESS, headers, from: '127.0.0.40', signal: gone.signal }).catch(
        (e: Error) => e,
      ),
    );
    await until('both endless programs to run', () => programsUnder(server.pid).length >= 2);
    // Client B waits for a slot.
    const bStart = Date.now();
    const b = request(server, { path: '/api/run', body: HELLO, from: '127.0.0.41' });
    await sleep(100);
    const disconnected = Date.now();
    gone.abort();
    const rb = await b;
    const afterDisconnect = Date.now() - disconnected;
    expect(rb.status).toBe(200);
    expect(JSON.parse(rb.body).run).toMatchObject({ verdict: 'ok', stdout: 'नमस्ते\n' });
    // Without the abort B would wait until an endless program reached its CPU limit, which a
    // one-thread program cannot do in less wall time than the limit itself, however loaded the
    // machine: an answer sooner than that shows the disconnect freed the slot.
    expect(afterDisconnect).toBeLessThan(RUN_LIMITS.cpuMs);
    for (const r of await Promise.all(a)) expect(r).toBeInstanceOf(Error);
    await until('no program left', () => programsUnder(server.pid).length === 0, 2000);
    console.log(
      `[run-queue] ${form}: B queued ${disconnected - bStart} ms, done ${afterDisconnect} ms after A disconnected`,
    );
  });

  test('spoofed X-Forwarded-For or peer headers do not make one client many', async () => {
    const gone = new AbortController();
    const spoof = (i: number) => ({
      'x-forwarded-for': `198.51.100.${i}`,
      'x-sajilo-peer-address': `203.0.113.${i}`,
      'x-real-ip': `192.0.2.${i}`,
    });
    const held = [1, 2].map((i) =>
      request(server, {
        path: '/api/run',
        body: ENDLESS,
        from: '127.0.0.50',
        headers: spoof(i),
        signal: gone.signal,
      }).catch((e: Error) => e),
    );
    await until('both programs to run', () => programsUnder(server.pid).length >= 2);
    // Its share (2) is full whatever it claims to be...
    for (const i of [3, 4, 5])
      expect429(await request(server, { path: '/api/run', body: HELLO, from: '127.0.0.50', headers: spoof(i) }));
    // ...while another address is queued, not refused.
    const other = request(server, { path: '/api/run', body: HELLO, from: '127.0.0.51', headers: spoof(3) });
    await sleep(100);
    gone.abort();
    const r = await other;
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).run.verdict).toBe('ok');
    await Promise.all(held);
  });

  test("next-auth's authorize sees the socket address too: failed sign-ins count per address, whatever the headers say", async () => {
    const { SIGN_IN_POLICY } = await import('@/lib/auth/sign-in-limiter');
    const csrf = async (from: string) => {
      const r = await request(server, { method: 'GET', path: '/api/auth/csrf', from });
      const cookie = ([] as string[])
        .concat(r.headers['set-cookie'] ?? [])
        .map((c) => c.split(';')[0])
        .join('; ');
      return { token: JSON.parse(r.body).csrfToken as string, cookie };
    };
    const signIn = async (from: string, i: number, spoofed: Record<string, string> = {}) => {
      const { token, cookie } = await csrf(from);
      const form = new URLSearchParams({
        email: `nobody-${from}-${i}@example.org`,
        password: 'wrong password 123',
        csrfToken: token,
        json: 'true',
      });
      return request(server, {
        path: '/api/auth/callback/credentials',
        from,
        rawBody: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...spoofed },
      });
    };
    const limit = SIGN_IN_POLICY.address.points; // one address, any account
    for (let i = 0; i < limit; i += 6) {
      // six at a time: each one hashes a password
      const batch = Array.from({ length: Math.min(6, limit - i) }, (_, k) => i + k);
      for (const r of await Promise.all(
        batch.map((j) =>
          signIn('127.0.0.60', j, { 'x-forwarded-for': `198.51.100.${j}`, 'x-sajilo-peer-address': `203.0.113.${j}` }),
        ),
      )) {
        expect(r.status).not.toBe(429);
        expect(r.body).not.toContain('RateLimited');
      }
    }
    // Every failure above was counted against 127.0.0.60 (by authorize), none against the
    // addresses it claimed: it is now refused before next-auth runs...
    const locked = await signIn('127.0.0.60', limit, { 'x-forwarded-for': '198.51.100.250' });
    expect(locked.status).toBe(429);
    // ...while another address signs in (and fails) as usual.
    const other = await signIn('127.0.0.61', 0);
    expect(other.status).not.toBe(429);
    expect(other.body).not.toContain('RateLimited');
  }, 180_000);

  test("12 clients looping endless programs; a 13th client's hello world completes within the wall limit + 1 s", async () => {
    const stop = new AbortController();
    const greedy = Array.from({ length: 12 }, (_, i) => `127.0.0.${10 + i}`);
    const served = new Set<string>();
    const refused: string[] = [];
    const unexpected: string[] = [];
    const loop = async (from: string) => {
      while (!stop.signal.aborted) {
        const r = await request(server, { path: '/api/run', body: ENDLESS, from, signal: stop.signal }).catch(
          () => null,
        );
        if (!r) continue;
        if (r.status === 200) served.add(from);
        else if (r.status === 429) {
          expect429(r);
          refused.push(from);
          await sleep(25);
        } else unexpected.push(`${from}: ${r.status} ${r.body.slice(0, 200)}`);
      }
    };
    const loops = greedy.map(loop);
    try {
      // Every greedy client has had a turn: from now on the queue is full of them.
      await until('every greedy client to be served once', () => served.size === greedy.length, 120_000);
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = Date.now();
        const r = await request(server, { path: '/api/run', body: HELLO, from: '127.0.0.30' });
        times.push(Date.now() - t0);
        expect(r.status).toBe(200);
        expect(JSON.parse(r.body).run).toMatchObject({ verdict: 'ok', stdout: 'नमस्ते\n' });
      }
      console.log(
        `[run-queue] 13th client's hello world: ${times.join(', ')} ms; greedy 429s so far: ${refused.length}`,
      );
      for (const t of times) expect(t).toBeLessThanOrEqual(RUN_LIMITS.wallMs + 1000);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((c) => greedy.includes(c))).toBe(true);
      expect(unexpected).toEqual([]);
    } finally {
      stop.abort();
      await Promise.all(loops);
    }
    await until('no program left', () => programsUnder(server.pid).length === 0, 3000);
  }, 240_000);
});

describe.skipIf(serverUnavailable())('behind one trusted proxy (SAJILO_TRUSTED_PROXIES=1)', () => {
  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startServer({
      SAJILO_RUN_CONCURRENCY: '2',
      SAJILO_RUN_PER_CLIENT: '1',
      SAJILO_TRUSTED_PROXIES: '1',
    });
  });
  afterAll(async () => {
    await proxied?.stop();
  });

  test('the client is the address the proxy appended; what the client wrote before it does not count', async () => {
    const gone = new AbortController();
    const viaProxy = (xff: string) =>
      request(proxied, {
        path: '/api/run',
        body: ENDLESS,
        from: '127.0.0.70',
        headers: { 'x-forwarded-for': xff },
        signal: gone.signal,
      });
    const first = viaProxy('198.51.100.1').catch((e: Error) => e);
    await until('the first program to run', () => programsUnder(proxied.pid).length >= 1);
    // The same client (the proxy appended 198.51.100.1) claiming other addresses first: refused.
    expect429(await viaProxy('6.6.6.6, 198.51.100.1'));
    expect429(await viaProxy('6.6.6.6,7.7.7.7,198.51.100.1'));
    // Another client behind the same proxy gets its own share.
    const second = viaProxy('198.51.100.2').catch((e: Error) => e);
    await until('the second program to run', () => programsUnder(proxied.pid).length >= 2);
    gone.abort();
    for (const r of await Promise.all([first, second])) expect(r).toBeInstanceOf(Error);
    await until('no program left', () => programsUnder(proxied.pid).length === 0, 3000);
  });
});

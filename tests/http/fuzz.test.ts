// A generated fuzz of every route of a real production server: random methods, paths, ids,
// bodies (JSON of the right and wrong shapes, bytes, broken UTF-8, NUL, deep nesting),
// media types, content encodings and headers. Loopback only, bounded in count and time.
// Every answer must come within the bound and never be a 5xx. FUZZ_SEED repeats a run.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import http from 'node:http';
import { noBuildReason, startServer, type Server } from './server';

const COUNT = Number(process.env.FUZZ_COUNT ?? 300);
const ANSWER_BOUND_MS = 20_000; // a run may wait for its compile and its wall limit under load
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

let server: Server;
let sharedId = 'aaaaaaaa';
beforeAll(async () => {
  if (noBuildReason) return;
  server = await startServer();
  const res = await fetch(`${server.origin}/api/snippets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ source: 'देखाउ(१)' }),
  });
  if (res.status === 201) sharedId = (await res.json()).id;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** mulberry32: a small seeded generator, so a failing run can be repeated exactly. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}

type Case = { method: string; path: string; headers: Record<string, string>; body?: Buffer };

function makeCase(g: ReturnType<typeof generator>): Case {
  const id = () =>
    g.pick([
      sharedId,
      'zzzzzzzz',
      'a',
      'नमस्ते',
      '..',
      '%2e%2e',
      'x'.repeat(g.int(3000)),
      encodeURIComponent('\u0000'),
      '%20',
      '-',
      '0',
      '%ff',
      '%E0%A4',
      '%',
      '%%30',
    ]);
  const path =
    g.pick([
      '/api/run',
      '/api/check',
      '/api/snippets',
      `/api/snippets/${id()}`,
      `/api/snippets/${id()}/fork`,
      `/api/snippets/${id()}/restore`,
      '/api/shares',
      '/api/me/snippets',
      '/api/signup',
      `/api/auth/${g.pick(['csrf', 'session', 'providers', 'signin', 'signout', 'callback/credentials', 'signin/credentials', 'error', '_log', 'verify-request', 'callback/github', id()])}`,
      `/api/${id()}`,
      '/',
      '/guide',
      '/examples',
      `/examples/${id()}`,
      '/try',
      '/me',
      '/signin',
      '/signup',
      `/s/${id()}`,
    ]) +
    g.pick([
      '',
      '',
      `?callbackUrl=${g.pick(['/', 'http://evil.example', '%', 'javascript:alert(1)', '//evil.example'])}`,
      '?error=x',
      '?q=%E0%A4',
      `?x=${'y'.repeat(g.int(4000))}`,
    ]);
  const method = g.pick(['GET', 'GET', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
  const headers: Record<string, string> = {};
  if (g.next() < 0.7)
    headers['content-type'] = g.pick([
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=--x',
      'application/octet-stream',
      'application/json; charset=latin1',
      '',
    ]);
  if (g.next() < 0.2) headers['content-encoding'] = g.pick(['gzip', 'br', 'deflate', 'x-nonsense', 'identity']);
  if (g.next() < 0.3) headers.accept = g.pick(['application/x-ndjson', 'text/html', '*/*', 'application/json']);
  if (g.next() < 0.3) headers.origin = g.pick(['http://evil.example', 'null', 'http://127.0.0.1:3000', server.origin]);
  if (g.next() < 0.2) headers['sec-fetch-site'] = g.pick(['cross-site', 'same-site', 'same-origin', 'none', 'garbage']);
  if (g.next() < 0.3) headers['x-forwarded-for'] = g.pick(['1.2.3.4', '::1, 10.0.0.1', 'not an ip', 'x'.repeat(500)]);
  if (g.next() < 0.2) headers['x-forwarded-host'] = g.pick(['evil.example', 'a b', '', 'x'.repeat(300)]);
  if (g.next() < 0.2) headers['x-forwarded-proto'] = g.pick(['https', 'gopher', '']);
  if (g.next() < 0.2)
    headers.cookie = g.pick([
      'next-auth.session-token=garbage',
      'next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z',
      '=; ; a',
      `next-auth.csrf-token=${'%'.repeat(50)}`,
    ]);
  if (g.next() < 0.1) headers.range = 'bytes=0-1';

  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD' && g.next() < 0.85) {
    const source = g.pick([
      'देखाउ(१)',
      'देखाउ("नमस्ते")',
      '',
      '\u0000',
      'जबसम्म (सत्य) {}',
      '@'.repeat(g.int(2000)),
      'क'.repeat(g.int(30000)),
      '\ud800',
    ]);
    const shaped = g.pick<unknown>([
      { source },
      { source, stdin: g.pick(['', '\u0000', '१ २']) },
      { source, latinDigits: g.pick([true, 'yes', null]) },
      { title: g.pick(['t', '', 'x'.repeat(500), null]), source },
      { version: g.pick([1, -1, 1e308, '1']), source },
      {
        email: g.pick(['a@b.org', 'bad', '']),
        password: g.pick(['12345678', '        ', 'correct horse battery']),
        name: 'N',
      },
      null,
      [],
      42,
      'string',
      { source: { nested: true } },
      { ['__proto__']: { polluted: true } },
    ]);
    body = g.pick([
      () => Buffer.from(JSON.stringify(shaped)),
      () => Buffer.from(JSON.stringify(shaped).slice(0, g.int(20))),
      () => Buffer.from(`${'['.repeat(5000)}${']'.repeat(5000)}`),
      () => Buffer.from(Array.from({ length: g.int(2048) }, () => g.int(256))),
      () => Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      () => Buffer.from(`csrfToken=x&email=a%40b.org&password=${'p'.repeat(g.int(100))}&json=true`),
      () => Buffer.alloc(g.int(3) * 600 * 1024, 0x61),
    ])();
    if (g.next() < 0.5) headers['transfer-encoding'] = 'chunked';
  }
  return { method, path, headers, body };
}

/** Sends one case; resolves on the status line. With `late`, the body follows the headers
 *  only after a pause, so an answer given without reading the body is seen before the
 *  server closes the connection (closing on unread data resets it, which can destroy the
 *  answer in flight: a harness artefact, not a missing answer). */
function send(c: Case, late = false): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      `${server.origin}${c.path}`,
      { method: c.method, headers: c.headers, timeout: ANSWER_BOUND_MS, agent: false },
      (res) => {
        answered = true;
        // The status is the answer; an endless run's stream is not waited for.
        resolve({ status: res.statusCode!, ms: Date.now() - started });
        res.resume();
        setTimeout(() => req.destroy(), 2000).unref();
      },
    );
    req.on('timeout', () => {
      req.destroy();
      reject(new Error(`no answer within ${ANSWER_BOUND_MS} ms`));
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const finish = () => {
      if (answered) return;
      if (c.body) req.write(c.body);
      req.end();
    };
    if (late) {
      req.flushHeaders();
      setTimeout(finish, 500);
    } else finish();
  });
}

async function answer(c: Case) {
  try {
    return await send(c);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (c.body && (code === 'ECONNRESET' || code === 'EPIPE')) return send(c, true);
    throw e;
  }
}

describe.skipIf(noBuildReason)('fuzz every route', () => {
  test(
    `${COUNT} generated requests: no 5xx, each answered within ${ANSWER_BOUND_MS / 1000} s (seed ${SEED})`,
    async () => {
      const g = generator(SEED);
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      let slowest = 0;
      for (let i = 0; i < COUNT; i++) {
        const c = makeCase(g);
        const label = `#${i} ${c.method} ${c.path.slice(0, 120)} ${JSON.stringify(c.headers).slice(0, 300)} body=${c.body?.length ?? 'none'}`;
        try {
          const { status, ms } = await answer(c);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          slowest = Math.max(slowest, ms);
          if (status >= 500) failures.push(`${status} ${label}`);
        } catch (e) {
          failures.push(`${(e as Error).message} ${label}`);
        }
      }
      console.log(
        `[fuzz] seed ${SEED}: ${COUNT} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, slowest ${slowest} ms`,
      );
      expect(failures, server.log().slice(-4000)).toEqual([]);
    },
    20 * 60_000,
  );
});

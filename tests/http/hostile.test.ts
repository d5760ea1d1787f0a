// The HTTP edges against a real production server (`next build` output, `next start` on a
// port in 3160–3169, no NEXTAUTH_URL): oversized chunked bodies on every route that takes one
// (server memory measured from /proc), media types, cross-origin writes, security headers on
// pages, API answers and static files, link previews, and signing in and out on this port.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import http from 'node:http';
import { groupPeakRssMiB, groupRssMiB, noBuildReason, resetGroupPeakRss, startServer, type Server } from './server';

let server: Server;
beforeAll(async () => {
  if (!noBuildReason) server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

type Sent = { status: number; bytesSent: number; body: string };

/** Streams `total` bytes as a chunked body (never a Content-Length), stopping as soon as the
 *  server answers; honours back-pressure, so a server that stops reading stops the sender. */
function sendChunked(path: string, method: string, headers: Record<string, string>, total: number): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = http.request(
      `${server.origin}${path}`,
      { method, agent: false, headers: { ...headers, 'transfer-encoding': 'chunked' } },
      (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          if (body.length < 4096) body += d;
        });
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode!, bytesSent, body });
        });
      },
    );
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    // One chunk per turn of the event loop, so an answer is read before the next write: a
    // server that answers and closes would otherwise reset the connection under our writes,
    // and the reset can destroy its answer before we parse it.
    const pump = () => {
      if (answered) return;
      if (bytesSent >= total) {
        req.end();
        return;
      }
      bytesSent += chunk.length;
      if (req.write(chunk)) setImmediate(pump);
      else req.once('drain', () => setImmediate(pump));
    };
    pump();
  });
}

/** The same, tried again (at most six times in all) when the connection is reset before the
 *  answer is parsed: a server that answers and closes while we still write can race its reset
 *  past its own answer. The answer itself must still be seen. On a loaded machine (CI with
 *  browsers running) three tries in a row once lost that race; each try is independent. */
async function sendChunkedSeen(
  path: string,
  method: string,
  headers: Record<string, string>,
  total: number,
): Promise<Sent> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendChunked(path, method, headers, total);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt === 6 || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw e;
    }
  }
}

const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };

describe.skipIf(noBuildReason)('hostile HTTP against next start', () => {
  const BODY_ROUTES: [string, string, Record<string, string>][] = [
    ['POST', '/api/run', JSON_TYPE],
    ['POST', '/api/check', JSON_TYPE],
    ['POST', '/api/snippets', JSON_TYPE],
    ['PATCH', '/api/snippets/abcdefgh', JSON_TYPE],
    ['POST', '/api/snippets/abcdefgh/fork', JSON_TYPE],
    ['POST', '/api/shares', JSON_TYPE],
    ['POST', '/api/signup', JSON_TYPE],
    ['POST', '/api/auth/callback/credentials', FORM_TYPE],
    ['POST', '/api/auth/signout', FORM_TYPE],
    ['POST', '/api/auth/signin/credentials', FORM_TYPE],
  ];

  test('chunked bodies of hundreds of MB: 413 on every body route, server memory stays flat', async () => {
    const before = groupRssMiB(server.pgid);
    resetGroupPeakRss(server.pgid);
    for (const [method, path, headers] of BODY_ROUTES) {
      const sent = await sendChunkedSeen(path, method, headers, 400 * 1024 * 1024);
      expect({ path, status: sent.status }).toEqual({ path, status: 413 });
      expect(JSON.parse(sent.body)).toMatchObject({
        error: 'too_large',
        message: expect.any(String),
        messageEn: expect.any(String),
      });
      expect(sent.bytesSent).toBeLessThan(64 * 1024 * 1024); // the server stopped reading early
    }
    const peak = groupPeakRssMiB(server.pgid);
    console.log(
      `[hostile] server RSS ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB during ${BODY_ROUTES.length} × 400 MB chunked bodies`,
    );
    expect(peak - before).toBeLessThan(120);
  }, 180_000);

  test('a large chunked body posted to a page is buffered at most 16 KiB (memory stays flat)', async () => {
    const before = groupRssMiB(server.pgid);
    resetGroupPeakRss(server.pgid);
    const sent = await sendChunkedSeen('/', 'POST', { 'content-type': 'text/plain' }, 100 * 1024 * 1024);
    const peak = groupPeakRssMiB(server.pgid);
    expect(sent.status).toBeLessThan(500);
    console.log(`[hostile] page POST of 100 MB: RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MiB`);
    expect(peak - before).toBeLessThan(120);
  }, 120_000);

  test('non-JSON bodies are 415 on every JSON route; next-auth keeps its form posts', async () => {
    const body = JSON.stringify({ source: 'देखाउ(१)', title: 'x', email: 'a@b.org', password: 'x', version: 1 });
    for (const [method, path] of BODY_ROUTES.filter(([, p]) => !p.startsWith('/api/auth'))) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=z']) {
        const res = await fetch(`${server.origin}${path}`, { method, headers: { 'content-type': type }, body });
        expect({ path, type, status: res.status }).toEqual({ path, type, status: 415 });
        expect((await res.json()).error).toBe('unsupported_media_type');
      }
    }
    const text = await fetch(`${server.origin}/api/auth/signin/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'a=1',
    });
    expect(text.status).toBe(415);
  });

  test('state-changing requests from another origin are refused; curl-style requests are not', async () => {
    const run = (headers: Record<string, string>) =>
      fetch(`${server.origin}/api/run`, {
        method: 'POST',
        headers: { ...JSON_TYPE, ...headers },
        body: JSON.stringify({ source: 'देखाउ(१)' }),
      });
    const foreign: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'http://127.0.0.1:3000' },
    ];
    for (const headers of foreign) {
      const res = await run(headers);
      expect(res.status).toBe(403);
      expect((await res.json()).error).toBe('cross_origin');
    }
    const signout = await fetch(`${server.origin}/api/auth/signout`, {
      method: 'POST',
      headers: { ...FORM_TYPE, origin: 'http://evil.example' },
      body: 'csrfToken=x',
    });
    expect(signout.status).toBe(403);
    const share = await fetch(`${server.origin}/api/snippets`, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'sec-fetch-site': 'same-site' },
      body: '{}',
    });
    expect(share.status).toBe(403);
    expect((await run({})).status).toBe(200);
    expect((await run({ origin: server.origin, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  const expectSecurityHeaders = (res: Response, what: string) => {
    const h = Object.fromEntries(res.headers);
    expect({ what, csp: h['content-security-policy'] }).toEqual({
      what,
      csp: expect.stringContaining("frame-ancestors 'none'"),
    });
    expect({ what, nosniff: h['x-content-type-options'] }).toEqual({ what, nosniff: 'nosniff' });
    expect({ what, referrer: h['referrer-policy'] }).toEqual({ what, referrer: 'same-origin' });
    expect({ what, permissions: h['permissions-policy'] }).toEqual({
      what,
      permissions: expect.stringContaining('camera=()'),
    });
    expect({ what, poweredBy: h['x-powered-by'], hsts: h['strict-transport-security'] }).toEqual({
      what,
      poweredBy: undefined,
      hsts: undefined,
    });
  };

  test('security headers on pages (with a fresh nonce on every script), API answers and static files', async () => {
    const nonces = new Set<string>();
    let html = '';
    for (const path of ['/', '/guide', '/examples', '/try', '/signin', '/signup', '/me', '/no-such-page']) {
      const res = await fetch(`${server.origin}${path}`, { redirect: 'manual' });
      expect(res.status).toBeLessThan(500);
      expectSecurityHeaders(res, path);
      const csp = res.headers.get('content-security-policy')!;
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect({ path, nonce }).toEqual({ path, nonce: expect.any(String) });
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      nonces.add(nonce!);
      if (res.status === 200) {
        const page = await res.text();
        const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts.length).toBeGreaterThan(0);
        for (const tag of scripts)
          expect({ path, tag }).toEqual({ path, tag: expect.stringContaining(`nonce="${nonce}"`) });
        if (path === '/') html = page;
      }
    }
    expect(nonces.size).toBe(8);

    for (const [method, path, body] of [
      ['POST', '/api/run', '{"source":"देखाउ(१)"}'],
      ['POST', '/api/run', '{'],
      ['GET', '/api/me/snippets', undefined],
      ['GET', '/api/nope', undefined],
      ['GET', '/api/auth/session', undefined],
      ['GET', '/api/snippets/zzzzzzzz', undefined],
    ] as const) {
      const res = await fetch(`${server.origin}${path}`, { method, headers: JSON_TYPE, body });
      expect(res.status).toBeLessThan(500);
      expectSecurityHeaders(res, `${method} ${path}`);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    expect((await fetch(`${server.origin}/api/nope`)).status).toBe(404);

    const asset = /(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const res = await fetch(`${server.origin}${asset}`);
    expect(res.status).toBe(200);
    expectSecurityHeaders(res, asset!);
    const icon = await fetch(`${server.origin}/icon.svg`);
    expectSecurityHeaders(icon, '/icon.svg');
  });

  test("a client's X-Forwarded-Host / -Proto change neither link previews nor HSTS", async () => {
    const created = await fetch(`${server.origin}/api/snippets`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ title: 'पूर्वावलोकन', source: 'देखाउ("नमस्ते")' }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const res = await fetch(`${server.origin}/s/${id}`, {
      headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const page = await res.text();
    const ogUrl = /<meta property="og:url" content="([^"]+)"/.exec(page)?.[1];
    expect(ogUrl).toBe(`${server.origin}/s/${id}`);
    expect(page).not.toContain('evil.example');
  });

  test('a callbackUrl that is not a URL is 400 wherever it comes from, never a 500', async () => {
    const csrfRes = await fetch(`${server.origin}/api/auth/csrf`);
    const { csrfToken } = await csrfRes.json();
    const csrfCookie = csrfRes.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    for (const bad of ['%', 'javascript:alert(1)', 'http://[::1', 'ftp://example.org/']) {
      const q = await fetch(`${server.origin}/api/auth/signin?callbackUrl=${encodeURIComponent(bad)}`, {
        redirect: 'manual',
      });
      expect({ bad, status: q.status }).toEqual({ bad, status: 400 });
      expect((await q.json()).error).toBe('bad_callback_url');
      const body = await fetch(`${server.origin}/api/auth/signout`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...FORM_TYPE, cookie: csrfCookie },
        body: new URLSearchParams({ csrfToken, callbackUrl: bad, json: 'true' }).toString(),
      });
      expect({ bad, status: body.status }).toEqual({ bad, status: 400 });
      const cookie = await fetch(`${server.origin}/api/auth/session`, {
        headers: { cookie: `next-auth.callback-url=${encodeURIComponent(bad)}` },
      });
      expect({ bad, status: cookie.status }).toEqual({ bad, status: 200 });
    }
    const fine = await fetch(`${server.origin}/api/auth/signin?callbackUrl=${encodeURIComponent('/me')}`, {
      redirect: 'manual',
    });
    expect(fine.status).toBe(302);
    const page = await fetch(`${server.origin}/api/auth/error?error=Configuration`); // next-auth's own HTML page
    expect(page.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const get = await fetch(`${server.origin}/api/auth/callback/credentials`); // next-auth's own answer is a 500
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  test('a forged X-Forwarded-Host on a page cannot break the session lookup; a bad Host is 400', async () => {
    for (const host of ['a b', 'evil.example/x', '']) {
      const res = await fetch(`${server.origin}/me`, {
        headers: { 'x-forwarded-host': host, 'x-forwarded-proto': 'gopher' },
        redirect: 'manual',
      });
      expect({ host, status: res.status }).toEqual({ host, status: expect.any(Number) });
      expect(res.status).toBeLessThan(500);
    }
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(`${server.origin}/`, { headers: { host: 'a b' } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        })
        .on('error', reject);
    });
    expect(status).toBe(400);
  });

  test('paths whose percent-encoding does not decode are 404, pages and API alike', async () => {
    for (const [method, path] of [
      ['GET', '/s/%ff'],
      ['GET', '/examples/%E0%A4'],
      ['GET', '/%'],
      ['GET', '/api/snippets/%ff'],
      ['PATCH', '/api/snippets/%ff'],
      ['DELETE', '/api/snippets/%ff'],
      ['POST', '/api/snippets/%ff/fork'],
      ['GET', '/api/%ff'],
    ]) {
      const res = await fetch(`${server.origin}${path}`, {
        method,
        headers: method === 'PATCH' ? JSON_TYPE : {},
        body: method === 'PATCH' ? '{"version":1}' : undefined,
      });
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      expectSecurityHeaders(res, path);
      if (path.startsWith('/api/')) expect((await res.json()).error).toBe('not_found');
    }
    const fine = await fetch(`${server.origin}/api/snippets/%41bc`);
    expect(fine.status).toBe(404); // decodes (to "Abc"), then simply not found by the handler
    expect((await fine.json()).error).not.toBe('not_found');
  });

  test(`signing in and out on a port other than 3000 with no NEXTAUTH_URL`, async () => {
    const email = `port-${Date.now()}@example.org`;
    const password = 'correct horse battery staple';
    const signup = await fetch(`${server.origin}/api/signup`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ email, password, name: 'Port' }),
    });
    expect(signup.status).toBe(201);

    const jar = new Map<string, string>();
    const remember = (res: Response) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair.indexOf('=');
        jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
    };
    const cookie = () =>
      [...jar]
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
    // Requests as the browser sends them from our own pages, plus forged forwarded headers
    // that must change nothing.
    const browserish = () => ({
      cookie: cookie(),
      origin: server.origin,
      'sec-fetch-site': 'same-origin',
      'x-forwarded-host': 'evil.example',
    });

    const csrfRes = await fetch(`${server.origin}/api/auth/csrf`, { headers: browserish() });
    remember(csrfRes);
    const { csrfToken } = await csrfRes.json();

    const signin = await fetch(`${server.origin}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...browserish(), ...FORM_TYPE },
      body: new URLSearchParams({
        csrfToken,
        email,
        password,
        callbackUrl: `${server.origin}/me`,
        json: 'true',
      }).toString(),
    });
    expect(signin.status).toBe(200);
    remember(signin);
    expect((await signin.json()).url).toBe(`${server.origin}/me`);
    expect(jar.get('next-auth.session-token')).toBeTruthy();

    const session = await (await fetch(`${server.origin}/api/auth/session`, { headers: browserish() })).json();
    expect(session.user.email).toBe(email);
    const me = await fetch(`${server.origin}/me`, { headers: browserish(), redirect: 'manual' });
    expect(me.status).toBe(200);

    // next-auth/react's signOut({ callbackUrl: '/' }) posts exactly this and follows `url`.
    const signout = await fetch(`${server.origin}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...browserish(), ...FORM_TYPE },
      body: new URLSearchParams({ csrfToken, callbackUrl: '/', json: 'true' }).toString(),
    });
    expect(signout.status).toBe(200);
    remember(signout);
    expect((await signout.json()).url).toBe(`${server.origin}/`);
    expect(jar.get('next-auth.session-token')).toBe('');
    const after = await (await fetch(`${server.origin}/api/auth/session`, { headers: browserish() })).json();
    expect(after.user).toBeUndefined();
  });
});

// The route wrapper and the origin rules, with real Requests (bodies as real streams) against
// the real route handlers. The same rules against a real `next start` are in hostile.test.ts.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { httpRoute } from '@/lib/http/route';
import { forwardedOrigin, isCrossOriginWrite, publicOrigin, requestOrigin } from '@/lib/http/origin';
import { contentSecurityPolicy } from '@/lib/http/security-headers';
import { resetConfigForTests } from '@/lib/config';
import { POST as checkPOST } from '@/app/api/check/route';

const ENV_KEYS = ['SAJILO_PUBLIC_URL', 'NEXTAUTH_URL', 'SAJILO_TRUSTED_PROXIES'] as const;
const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  for (const k of ENV_KEYS) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  resetConfigForTests();
});
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetConfigForTests();
});
const setEnv = (env: Partial<Record<(typeof ENV_KEYS)[number], string>>) => {
  Object.assign(process.env, env);
  resetConfigForTests();
};

/** A body that never ends on its own: chunks of `chunk` bytes, counting what was pulled. */
function endless(chunk = 64 * 1024) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      pulled.bytes += chunk;
      c.enqueue(new Uint8Array(chunk).fill(0x20));
    },
  });
  return { stream, pulled };
}

const echo = httpRoute({ maxBodyBytes: 1000 }, async (req: Request) => new Response(await req.text()));

function request(init: { method?: string; headers?: Record<string, string>; body?: BodyInit | null } = {}) {
  return new Request('http://127.0.0.1:3102/api/x', {
    method: init.method ?? 'POST',
    headers: { host: '127.0.0.1:3102', ...init.headers },
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function expectRefusal(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(body).toEqual({ error: code, message: expect.any(String), messageEn: expect.any(String) });
  expect(body.message).not.toBe(body.messageEn);
}

describe('body limit', () => {
  test('a chunked body that never ends is cut off just past the limit: 413, nothing more read', async () => {
    const { stream, pulled } = endless();
    const res = await echo(
      request({ headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: stream }),
    );
    await expectRefusal(res, 413, 'too_large');
    expect(pulled.bytes).toBeLessThanOrEqual(3 * 64 * 1024); // the reader stopped at once
  });

  test('a declared Content-Length over the limit is refused without reading', async () => {
    const { stream, pulled } = endless();
    const res = await echo(
      request({ headers: { 'content-type': 'application/json', 'content-length': '999999' }, body: stream }),
    );
    await expectRefusal(res, 413, 'too_large');
    expect(pulled.bytes).toBeLessThanOrEqual(2 * 64 * 1024); // at most what the stream pre-fills
  });

  test('a body within the limit reaches the handler intact; a lying Content-Length cannot smuggle more', async () => {
    const text = JSON.stringify({ s: 'नमस्ते'.repeat(20) });
    const ok = await echo(
      request({
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(text)),
        },
        body: text,
      }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe(text);
    const big = 'x'.repeat(5000);
    const lie = await echo(
      request({
        headers: { 'content-type': 'application/json', 'content-length': '10', 'transfer-encoding': 'chunked' },
        body: big,
      }),
    );
    await expectRefusal(lie, 413, 'too_large');
  });

  test('a body that breaks off midway is 400, not 500', async () => {
    let n = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(c) {
        if (n++ === 0) c.enqueue(new TextEncoder().encode('{"a":'));
        else c.error(new Error('connection reset'));
      },
    });
    await expectRefusal(
      await echo(
        request({ headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: broken }),
      ),
      400,
      'bad_body',
    );
  });
});

describe('media types', () => {
  test.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    '',
    'application/jsonp',
  ])('a body of type %j is 415 on a JSON route', async (type) => {
    const headers: Record<string, string> = { 'content-length': '2' };
    if (type) headers['content-type'] = type;
    await expectRefusal(await echo(request({ headers, body: '{}' })), 415, 'unsupported_media_type');
  });

  test('the real /api/check refuses text/plain with 415 before parsing anything', async () => {
    const body = JSON.stringify({ source: 'देखाउ(१)' });
    await expectRefusal(
      await checkPOST(
        request({ headers: { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(body)) }, body }),
      ),
      415,
      'unsupported_media_type',
    );
  });

  test('a route can accept other types (next-auth keeps its form posts)', async () => {
    const form = httpRoute(
      { maxBodyBytes: 100, mediaTypes: ['application/x-www-form-urlencoded'] },
      async (req: Request) => new Response(await req.text()),
    );
    const res = await form(
      request({ headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '3' }, body: 'a=1' }),
    );
    expect(await res.text()).toBe('a=1');
  });
});

describe('cross-origin writes', () => {
  const json = (headers: Record<string, string>, method = 'POST') =>
    echo(
      request({
        method,
        headers: { 'content-type': 'application/json', 'content-length': '2', ...headers },
        body: '{}',
      }),
    );

  test.each([
    ['another site', { origin: 'https://evil.example' }],
    ['another port on the same host', { origin: 'http://127.0.0.1:3000' }],
    ['an opaque origin', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
    ['our origin but a cross-site fetch', { origin: 'http://127.0.0.1:3102', 'sec-fetch-site': 'cross-site' }],
  ])('%s is refused with 403', async (_name, headers) => {
    await expectRefusal(await json(headers), 403, 'cross_origin');
    await expectRefusal(await json(headers, 'DELETE'), 403, 'cross_origin');
  });

  test('same origin passes, and so does a request with neither header (curl, scripts)', async () => {
    expect((await json({ origin: 'http://127.0.0.1:3102', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await json({})).status).toBe(200);
  });

  test('reads are never refused for their origin', () => {
    expect(
      isCrossOriginWrite('GET', new Headers({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })),
    ).toBe(false);
  });

  test("with a public URL set, both it and the request's own origin are ours", () => {
    setEnv({ SAJILO_PUBLIC_URL: 'https://sajilo.example' });
    const h = (origin: string) => new Headers({ host: '127.0.0.1:3102', origin });
    expect(isCrossOriginWrite('POST', h('https://sajilo.example'))).toBe(false);
    expect(isCrossOriginWrite('POST', h('http://127.0.0.1:3102'))).toBe(false);
    expect(isCrossOriginWrite('POST', h('https://evil.example'))).toBe(true);
  });
});

describe('origins', () => {
  const h = (extra: Record<string, string> = {}) => new Headers({ host: 'localhost:3102', ...extra });
  const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

  test("without settings: the request's own origin, forwarded headers ignored", () => {
    expect(publicOrigin(h())).toBe('http://localhost:3102');
    expect(publicOrigin(h(forged))).toBe('http://localhost:3102');
    expect(forwardedOrigin(h(forged))).toBeUndefined();
  });

  test('SAJILO_PUBLIC_URL, else NEXTAUTH_URL, wins', () => {
    setEnv({ NEXTAUTH_URL: 'http://auth.example:8080/api/auth' });
    expect(publicOrigin(h(forged))).toBe('http://auth.example:8080');
    setEnv({ SAJILO_PUBLIC_URL: 'https://sajilo.example/' });
    expect(publicOrigin(h(forged))).toBe('https://sajilo.example');
  });

  test('behind trusted proxies: the entry the outermost one wrote', () => {
    setEnv({ SAJILO_TRUSTED_PROXIES: '1' });
    expect(publicOrigin(h(forged))).toBe('https://evil.example');
    expect(
      requestOrigin(h({ 'x-forwarded-host': 'client-sent.example, sajilo.example', 'x-forwarded-proto': 'https' })),
    ).toBe('https://sajilo.example');
    setEnv({ SAJILO_TRUSTED_PROXIES: '2' });
    expect(requestOrigin(h({ 'x-forwarded-host': 'forged.example, sajilo.example, inner.local' }))).toBe(
      'http://sajilo.example',
    );
  });

  test.each(['evil.example/path', 'a b', 'user@evil.example', 'evil.example:99999999', '', 'ex ample:80'])(
    'a Host of %j gives no origin rather than a wrong one',
    (host) => {
      expect(requestOrigin(new Headers(host ? { host } : {}))).toBeNull();
    },
  );

  test('bad settings stop the server with the variable named', () => {
    process.env.SAJILO_PUBLIC_URL = 'sajilo.example';
    resetConfigForTests();
    expect(() => publicOrigin(h())).toThrow(/SAJILO_PUBLIC_URL/);
  });
});

describe('headers', () => {
  test('every API answer carries the security headers, refusals included', async () => {
    for (const res of [
      await echo(request({ headers: { 'content-type': 'text/plain', 'content-length': '1' }, body: 'x' })),
      await echo(request({ headers: { 'content-type': 'application/json', 'content-length': '2' }, body: '{}' })),
    ]) {
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull(); // plain http
    }
  });

  test('HSTS only when a trusted proxy reports https', async () => {
    const req = () => request({ method: 'GET', headers: { 'x-forwarded-proto': 'https' } });
    expect((await echo(req())).headers.get('strict-transport-security')).toBeNull();
    setEnv({ SAJILO_TRUSTED_PROXIES: '1' });
    expect((await echo(req())).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  test("page CSP: nonce-only scripts, no inline script allowance, Monaco's workers allowed", () => {
    const csp = contentSecurityPolicy('page', { nonce: 'abc' });
    const scripts = csp.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scripts).toContain("'nonce-abc'");
    expect(scripts).not.toContain('unsafe-inline');
    expect(scripts).not.toContain('unsafe-eval');
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

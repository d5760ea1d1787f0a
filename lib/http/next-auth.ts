// next-auth's route handler, driven with the public origin we decide on. next-auth 4 takes its
// origin from NEXTAUTH_URL, else — only when AUTH_TRUST_HOST is set — from X-Forwarded-Host
// and X-Forwarded-Proto, else assumes http://localhost:3000 (so on any other port sign-out
// redirects to a dead page). We hand it a request whose forwarded headers say exactly the
// origin `publicOrigin` chose (the setting, a trusted proxy's report, or the request's own
// Host), so what a client writes in those headers never reaches it.
//
// next-auth's App Router adapter reads headers and cookies from Next's request context rather
// than from the Request it is given; its Node-style adapter reads them from the objects passed
// in, which lets us pass our own. The body is parsed here (from the already size-limited
// request) exactly as next-auth's App Router adapter does.
import NextAuth, { type NextAuthOptions } from 'next-auth';
import { NextRequest } from 'next/server';
import { config } from '@/lib/config';
import { httpError } from './errors';
import { publicOrigin } from './origin';

/** Media types next-auth's own requests use (its forms, and JSON from next-auth/react). */
export const NEXT_AUTH_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'application/json'] as const;

/**
 * Points next-auth's own origin logic at ours for the whole process, so server components
 * (getServerSession) agree with the route: a configured public URL becomes NEXTAUTH_URL;
 * without one next-auth may read the forwarded headers, which this route handler and
 * proxy.ts (for pages) always rewrite to the public origin first.
 */
export function alignNextAuthOrigin(env: NodeJS.ProcessEnv = process.env): void {
  const { SAJILO_PUBLIC_URL, NEXTAUTH_URL } = config();
  if (NEXTAUTH_URL) return;
  if (SAJILO_PUBLIC_URL) env.NEXTAUTH_URL = SAJILO_PUBLIC_URL;
  else env.AUTH_TRUST_HOST = 'true';
}

async function parseBody(req: Request): Promise<Record<string, unknown> | undefined> {
  if (req.method !== 'POST') return undefined;
  const type = req.headers.get('content-type') ?? '';
  const text = await req.text();
  if (type.includes('application/json')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  return undefined;
}

/** A Node-style response object that next-auth writes into, turned into a web Response. */
function responseCollector() {
  let status = 200;
  let body: string | null = null;
  const headers = new Headers();
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers.delete(name);
      for (const v of [value].flat()) headers.append(name, v);
      return res;
    },
    getHeader(name: string) {
      return name.toLowerCase() === 'set-cookie' ? headers.getSetCookie() : (headers.get(name) ?? undefined);
    },
    send(content: unknown) {
      if (typeof content === 'string') body = content;
      else if (content !== undefined && content !== null) res.json(content);
      return res;
    },
    json(content: unknown) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(content);
      return res;
    },
    end() {
      return res;
    },
  };
  return { res, response: () => new Response(body, { status, headers }) };
}

/** next-auth's own test of a callback URL: absolute http(s), or a path on our origin. It
 *  answers 500 ("server configuration") to anything else; we answer 400 before it looks. */
function isHttpUrl(value: unknown, origin: string): boolean {
  if (typeof value !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

const CALLBACK_COOKIE = /(?:^|\.)next-auth\.callback-url$/;

/** next-auth's answer to `req` at /api/auth/<segments>. */
export async function nextAuthResponse(req: Request, segments: string[], options: NextAuthOptions): Promise<Response> {
  alignNextAuthOrigin();
  // next-auth answers any other method on the credentials callback with a 500.
  if (segments[0] === 'callback' && segments[1] === 'credentials' && req.method !== 'POST') {
    return httpError('method_not_allowed', { allow: 'POST' });
  }
  const origin = publicOrigin(req.headers);
  if (!origin) return httpError('bad_host');
  const { protocol, host } = new URL(origin);
  const headers = Object.fromEntries(req.headers);
  headers['x-forwarded-host'] = host;
  headers['x-forwarded-proto'] = protocol.slice(0, -1);

  const url = new URL(req.url);
  const body = await parseBody(req);
  const query = Object.fromEntries(url.searchParams);
  for (const given of [query.callbackUrl, body?.callbackUrl]) {
    if (given !== undefined && !isHttpUrl(given, origin)) return httpError('bad_callback_url');
  }
  // next-auth writes this cookie itself; one that is not a URL was not written by it.
  const cookies = new NextRequest(url, { headers: req.headers }).cookies
    .getAll()
    .filter((c) => !CALLBACK_COOKIE.test(c.name) || isHttpUrl(c.value, origin));
  const nodeReq = {
    method: req.method,
    headers,
    body,
    query: { ...query, nextauth: segments },
    cookies: Object.fromEntries(cookies.map((c) => [c.name, c.value])),
  };
  const { res, response } = responseCollector();
  await NextAuth(nodeReq as never, res as never, options);
  return response();
}

// Runs before every page and file Next serves (not /api: route handlers set their own headers
// through lib/http/route.ts, and a proxy would make Next buffer request bodies for them).
// Each page gets a fresh CSP nonce: Next reads it from the request's Content-Security-Policy
// header and puts it on its own script tags; the root layout reads x-nonce for its one inline
// script. Pages therefore render per request (they already do: they read the session).
// The forwarded host and protocol a page sees are rewritten to the public origin, so what a
// client writes in them never reaches next-auth's session lookup (see lib/http/next-auth.ts).
// A path whose percent-encoding does not decode (/s/%ff) makes Next's router fail with a bare
// 500 after this proxy has run; it is answered 404 here in the API's JSON shape (a malformed
// id is not found), API paths included, which is the one reason the proxy sees /api paths
// (only those with a '%').
import { NextResponse, type NextRequest } from 'next/server';
import { config as settings } from '@/lib/config';
import { httpError } from '@/lib/http/errors';
import { isHttps, publicOrigin } from '@/lib/http/origin';
import { isAssetPath, newNonce, securityHeaders } from '@/lib/http/security-headers';

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname === '/api' || pathname.startsWith('/api/');
  if (!decodes(pathname)) {
    const notFound = httpError('not_found');
    for (const [name, value] of Object.entries(securityHeaders('api', { https: isHttps(request.headers) })))
      notFound.headers.set(name, value);
    return notFound;
  }
  if (api) return NextResponse.next();
  const asset = isAssetPath(request.nextUrl.pathname);
  const nonce = asset ? undefined : newNonce();
  const headers = securityHeaders(asset ? 'asset' : 'page', {
    nonce,
    https: isHttps(request.headers),
    dev: settings().NODE_ENV === 'development',
  });
  const origin = publicOrigin(request.headers);
  if (!origin) return new NextResponse('Bad Host header', { status: 400, headers });
  const forwarded = new Headers(request.headers);
  forwarded.delete('x-nonce'); // only ever ours
  forwarded.delete('content-security-policy');
  const { host, protocol } = new URL(origin);
  forwarded.set('x-forwarded-host', host);
  forwarded.set('x-forwarded-proto', protocol.slice(0, -1));
  if (nonce) {
    forwarded.set('x-nonce', nonce);
    forwarded.set('content-security-policy', headers['Content-Security-Policy']);
  }
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the API, and API paths with a '%' (for the decoding check above; our ids
  // never need one). Request bodies sent to matched paths are buffered by Next for the proxy,
  // at most experimental.proxyClientMaxBodySize (next.config.js).
  matcher: ['/((?!api(?:/|$)).*)', '/api/:path(.*%.*)'],
};

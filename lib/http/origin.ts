// Which origin a request belongs to. The public origin is one setting (SAJILO_PUBLIC_URL, or
// next-auth's NEXTAUTH_URL); without it each request's own origin is used, so `npm start`
// works on any host and port. Forwarded headers (X-Forwarded-Host, X-Forwarded-Proto) are
// believed only when SAJILO_TRUSTED_PROXIES says a proxy stands in front: anyone can send them.
import { config } from '@/lib/config';
import { forwardedOrigin } from './client';

export { forwardedOrigin };

type HeaderSource = Pick<Headers, 'get'>; // a Request's, a NextRequest's or next/headers' headers

// A host as the Host header may carry it: a name or IPv4 address, or a bracketed IPv6
// address, with an optional port. Anything else (paths, user info, spaces) is refused.
const HOST = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function originOf(proto: string, host: string | null | undefined): string | null {
  if (!host || !HOST.test(host) || (proto !== 'http' && proto !== 'https')) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/** The configured public origin, or null when none is set. */
export function configuredOrigin(): string | null {
  const { SAJILO_PUBLIC_URL, NEXTAUTH_URL } = config();
  const url = SAJILO_PUBLIC_URL ?? NEXTAUTH_URL;
  return url ? new URL(url).origin : null;
}

/** The origin this very request was sent to: the trusted proxy's report, else the Host
 *  header over plain http (`next start` serves http; TLS ends at a proxy). */
export function requestOrigin(headers: HeaderSource): string | null {
  return forwardedOrigin(headers) ?? originOf('http', headers.get('host'));
}

/** The origin for absolute links (auth callbacks, link previews): the setting, else the
 *  request's own origin. */
export function publicOrigin(headers: HeaderSource): string | null {
  return configuredOrigin() ?? requestOrigin(headers);
}

/** Whether the request reached us over https: only a trusted proxy can say so. */
export function isHttps(headers: HeaderSource): boolean {
  return forwardedOrigin(headers)?.startsWith('https:') ?? false;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a state-changing request comes from another site's page (cross-site request
 * forgery). Browsers send Origin with every POST/PUT/PATCH/DELETE, and Sec-Fetch-Site too;
 * either one naming another origin refuses the request. A request with neither did not come
 * from a browser (curl, scripts driving /api/run) and cannot carry a victim's cookies against
 * their will, so it is let through.
 */
export function isCrossOriginWrite(method: string, headers: HeaderSource): boolean {
  if (!STATE_CHANGING.has(method.toUpperCase())) return false;
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = headers.get('origin');
  if (origin === null) return false;
  // "null" (sandboxed frames, data: pages) and anything not ours are refused alike.
  return origin !== configuredOrigin() && origin !== requestOrigin(headers);
}

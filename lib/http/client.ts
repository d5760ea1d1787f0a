// Who is on the other end of a request: the client's address and the public origin it used.
//
// Route handlers never see the socket, so the server stamps the socket's peer address on every
// request under PEER_HEADER before Next.js sees it, replacing any copy a client sent
// (lib/http/peer-stamp.ts, installed by instrumentation.ts). Forwarded headers
// (X-Forwarded-For, -Host, -Proto) are believed only as far as SAJILO_TRUSTED_PROXIES says
// proxies stand in front: each proxy appends the address it saw, so with N proxies the
// client is the N-th address counted from the right of [...X-Forwarded-For, peer]; anything
// further left was written by the client and is ignored.
import { isIP } from 'node:net';
import { config } from '@/lib/config';

/** The socket's peer address, as stamped by the server (never a client's own copy). */
export const PEER_HEADER = 'x-sajilo-peer-address';

export type HeaderSource = Pick<Headers, 'get'> | Record<string, string | string[] | undefined>;

const MAX_ADDRESS_LENGTH = 64;

function header(h: HeaderSource, name: string): string | undefined {
  if (typeof h.get === 'function') return (h as Pick<Headers, 'get'>).get(name) ?? undefined;
  const record = h as Record<string, string | string[] | undefined>;
  const v = record[name] ?? record[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
}

/** A plain IP address from a socket or a forwarded entry ("[v6]:port" and "v4:port" are
 *  reduced to the address, IPv4-mapped IPv6 to IPv4), or undefined if it is not one. */
export function normalizeAddress(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let a = raw.trim();
  if (a.length > 2 * MAX_ADDRESS_LENGTH) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(a)) a = a.slice(0, a.indexOf(':'));
  if (/^::ffff:[\d.]+$/i.test(a)) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : undefined;
}

/** The last `count` comma-separated entries of a header, nearest hop last. */
function lastEntries(value: string | undefined, count: number): string[] {
  if (!value || count <= 0) return [];
  return value
    .split(',')
    .slice(-count)
    .map((s) => s.trim());
}

/**
 * The client's address: the socket's peer with no trusted proxy; behind N trusted proxies the
 * address the outermost of them saw. An entry that is not an IP address ends the walk at the
 * last good one, so a client can never choose its key by sending garbage. 'unknown' when the
 * request did not come through a stamping server (e.g. a handler called directly in a test).
 */
export function clientIp(headers: HeaderSource): string {
  const peer = normalizeAddress(header(headers, PEER_HEADER));
  if (!peer) return 'unknown';
  const hops = config().SAJILO_TRUSTED_PROXIES;
  let client = peer;
  for (const entry of lastEntries(header(headers, 'x-forwarded-for'), hops).reverse()) {
    const a = normalizeAddress(entry);
    if (!a) break;
    client = a;
  }
  return client;
}

/** The part of an address one client controls: an IPv4 address, or an IPv6 /64 (a single
 *  host usually gets a whole /64, so counting its addresses one by one would count nothing). */
export function clientAddressGroup(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

/**
 * The public origin the client used, from X-Forwarded-Proto and X-Forwarded-Host, or undefined
 * unless a trusted proxy stands in front (then the value the outermost trusted proxy wrote:
 * proxies that overwrite leave one value, proxies that append put theirs on the right).
 * Values that are not a plain scheme or host name are refused, never passed on.
 */
export function forwardedOrigin(headers: HeaderSource): string | undefined {
  const hops = config().SAJILO_TRUSTED_PROXIES;
  if (hops === 0) return undefined;
  // A proxy that passes the Host header through and sends only X-Forwarded-Proto (a common
  // set-up) is understood: the host is then the Host header, and no protocol means http.
  const proto = (lastEntries(header(headers, 'x-forwarded-proto'), hops)[0] ?? 'http').toLowerCase();
  const host = lastEntries(header(headers, 'x-forwarded-host'), hops)[0] ?? header(headers, 'host');
  if ((proto !== 'http' && proto !== 'https') || !host || host.length > 260 || !HOST.test(host)) return undefined;
  return `${proto}://${host.toLowerCase()}`;
}

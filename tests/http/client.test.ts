// Client identity with hostile headers: the address comes from the stamped socket peer, and
// forwarded headers count only as far as SAJILO_TRUSTED_PROXIES says proxies stand in front.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { resetConfigForTests } from '@/lib/config';
import { clientAddressGroup, clientIp, forwardedOrigin, normalizeAddress, PEER_HEADER } from '@/lib/http/client';
import { installPeerStamp } from '@/lib/http/peer-stamp';
import { clientIp as authClientIp } from '@/lib/auth/ip';

function withProxies(n: number | undefined) {
  if (n === undefined) delete process.env.SAJILO_TRUSTED_PROXIES;
  else process.env.SAJILO_TRUSTED_PROXIES = String(n);
  resetConfigForTests();
}

afterEach(() => withProxies(undefined));

const peer = (addr: string, extra: Record<string, string> = {}) => new Headers({ [PEER_HEADER]: addr, ...extra });

describe('clientIp with no trusted proxy (the default)', () => {
  test('is the socket peer; X-Forwarded-For and X-Real-IP are ignored', () => {
    withProxies(undefined);
    expect(clientIp(peer('203.0.113.7'))).toBe('203.0.113.7');
    expect(clientIp(peer('203.0.113.7', { 'x-forwarded-for': '1.1.1.1', 'x-real-ip': '2.2.2.2' }))).toBe('203.0.113.7');
    expect(clientIp(peer('203.0.113.7', { 'x-forwarded-for': '1.1.1.1, 9.9.9.9' }))).toBe('203.0.113.7');
    expect(authClientIp(peer('203.0.113.7', { 'x-forwarded-for': '1.1.1.1' }))).toBe('203.0.113.7');
  });

  test('without a stamp (a handler called outside the server) every request is one client', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.1.1.1' }))).toBe('unknown');
    expect(clientIp({})).toBe('unknown');
  });

  test('a garbage or oversized stamp is not an address', () => {
    expect(clientIp(peer('not an address'))).toBe('unknown');
    expect(clientIp(peer('1'.repeat(5000)))).toBe('unknown');
    expect(clientIp({ [PEER_HEADER]: ['1.2.3.4', '5.6.7.8'] })).toBe('unknown');
  });
});

describe('clientIp behind trusted proxies', () => {
  test('one proxy: the address it appended, never one further left', () => {
    withProxies(1);
    expect(clientIp(peer('10.0.0.1', { 'x-forwarded-for': '198.51.100.4' }))).toBe('198.51.100.4');
    // The client sent "1.1.1.1" itself; the proxy appended what it saw.
    expect(clientIp(peer('10.0.0.1', { 'x-forwarded-for': '1.1.1.1, 198.51.100.4' }))).toBe('198.51.100.4');
    expect(clientIp(peer('10.0.0.1', { 'x-forwarded-for': '1.1.1.1,2.2.2.2,  198.51.100.4 ' }))).toBe('198.51.100.4');
    // No header: the proxy itself is the client we know of.
    expect(clientIp(peer('10.0.0.1'))).toBe('10.0.0.1');
  });

  test('two proxies: the address the outer one saw', () => {
    withProxies(2);
    expect(clientIp(peer('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.0.0.1' }))).toBe('198.51.100.4');
    // Fewer entries than proxies: the furthest one there is.
    expect(clientIp(peer('10.0.0.2', { 'x-forwarded-for': '10.0.0.1' }))).toBe('10.0.0.1');
  });

  test('garbage in the trusted entries stops at the last good address, never uses the garbage', () => {
    withProxies(2);
    expect(clientIp(peer('10.0.0.2', { 'x-forwarded-for': 'evil, 10.0.0.1' }))).toBe('10.0.0.1');
    expect(clientIp(peer('10.0.0.2', { 'x-forwarded-for': `${'a'.repeat(8000)}` }))).toBe('10.0.0.2');
    expect(clientIp(peer('10.0.0.2', { 'x-forwarded-for': '1.1.1.1, <script>' }))).toBe('10.0.0.2');
    expect(clientIp(peer('10.0.0.2', { 'x-forwarded-for': ',,,,' }))).toBe('10.0.0.2');
    expect(clientIp(peer('10.0.0.2', { 'x-forwarded-for': '1.2.3.4.5, 300.1.1.1' }))).toBe('10.0.0.2');
  });

  test('forms proxies write: ports, brackets, IPv4-mapped IPv6', () => {
    withProxies(1);
    expect(clientIp(peer('10.0.0.1', { 'x-forwarded-for': '198.51.100.4:5123' }))).toBe('198.51.100.4');
    expect(clientIp(peer('10.0.0.1', { 'x-forwarded-for': '[2001:DB8::1]:443' }))).toBe('2001:db8::1');
    expect(clientIp(peer('::ffff:10.0.0.1', { 'x-forwarded-for': '::ffff:198.51.100.4' }))).toBe('198.51.100.4');
  });

  test('a bad setting stops the process with a message naming it', () => {
    process.env.SAJILO_TRUSTED_PROXIES = '-1';
    resetConfigForTests();
    expect(() => clientIp(peer('10.0.0.1'))).toThrow(/SAJILO_TRUSTED_PROXIES/);
  });
});

describe('clientAddressGroup', () => {
  test('IPv4 as is; IPv6 by its /64', () => {
    expect(clientAddressGroup('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressGroup('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientAddressGroup('2001:db8:1:2::9')).toBe(clientAddressGroup('2001:db8:1:2:ffff::1'));
    expect(clientAddressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddressGroup('::1')).toBe('0:0:0:0::/64');
    expect(clientAddressGroup('unknown')).toBe('unknown');
  });

  test('normalizeAddress refuses what is not an address', () => {
    for (const bad of ['', ' ', 'localhost', '1.2.3', '1.2.3.4/8', '::g', '[::1', '1.2.3.4:', 'x'.repeat(300)]) {
      expect(normalizeAddress(bad)).toBeUndefined();
    }
  });
});

describe('forwardedOrigin', () => {
  const fwd = (proto: string, host: string) => new Headers({ 'x-forwarded-proto': proto, 'x-forwarded-host': host });

  test('undefined without a trusted proxy, whatever the client sends', () => {
    withProxies(0);
    expect(forwardedOrigin(fwd('https', 'evil.example'))).toBeUndefined();
  });

  test('behind one proxy: the value it wrote', () => {
    withProxies(1);
    expect(forwardedOrigin(fwd('https', 'sajilo.example'))).toBe('https://sajilo.example');
    expect(forwardedOrigin(fwd('HTTPS', 'Sajilo.Example:8443'))).toBe('https://sajilo.example:8443');
    // A proxy that appends: the client's own value on the left is ignored.
    expect(forwardedOrigin(fwd('http, https', 'evil.example, sajilo.example'))).toBe('https://sajilo.example');
    // Only one of the two: the other comes from the request (Host) or is plain http.
    expect(forwardedOrigin(new Headers({ 'x-forwarded-host': 'sajilo.example' }))).toBe('http://sajilo.example');
    expect(forwardedOrigin(new Headers({ 'x-forwarded-proto': 'https', host: 'sajilo.example' }))).toBe(
      'https://sajilo.example',
    );
  });

  test('hostile values are refused, never passed on', () => {
    withProxies(1);
    for (const host of [
      'evil.example/path',
      'evil.example\\@x',
      'a b',
      'user@evil.example',
      '',
      '-x.example',
      'x'.repeat(300),
      '"><script>',
    ]) {
      expect(forwardedOrigin(fwd('https', host))).toBeUndefined();
    }
    expect(forwardedOrigin(fwd('javascript', 'sajilo.example'))).toBeUndefined();
    expect(forwardedOrigin(fwd('https', '[::1]:3000'))).toBe('https://[::1]:3000');
  });
});

describe('the peer stamp on a real HTTP server', () => {
  test('replaces a client-sent copy with the socket address', async () => {
    installPeerStamp();
    installPeerStamp(); // idempotent
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers[PEER_HEADER] as string | undefined);
      res.end(clientIp(req.headers as Record<string, string>));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const get = (headers: Record<string, string>, localAddress?: string) =>
        new Promise<string>((resolve, reject) => {
          http
            .get({ host: '127.0.0.1', port, headers, ...(localAddress ? { localAddress } : {}) }, (res) => {
              let body = '';
              res.on('data', (c) => {
                body += c;
              });
              res.on('end', () => resolve(body));
            })
            .on('error', reject);
        });
      expect(await get({ [PEER_HEADER]: '6.6.6.6', 'x-forwarded-for': '7.7.7.7' })).toBe('127.0.0.1');
      expect(await get({ [PEER_HEADER]: '6.6.6.6' }, '127.0.0.9')).toBe('127.0.0.9');
      expect(seen).toEqual(['127.0.0.1', '127.0.0.9']);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

// Accounts: sign-up route, password sign-in with its rate limits, password hashing, the
// session secret, OAuth linking and reading sessions from real cookies.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, statSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { BACKENDS, useTestDb, request, nextIp, sessionCookie, TEST_SECRET, type TestDb } from './helpers';
import { POST as signupRoute } from '@/app/api/signup/route';
import { POST as authRoute } from '@/app/api/auth/[...nextauth]/route';
import { params } from './helpers';
import { verifyCredentials, linkOAuthUser } from '@/lib/auth/users';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { getAuthSecret, MissingSecretError } from '@/lib/auth/secret';
import { getAuthOptions, oauthProviders } from '@/lib/auth/options';
import { sessionUserId } from '@/lib/auth/session';
import { clientIp } from '@/lib/auth/ip';
import { LIMITS, limitOptions } from '@/lib/auth/rate-limit';
import { SIGN_IN_POLICY } from '@/lib/auth/sign-in-limiter';

const PASSWORD = 'सजिलो-password-1';

describe.each(BACKENDS)('accounts on %s', (backend) => {
  let db: TestDb;
  let n = 0;
  const email = () => `user${++n}-${Date.now()}@example.org`;
  const signup = (body: unknown, ip = nextIp()) => signupRoute(request('/api/signup', { body, ip }));

  beforeAll(async () => {
    db = await useTestDb(backend);
  });
  afterAll(async () => db?.cleanup());

  it('signs up: 201, the password hashed with scrypt and never echoed; the email lower-cased', async () => {
    const e = email();
    const res = await signup({ email: `  ${e.toUpperCase()} `, password: PASSWORD, name: ' राम ' });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({ id: expect.any(String), email: e, name: 'राम' });
    const row = await db.handle.prisma.user.findUniqueOrThrow({ where: { email: e } });
    expect(row.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, row.passwordHash!)).toBe(true);
  });

  it('the same email again, in any case, is 409', async () => {
    const e = email();
    expect((await signup({ email: e, password: PASSWORD })).status).toBe(201);
    const again = await signup({ email: e.toUpperCase(), password: 'another-password' });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: 'email_taken',
      message: 'यो इमेलको खाता पहिले नै छ।',
      messageEn: expect.stringMatching(/already exists/),
    });
    expect(await db.handle.prisma.user.count({ where: { email: e } })).toBe(1);
  });

  it('invalid sign-ups are 400 {"error"}; a huge body is 413', async () => {
    for (const body of [
      {},
      { email: 'not-an-email', password: PASSWORD },
      { email: email(), password: 'short' },
      { email: email(), password: 'x'.repeat(201) },
      { email: email() },
      { email: email(), password: 12345678 },
      { email: email(), password: PASSWORD, name: 'a\u0000b' },
      { email: `${'a'.repeat(250)}@example.org`, password: PASSWORD },
      null,
      'string',
    ]) {
      const res = await signup(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const answer = await res.json();
      if (answer.error === 'invalid_request')
        expect(Object.keys(answer)).toEqual(['error', 'message', 'messageEn', 'issues']);
      else
        expect(answer).toEqual({ error: 'weak_password', message: expect.any(String), messageEn: expect.any(String) });
    }
    expect(
      (await signupRoute(request('/api/signup', { rawBody: '{"email":', ip: nextIp(), method: 'POST' }))).status,
    ).toBe(400);
    expect(
      (await signupRoute(request('/api/signup', { rawBody: 'x'.repeat(10_000), ip: nextIp(), method: 'POST' }))).status,
    ).toBe(413);
  });

  it('weak passwords are refused with a reason in Nepali and English; nothing is stored', async () => {
    const e = email();
    for (const password of [
      '12345678',
      '        ',
      '\t\t\t\t\t\t\t\t',
      'password',
      'Password1',
      'qwertyuiop',
      'aaaaaaaaaaaa',
      '11111111',
      e,
      e.split('@')[0] + '1',
    ]) {
      const res = await signup({ email: e, password });
      expect(res.status, JSON.stringify(password)).toBe(400);
      const body = await res.json();
      expect(body.messageEn, JSON.stringify(password)).toMatch(/^weak password: /);
      expect(body.message).toMatch(/^पासवर्ड कमजोर छ: /);
    }
    expect(await db.handle.prisma.user.count({ where: { email: e } })).toBe(0);
    const spaces = await (await signup({ email: e, password: ' '.repeat(8) })).json();
    expect(spaces.messageEn).toMatch(/characters other than spaces/);
    for (const password of ['correct horse battery', 'नेपाली पासवर्ड', 'Kathmandu-river-42']) {
      expect((await signup({ email: email(), password })).status, password).toBe(201);
    }
  });

  it('sign-ups are rate-limited per IP and per email (429 with Retry-After)', async () => {
    const ip = nextIp();
    for (let i = 0; i < limitOptions('signUpIp').points; i++)
      expect((await signup({ email: 'bad' }, ip)).status).toBe(400);
    const limited = await signup({ email: email(), password: PASSWORD }, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const e = email();
    for (let i = 0; i < LIMITS.signUpEmail.points; i++) await signup({ email: e, password: PASSWORD });
    expect((await signup({ email: e, password: PASSWORD })).status).toBe(429);
  });

  it('password sign-in: right password → the user; wrong password or unknown email → null', async () => {
    const e = email();
    await signup({ email: e, password: PASSWORD, name: 'सीता' });
    const user = await verifyCredentials(db.handle.prisma, { email: e.toUpperCase(), password: PASSWORD }, nextIp());
    expect(user).toMatchObject({ email: e, name: 'सीता' });
    expect(await verifyCredentials(db.handle.prisma, { email: e, password: PASSWORD + 'x' }, nextIp())).toBeNull();
    expect(await verifyCredentials(db.handle.prisma, { email: email(), password: PASSWORD }, nextIp())).toBeNull();
    expect(await verifyCredentials(db.handle.prisma, { email: e, password: ['x'] }, nextIp())).toBeNull();
    expect(await verifyCredentials(db.handle.prisma, undefined, nextIp())).toBeNull();
  });

  it("next-auth's credentials callback answers 429 with Retry-After once the sign-in limiter refuses", async () => {
    const e = email();
    const ip = nextIp();
    await signup({ email: e, password: PASSWORD });
    for (let i = 0; i < SIGN_IN_POLICY.pair.points; i++) {
      expect(await verifyCredentials(db.handle.prisma, { email: e, password: 'wrong' }, ip)).toBeNull();
    }
    const form = new URLSearchParams({ email: e.toUpperCase(), password: PASSWORD, csrfToken: 'x', json: 'true' });
    const res = await authRoute(
      request('/api/auth/callback/credentials', {
        method: 'POST',
        rawBody: form.toString(),
        ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      params({ nextauth: ['callback', 'credentials'] }),
    );
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({
      error: 'rate_limited',
      message: expect.any(String),
      messageEn: expect.stringMatching(/too many/),
    });
  });

  it("next-auth's routes refuse a large body with 413 before reading it", async () => {
    const big = 'x'.repeat(20_000);
    const res = await authRoute(
      request('/api/auth/callback/credentials', {
        method: 'POST',
        rawBody: big,
        ip: nextIp(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(big.length) },
      }),
      params({ nextauth: ['callback', 'credentials'] }),
    );
    expect(res.status).toBe(413);
  });

  it('a successful sign-in clears its failures; one address is limited across accounts', async () => {
    const e = email();
    const ip = nextIp();
    await signup({ email: e, password: PASSWORD });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < SIGN_IN_POLICY.pair.points - 1; i++) {
        await verifyCredentials(db.handle.prisma, { email: e, password: 'wrong' }, ip);
      }
      expect(await verifyCredentials(db.handle.prisma, { email: e, password: PASSWORD }, ip)).not.toBeNull();
    }
    const sprayer = nextIp();
    for (let i = 0; i < SIGN_IN_POLICY.address.points; i++) {
      expect(await verifyCredentials(db.handle.prisma, { email: email(), password: 'wrong' }, sprayer)).toBeNull();
    }
    await expect(verifyCredentials(db.handle.prisma, { email: e, password: PASSWORD }, sprayer)).rejects.toMatchObject({
      status: 429,
    });
    expect(await verifyCredentials(db.handle.prisma, { email: e, password: PASSWORD }, nextIp())).not.toBeNull();
  });

  it('OAuth identities: a user made on first sign-in, found again later; never linked onto an existing email', async () => {
    const identity = {
      provider: 'github',
      providerAccountId: `gh-${Date.now()}`,
      type: 'oauth',
      email: email(),
      name: 'Gita',
    };
    const id = await linkOAuthUser(db.handle.prisma, identity);
    expect(id).toBeTruthy();
    expect(await linkOAuthUser(db.handle.prisma, { ...identity, email: 'changed@example.org' })).toBe(id);
    const u = await db.handle.prisma.user.findUniqueOrThrow({ where: { id: id! }, include: { accounts: true } });
    expect(u.passwordHash).toBeNull();
    expect(u.accounts).toHaveLength(1);
    const e = email();
    await signup({ email: e, password: PASSWORD });
    expect(
      await linkOAuthUser(db.handle.prisma, { provider: 'google', providerAccountId: 'g-1', type: 'oauth', email: e }),
    ).toBeNull();
    expect(
      await linkOAuthUser(db.handle.prisma, {
        provider: 'google',
        providerAccountId: 'g-2',
        type: 'oauth',
        email: null,
      }),
    ).toBeNull();
  });
});

describe('sessions from cookies', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await useTestDb('pglite');
    for (const id of ['user-1', 'user-2']) {
      await db.handle.prisma.user.create({ data: { id, email: `${id}@example.org`, updatedAt: new Date() } });
    }
  });
  afterAll(async () => db?.cleanup());

  it('reads the user id from a real next-auth cookie; rejects forged, expired and tampered ones', async () => {
    process.env.NEXTAUTH_SECRET = TEST_SECRET;
    const ok = request('/x', { cookie: await sessionCookie('user-1') });
    expect(await sessionUserId(ok)).toBe('user-1');
    const secure = `__Secure-next-auth.session-token=${await encode({ token: { sub: 'user-2' }, secret: TEST_SECRET })}`;
    expect(await sessionUserId(request('/x', { cookie: `a=b; ${secure}` }))).toBe('user-2');
    const expired = await encode({ token: { sub: 'user-1' }, secret: TEST_SECRET, maxAge: -3600 });
    expect(await sessionUserId(request('/x', { cookie: `next-auth.session-token=${expired}` }))).toBeNull();
    const other = await encode({ token: { sub: 'user-1' }, secret: 'another-secret-another-secret-another' });
    expect(await sessionUserId(request('/x', { cookie: `next-auth.session-token=${other}` }))).toBeNull();
    const good = (await sessionCookie('user-1')).split('=')[1];
    const tampered = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await sessionUserId(request('/x', { cookie: `next-auth.session-token=${tampered}` }))).toBeNull();
    expect(await sessionUserId(request('/x'))).toBeNull();
    expect(await sessionUserId(request('/x', { cookie: 'next-auth.session-token=%E0%A4' }))).toBeNull();
  });
});

describe('passwords', () => {
  it('hashes with a fresh salt each time; a tampered or foreign hash never verifies', async () => {
    const a = await hashPassword('hunter2-hunter2');
    const b = await hashPassword('hunter2-hunter2');
    expect(a).not.toBe(b);
    expect(await verifyPassword('hunter2-hunter2', a)).toBe(true);
    expect(await verifyPassword('hunter2-hunter3', a)).toBe(false);
    const parts = a.split('$');
    expect(
      await verifyPassword(
        'hunter2-hunter2',
        [...parts.slice(0, 5), parts[5].replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))].join('$'),
      ),
    ).toBe(false);
    // Absurd cost parameters (a corrupted row) are refused rather than computed.
    expect(await verifyPassword('x', ['scrypt', 2 ** 30, 8, 1, parts[4], parts[5]].join('$'))).toBe(false);
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', '$2b$10$abcdefghijklmnopqrstuv')).toBe(false);
  });
});

describe('the session secret', () => {
  it('is generated once on first start for the embedded default, kept in the data dir with mode 0600', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-secret-'));
    const env = { SAJILO_DATA_DIR: dir, NODE_ENV: 'production' } as unknown as NodeJS.ProcessEnv;
    const s1 = getAuthSecret(env);
    expect(s1.length).toBeGreaterThanOrEqual(32);
    expect(getAuthSecret({ ...env })).toBe(s1);
    const file = path.join(dir, 'nextauth-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(s1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(
      getAuthSecret({
        SAJILO_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'sajilo-secret-')),
      } as unknown as NodeJS.ProcessEnv),
    ).not.toBe(s1);
  });

  it('production with DATABASE_URL refuses to run without NEXTAUTH_SECRET; the environment wins when set', () => {
    const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://x@y/z' } as unknown as NodeJS.ProcessEnv;
    expect(() => getAuthSecret(prod)).toThrow(MissingSecretError);
    expect(() => getAuthOptions(prod)).toThrow(/NEXTAUTH_SECRET/);
    expect(() => getAuthSecret({ ...prod, NEXTAUTH_SECRET: 'short' })).toThrow(/at least 32/);
    const secret = 'x'.repeat(40);
    expect(getAuthSecret({ ...prod, NEXTAUTH_SECRET: secret })).toBe(secret);
  });
});

describe('providers and client IPs', () => {
  it('GitHub and Google only when their credentials are configured', () => {
    const base = { NEXTAUTH_SECRET: TEST_SECRET } as unknown as NodeJS.ProcessEnv;
    expect(getAuthOptions(base).providers.map((p) => p.id)).toEqual(['credentials']);
    expect(oauthProviders(base)).toEqual([]);
    const half = { ...base, GITHUB_ID: 'id' };
    expect(getAuthOptions(half).providers.map((p) => p.id)).toEqual(['credentials']);
    const both = { ...base, GITHUB_ID: 'a', GITHUB_SECRET: 'b', GOOGLE_ID: 'c', GOOGLE_SECRET: 'd' };
    expect(getAuthOptions(both).providers.map((p) => p.id)).toEqual(['credentials', 'github', 'google']);
    expect(oauthProviders(both).map((p) => p.id)).toEqual(['github', 'google']);
    expect(getAuthOptions(base).session?.strategy).toBe('jwt');
  });

  it('takes the stamped peer address; X-Forwarded-For only behind a trusted proxy (tests/http/client.test.ts)', () => {
    expect(clientIp(new Headers({ 'x-sajilo-peer-address': '2.2.2.2', 'x-forwarded-for': '1.1.1.1' }))).toBe('2.2.2.2');
    expect(clientIp({ 'x-sajilo-peer-address': '3.3.3.3' })).toBe('3.3.3.3');
    expect(clientIp(new Headers({ 'x-forwarded-for': '3.3.3.3' }))).toBe('unknown');
    expect(clientIp(new Headers({ 'x-sajilo-peer-address': 'a'.repeat(1000) }))).toBe('unknown');
  });
});

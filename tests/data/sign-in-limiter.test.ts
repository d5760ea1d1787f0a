// The password sign-in limiter: points are taken before the hash, so parallel guesses cannot
// outrun it (counted by the password hashes really computed); blocks grow and always end; an
// attacker cannot keep an account's owner out of their own account.
import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import { BACKENDS, useTestDb, request, nextIp, type TestDb } from './helpers';
import { POST as signupRoute } from '@/app/api/signup/route';
import { verifyCredentials } from '@/lib/auth/users';
import { ApiError } from '@/lib/snippets/errors';
import { passwordVerifications } from '@/lib/auth/password';
import { SIGN_IN_POLICY, SignInLimiter, SignInRefused } from '@/lib/auth/sign-in-limiter';

const PASSWORD = 'सजिलो-password-1';

describe.each(BACKENDS)('sign-in limiter in the credentials check on %s', (backend) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await useTestDb(backend);
  });
  afterAll(async () => db?.cleanup());

  it('40 parallel wrong guesses: at most the limit reach the password hash, the rest are refused with 429', async () => {
    const email = `race-${Date.now()}@example.org`;
    expect(
      (await signupRoute(request('/api/signup', { body: { email, password: PASSWORD }, ip: nextIp() }))).status,
    ).toBe(201);
    const ip = nextIp();
    const before = passwordVerifications();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        verifyCredentials(db.handle.prisma, { email, password: `wrong-guess-${i}` }, ip).then(
          (user) => ({ user, status: 200 }),
          (err: ApiError) => ({ user: null, status: err.status }),
        ),
      ),
    );
    const evaluated = passwordVerifications() - before;
    expect(evaluated).toBe(SIGN_IN_POLICY.pair.points);
    expect(results.filter((r) => r.status === 200)).toHaveLength(evaluated);
    expect(results.filter((r) => r.status === 429)).toHaveLength(40 - evaluated);
    expect(results.every((r) => r.user === null)).toBe(true);
    // The right password from that address is refused without a hash…
    const b2 = passwordVerifications();
    await expect(verifyCredentials(db.handle.prisma, { email, password: PASSWORD }, ip)).rejects.toMatchObject({
      status: 429,
    });
    expect(passwordVerifications()).toBe(b2);
    // …while the owner, from another address, signs in.
    expect(await verifyCredentials(db.handle.prisma, { email, password: PASSWORD }, nextIp())).toMatchObject({ email });
  });
});

describe('sign-in limiter policy (real clock replaced by a fake Date only)', () => {
  afterEach(() => vi.useRealTimers());

  async function attempt(l: SignInLimiter, email: string, ip: string): Promise<number> {
    try {
      await l.begin(email, ip);
      return 0;
    } catch (err) {
      if (err instanceof SignInRefused) return err.retryAfterSeconds;
      throw err;
    }
  }

  it('blocks grow 1, 2, 4, … minutes up to an hour, and every block ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const l = new SignInLimiter();
    const blocks: number[] = [];
    for (let round = 0; round < 9; round++) {
      for (let i = 0; i < SIGN_IN_POLICY.pair.points; i++)
        expect(await attempt(l, 'a@example.org', '198.51.100.1')).toBe(0);
      const wait = await attempt(l, 'a@example.org', '198.51.100.1');
      blocks.push(wait);
      // Still blocked just before the end; each refused attempt says how long is left.
      vi.advanceTimersByTime((wait - 1) * 1000);
      const left = await attempt(l, 'a@example.org', '198.51.100.1');
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(1);
      vi.advanceTimersByTime(1001);
    }
    expect(blocks).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    // A day after the first block the count is forgotten: back to one minute.
    vi.advanceTimersByTime(SIGN_IN_POLICY.backoff.forgetAfterSeconds * 1000);
    for (let i = 0; i < SIGN_IN_POLICY.pair.points; i++) await attempt(l, 'a@example.org', '198.51.100.1');
    expect(await attempt(l, 'a@example.org', '198.51.100.1')).toBe(60);
  });

  it('an attacker on many addresses cannot keep the owner out: known addresses pass, others wait a bounded time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const l = new SignInLimiter();
    const owner = 'owner@example.org';
    const home = '203.0.113.7';
    await (await l.begin(owner, home)).succeeded(); // the owner signed in from home before
    // Rotating addresses, in parallel: the account counter lets exactly its limit through.
    const tries = await Promise.all(
      Array.from({ length: 150 }, (_, i) => attempt(l, owner, `10.9.${i >> 8}.${i & 255}`)),
    );
    expect(tries.filter((w) => w === 0)).toHaveLength(SIGN_IN_POLICY.account.points);
    const refusedWaits = tries.filter((w) => w > 0);
    expect(Math.max(...refusedWaits)).toBeLessThanOrEqual(SIGN_IN_POLICY.backoff.maxSeconds);
    // The owner at home is not affected; a new address waits, but not for good.
    expect(await attempt(l, owner, home)).toBe(0);
    const elsewhere = await attempt(l, owner, '192.0.2.200');
    expect(elsewhere).toBeGreaterThan(0);
    vi.advanceTimersByTime(elsewhere * 1000 + 1000);
    expect(await attempt(l, owner, '192.0.2.200')).toBe(0);
  });

  it('a success gives the points back: the address and pair counters do not fill up with good sign-ins', async () => {
    const l = new SignInLimiter();
    for (let i = 0; i < SIGN_IN_POLICY.address.points * 2; i++) {
      await (await l.begin(`user${i % 3}@example.org`, '198.51.100.9')).succeeded();
    }
    expect(await l.waitSeconds('user0@example.org', '198.51.100.9')).toBe(0);
    expect(await attempt(l, 'user0@example.org', '198.51.100.9')).toBe(0);
  });

  it('waitSeconds peeks without taking a point', async () => {
    const l = new SignInLimiter();
    for (let i = 0; i < 20; i++) expect(await l.waitSeconds('p@example.org', '198.51.100.3')).toBe(0);
    for (let i = 0; i < SIGN_IN_POLICY.pair.points; i++)
      expect(await attempt(l, 'p@example.org', '198.51.100.3')).toBe(0);
    expect(await l.waitSeconds('p@example.org', '198.51.100.3')).toBeGreaterThan(0);
    expect(await l.waitSeconds(null, '198.51.100.3')).toBe(0);
  });
});

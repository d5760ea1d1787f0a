// Sign-out ends every session of the user: cookies carry the session version they were issued
// at, and sign-out (next-auth's signOut event) increments it. Real cookies, real database.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { BACKENDS, useTestDb, request, TEST_SECRET, type TestDb } from './helpers';
import { sessionUserId } from '@/lib/auth/session';
import { getAuthOptions } from '@/lib/auth/options';
import { GET as mine } from '@/app/api/me/snippets/route';

describe.each(BACKENDS)('session revocation on %s', (backend) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await useTestDb(backend);
  });
  afterAll(async () => db?.cleanup());

  async function user() {
    const id = randomUUID();
    await db.handle.prisma.user.create({ data: { id, email: `${id}@example.org`, updatedAt: new Date() } });
    return id;
  }
  const cookieFor = async (token: Record<string, unknown>) =>
    `next-auth.session-token=${await encode({ token, secret: TEST_SECRET })}`;

  it('a cookie copied before sign-out stops working after it, on every device; a new sign-in works', async () => {
    const id = await user();
    const options = getAuthOptions();
    // What next-auth puts in the cookie at sign-in: the jwt callback with the user.
    const token = await options.callbacks!.jwt!({
      token: { sub: id },
      user: { id, sessionVersion: 0 } as never,
      account: null,
    } as never);
    expect(token).toMatchObject({ sub: id, sv: 0 });
    const laptop = await cookieFor(token);
    const phone = await cookieFor({ ...token });
    expect(await sessionUserId(request('/x', { cookie: laptop }))).toBe(id);
    expect((await mine(request('/api/me/snippets', { cookie: phone }))).status).toBe(200);

    await options.events!.signOut!({ token, session: undefined } as never);

    expect(await sessionUserId(request('/x', { cookie: laptop }))).toBeNull();
    expect((await mine(request('/api/me/snippets', { cookie: phone }))).status).toBe(401);
    // next-auth's own session read (getServerSession, /api/auth/session) drops it too.
    await expect(options.callbacks!.jwt!({ token } as never)).rejects.toThrow(/ended by sign-out/);
    // Signing in again issues the new version.
    const fresh = await options.callbacks!.jwt!({ token: { sub: id }, user: { id } as never, account: null } as never);
    expect(fresh.sv).toBe(1);
    expect(await sessionUserId(request('/x', { cookie: await cookieFor(fresh) }))).toBe(id);
    expect(await options.callbacks!.jwt!({ token: fresh } as never)).toMatchObject({ sub: id, sv: 1 });
  });

  it('forged versions, deleted users and cookies from before versions existed', async () => {
    const id = await user();
    expect(await sessionUserId(request('/x', { cookie: await cookieFor({ sub: id }) }))).toBe(id); // no sv: version 0
    expect(await sessionUserId(request('/x', { cookie: await cookieFor({ sub: id, sv: 5 }) }))).toBeNull();
    expect(await sessionUserId(request('/x', { cookie: await cookieFor({ sub: id, sv: '0' }) }))).toBe(id); // not a number: counts as 0
    await db.handle.prisma.user.delete({ where: { id } });
    expect(await sessionUserId(request('/x', { cookie: await cookieFor({ sub: id }) }))).toBeNull();
  });
});

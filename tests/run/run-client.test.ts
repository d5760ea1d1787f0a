// Whose run it is: POST /api/run puts a signed-in user's runs under the user, others under
// the address the server stamped; the queue's per-client share follows that identity, and a JSON
// client that goes away while waiting leaves the queue.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as runPOST } from '@/app/api/run/route';
import { runQueue } from '@/lib/run';
import { defaultLimits } from '@/lib/run/queue';
import { PEER_HEADER } from '@/lib/http/client';
import { sessionCookie, useTestDb, type TestDb } from '../data/helpers';

const COMPILE_ERROR = { source: 'देखाउ(१' }; // answered without the sandbox

function post(peer: string, cookie?: string) {
  return runPOST(
    new Request('http://localhost/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PEER_HEADER]: peer, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(COMPILE_ERROR),
    }),
  );
}

/** Holds one run for `client` until released. */
function hold(client: string) {
  let release!: () => void;
  const done = runQueue.run(
    () =>
      new Promise<void>((r) => {
        release = r;
      }),
    { client },
  );
  return { release: () => release(), done };
}

// Sessions are checked against the user's row (sign-out ends them), so the users are real.
let db: TestDb;
let savedSecret: string | undefined;
beforeAll(async () => {
  savedSecret = process.env.NEXTAUTH_SECRET;
  db = await useTestDb('pglite');
  for (const id of ['u-1', 'u-2']) {
    await db.handle.prisma.user.create({ data: { id, email: `${id}@example.org`, updatedAt: new Date() } });
  }
});
afterAll(async () => {
  await db?.cleanup();
  if (savedSecret === undefined) delete process.env.NEXTAUTH_SECRET;
  else process.env.NEXTAUTH_SECRET = savedSecret;
});
afterEach(() => runQueue.configure(defaultLimits()));

describe('POST /api/run: the client of a run', () => {
  test('a signed-in user is one client from any address; a forged cookie is just the address', async () => {
    runQueue.configure({ concurrency: 2, maxQueued: 8, perClient: 1 });
    const user = hold('user:u-1');
    const cookie = await sessionCookie('u-1');
    const refused = await post('198.51.100.1', cookie);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error).toBe('overloaded');
    expect((await post('198.51.100.2', cookie)).status).toBe(429);
    // The same addresses without the cookie, or with a forged one, are other clients.
    expect((await post('198.51.100.1')).status).toBe(200);
    expect((await post('198.51.100.1', 'next-auth.session-token=forged')).status).toBe(200);
    user.release();
    await user.done;
    expect((await post('198.51.100.1', cookie)).status).toBe(200);
  });

  test("an address's share does not bind a user signed in from it; IPv6 counts by /64", async () => {
    runQueue.configure({ concurrency: 3, maxQueued: 8, perClient: 1 });
    const v4 = hold('address:203.0.113.9');
    const v6 = hold('address:2001:db8:1:2::/64');
    expect((await post('203.0.113.9')).status).toBe(429);
    expect((await post('203.0.113.9', await sessionCookie('u-2'))).status).toBe(200);
    expect((await post('2001:db8:1:2:ffff::7')).status).toBe(429);
    expect((await post('2001:db8:1:3::7')).status).toBe(200);
    v4.release();
    v6.release();
    await Promise.all([v4.done, v6.done]);
  });
});

describe('POST /api/run (JSON): a client that goes away while waiting', () => {
  test('leaves the queue at once and frees its share; the answer nobody reads is 499', async () => {
    runQueue.configure({ concurrency: 1, maxQueued: 4, perClient: 1 });
    const slot = hold('address:192.0.2.200');
    const gone = new AbortController();
    const waiting = runPOST(
      new Request('http://localhost/api/run', {
        method: 'POST',
        signal: gone.signal,
        headers: { 'content-type': 'application/json', [PEER_HEADER]: '198.51.100.7' },
        body: JSON.stringify(COMPILE_ERROR),
      }),
    );
    while (runQueue.stats.queued === 0) await new Promise((r) => setImmediate(r)); // parsed and queued
    expect(runQueue.heldBy('address:198.51.100.7')).toBe(1);
    gone.abort();
    expect((await waiting).status).toBe(499);
    expect(runQueue.stats.queued).toBe(0);
    expect(runQueue.heldBy('address:198.51.100.7')).toBe(0);
    slot.release();
    await slot.done;
    expect((await post('198.51.100.7')).status).toBe(200);
  });
});

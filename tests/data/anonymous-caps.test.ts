// Anonymous shares: a daily cap per address and a storage budget for all of them together,
// each answered with its own message in Nepali and English. Signed-in users are not affected.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { BACKENDS, useTestDb, sessionCookie, request, params, nextIp, type TestDb } from './helpers';
import { POST as create } from '@/app/api/snippets/route';
import { POST as fork } from '@/app/api/snippets/[id]/fork/route';
import { resetConfigForTests } from '@/lib/config';
import { resetRateLimits } from '@/lib/auth/rate-limit';
import { anonymousBytesUsed } from '@/lib/snippets/anonymous-budget';

function withEnv(vars: Record<string, string>) {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  resetConfigForTests();
  resetRateLimits();
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetConfigForTests();
    resetRateLimits();
  };
}

describe.each(BACKENDS)('anonymous share caps on %s', (backend) => {
  let db: TestDb;
  let cookie: string;
  const share = (body: unknown, ip: string, c?: string) => create(request('/api/snippets', { body, ip, cookie: c }));

  beforeAll(async () => {
    db = await useTestDb(backend);
    const id = randomUUID();
    await db.handle.prisma.user.create({ data: { id, email: `caps-${id}@example.org`, updatedAt: new Date() } });
    cookie = await sessionCookie(id);
  });
  afterAll(async () => db?.cleanup());

  it('the daily cap per address: shares and forks count, the answer says so; other addresses and signed-in users go on', async () => {
    const restore = withEnv({ SAJILO_ANON_SHARES_PER_DAY: '4' });
    try {
      const ip = nextIp();
      const first = await (await share({ source: 'लेख 1' }, ip)).json();
      for (let i = 0; i < 2; i++) expect((await share({ source: `लेख ${i}` }, ip)).status).toBe(201);
      expect(
        (await fork(request(`/api/snippets/${first.id}/fork`, { method: 'POST', ip }), params({ id: first.id })))
          .status,
      ).toBe(201);
      const capped = await share({ source: 'लेख 5' }, ip);
      expect(capped.status).toBe(429);
      expect(Number(capped.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
      const body = await capped.json();
      expect(body.messageEn).toMatch(/daily limit of anonymous shares reached \(4 per address per day\); sign in/);
      expect(body.message).toMatch(/दिनमा ४ वटा/); // the Nepali message in Nepali digits
      expect(
        (await fork(request(`/api/snippets/${first.id}/fork`, { method: 'POST', ip }), params({ id: first.id })))
          .status,
      ).toBe(429);
      expect((await share({ source: 'x' }, nextIp())).status).toBe(201);
      expect((await share({ source: 'x' }, ip, cookie)).status).toBe(201);
    } finally {
      restore();
    }
  });

  it('the storage budget: once all anonymous snippets fill it, anonymous shares and forks are refused (403, saying why)', async () => {
    const restore = withEnv({ SAJILO_ANON_STORAGE_MIB: '1' });
    try {
      const big = 'क'.repeat(21_000); // 63,000 bytes of UTF-8
      let accepted = 0;
      let refused: Response | undefined;
      for (let i = 0; i < 40 && !refused; i++) {
        const res = await share({ source: big + i }, nextIp());
        if (res.status === 201) accepted++;
        else refused = res;
      }
      expect(refused?.status).toBe(403);
      const body = await refused!.json();
      expect(body.messageEn).toMatch(/anonymous sharing is full/);
      expect(body.message).toMatch(/ठाउँ भरिएको/);
      const used = await anonymousBytesUsed(db.handle.prisma);
      expect(used).toBeLessThanOrEqual(1024 * 1024);
      expect(used + 63_002).toBeGreaterThan(1024 * 1024);
      expect(accepted).toBeGreaterThan(10);
      // A small one may still fit; forks of the big ones do not.
      const { id } = await (await share({ source: 'x' }, nextIp(), cookie)).json();
      const bigSigned = await (await share({ source: big }, nextIp(), cookie)).json();
      expect(
        (
          await fork(
            request(`/api/snippets/${bigSigned.id}/fork`, { method: 'POST', ip: nextIp() }),
            params({ id: bigSigned.id }),
          )
        ).status,
      ).toBe(403);
      // Signed-in users share and fork as before.
      expect(
        (
          await fork(
            request(`/api/snippets/${bigSigned.id}/fork`, { method: 'POST', ip: nextIp(), cookie }),
            params({ id: bigSigned.id }),
          )
        ).status,
      ).toBe(201);
      expect(id).toBeTruthy();
    } finally {
      restore();
    }
  });

  it('parallel anonymous shares cannot overshoot the budget together', async () => {
    const used = await anonymousBytesUsed(db.handle.prisma);
    const mib = Math.ceil(used / (1024 * 1024)) + 1;
    const restore = withEnv({ SAJILO_ANON_STORAGE_MIB: String(mib) });
    try {
      const big = 'ख'.repeat(21_000);
      const statuses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => share({ source: big + i }, nextIp()).then((r) => r.status)),
      );
      expect(statuses.filter((st) => st === 403).length).toBeGreaterThan(0);
      expect(statuses.every((st) => st === 201 || st === 403)).toBe(true);
      expect(await anonymousBytesUsed(db.handle.prisma)).toBeLessThanOrEqual(mib * 1024 * 1024);
    } finally {
      restore();
    }
  });
});

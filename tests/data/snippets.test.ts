// The snippet HTTP API, called through the exported route handlers with real Requests, real
// session cookies and a real database (PGlite; PostgreSQL too when TEST_DATABASE_URL is set).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { BACKENDS, useTestDb, sessionCookie, makeUser, request, params, nextIp, type TestDb } from './helpers';
import { POST as create } from '@/app/api/snippets/route';
import { GET as read, PATCH as patch, DELETE as remove } from '@/app/api/snippets/[id]/route';
import { POST as fork } from '@/app/api/snippets/[id]/fork/route';
import { GET as mine } from '@/app/api/me/snippets/route';
import { LIMITS } from '@/lib/auth/rate-limit';
import { ANONYMOUS_OWNER_NAME } from '@/lib/snippets';
import { MAX_BODY_BYTES } from '@/lib/validations/snippet';
import { encode } from 'next-auth/jwt';

const SOURCE = 'देखाउ("नमस्ते")\n';

describe.each(BACKENDS)('snippets API on %s', (backend) => {
  let db: TestDb;
  let alice: { id: string; cookie: string };
  let bob: { id: string; cookie: string };

  async function share(body: unknown, cookie?: string, ip = nextIp()) {
    const res = await create(request('/api/snippets', { body, cookie, ip }));
    return { res, json: res.status === 201 ? await res.json() : await res.json().catch(() => null) };
  }
  const get = async (id: string) => read(request(`/api/snippets/${id}`), params({ id }));
  const edit = (id: string, body: unknown, cookie?: string) =>
    patch(request(`/api/snippets/${id}`, { method: 'PATCH', body, cookie }), params({ id }));
  const del = (id: string, cookie?: string) =>
    remove(request(`/api/snippets/${id}`, { method: 'DELETE', cookie }), params({ id }));

  beforeAll(async () => {
    db = await useTestDb(backend);
    alice = await makeUser(db, 'alice');
    bob = await makeUser(db, 'bob');
  });
  afterAll(async () => db?.cleanup());

  it('shares anonymously and reads it back, with the contract fields', async () => {
    const { res, json } = await share({ title: 'नमस्ते', source: SOURCE, stdin: 'x' });
    expect(res.status).toBe(201);
    expect(json.id).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(json.url).toBe(`http://localhost:3000/s/${json.id}`);
    expect(json.version).toBe(1);
    const got = await get(json.id);
    expect(got.status).toBe(200);
    const body = await got.json();
    expect(body).toMatchObject({
      id: json.id,
      title: 'नमस्ते',
      source: SOURCE,
      stdin: 'x',
      version: 1,
      owner: null,
      forkedFrom: null,
    });
    expect(Object.keys(body).sort()).toEqual([
      'createdAt',
      'forkedFrom',
      'id',
      'latinDigits',
      'owner',
      'source',
      'stdin',
      'title',
      'updatedAt',
      'version',
    ]);
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
    // Reading never changes it.
    expect((await (await get(json.id)).json()).version).toBe(1);
  });

  it("an owner's email never shows, even when they gave no name", async () => {
    const id = randomUUID();
    await db.handle.prisma.user.create({
      data: { id, email: `secret.person-${id}@example.org`, updatedAt: new Date() },
    });
    const { json } = await share({ source: SOURCE }, await sessionCookie(id));
    const text = await (await get(json.id)).text();
    expect(JSON.parse(text).owner).toEqual({ name: ANONYMOUS_OWNER_NAME });
    expect(text).not.toMatch(/secret|example\.org/);
  });

  it('ids are unguessable-looking and distinct', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await share({ source: SOURCE }, alice.cookie)).json.id);
    expect(ids.size).toBe(5);
  });

  it('an anonymous share can never change or be deleted, by anyone', async () => {
    const { json } = await share({ source: SOURCE });
    expect((await edit(json.id, { source: 'x', version: 1 })).status).toBe(401);
    const r = await edit(json.id, { source: 'x', version: 1 }, alice.cookie);
    expect(r.status).toBe(403);
    expect((await r.json()).error).toBe('anonymous_immutable');
    expect((await del(json.id, alice.cookie)).status).toBe(403);
    expect((await del(json.id)).status).toBe(401);
    expect((await (await get(json.id)).json()).source).toBe(SOURCE);
  });

  it('the owner updates with the current version; the link shows the new version', async () => {
    const { json } = await share({ title: 'a', source: SOURCE }, alice.cookie);
    const r = await edit(json.id, { title: 'b', source: 'नयाँ', version: 1 }, alice.cookie);
    expect(r.status).toBe(200);
    expect((await r.json()).version).toBe(2);
    const body = await (await get(json.id)).json();
    expect(body).toMatchObject({ title: 'b', source: 'नयाँ', stdin: '', version: 2, owner: { name: 'alice' } });
    expect(new Date(body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(body.createdAt).getTime());
  });

  it('another user cannot change or delete it, whatever they send', async () => {
    const { json } = await share({ source: SOURCE }, alice.cookie);
    for (const body of [
      { source: 'pwned', version: 1 },
      { source: 'pwned', version: 1, ownerId: bob.id },
      { source: 'pwned', version: 1, id: 'x', owner: bob.id },
    ]) {
      const r = await edit(json.id, body, bob.cookie);
      expect(r.status).toBe(403);
      expect(await r.json()).toEqual({
        error: expect.any(String),
        message: expect.any(String),
        messageEn: expect.any(String),
      });
    }
    expect((await del(json.id, bob.cookie)).status).toBe(403);
    const still = await (await get(json.id)).json();
    expect(still.source).toBe(SOURCE);
    expect(still.version).toBe(1);
    expect(still.owner).toEqual({ name: 'alice' });
  });

  it('a forged or foreign session cookie counts as signed out', async () => {
    const { json } = await share({ source: SOURCE }, alice.cookie);
    const forged = `next-auth.session-token=${await encode({ token: { sub: alice.id }, secret: 'not-our-secret-not-our-secret-xxxxxx' })}`;
    expect((await edit(json.id, { source: 'x', version: 1 }, forged)).status).toBe(401);
    expect((await edit(json.id, { source: 'x', version: 1 }, 'next-auth.session-token=garbage')).status).toBe(401);
    expect((await del(json.id, forged)).status).toBe(401);
    expect((await mine(request('/api/me/snippets', { cookie: forged }))).status).toBe(401);
  });

  it('a stale version gets 409 and changes nothing', async () => {
    const { json } = await share({ source: 'v1' }, alice.cookie);
    expect((await edit(json.id, { source: 'v2', version: 1 }, alice.cookie)).status).toBe(200);
    const stale = await edit(json.id, { source: 'lost?', version: 1 }, alice.cookie);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: 'stale_version',
      messageEn: expect.stringMatching(/version 2/),
      message: expect.stringContaining('२'),
    });
    const forgedAhead = await edit(json.id, { source: 'lost?', version: 99 }, alice.cookie);
    expect(forgedAhead.status).toBe(409);
    expect(await (await get(json.id)).json()).toMatchObject({ source: 'v2', version: 2 });
  });

  it('two concurrent updates with the same version: exactly one wins, the other gets 409', async () => {
    for (let round = 0; round < 5; round++) {
      const { json } = await share({ source: 'base' }, alice.cookie);
      const results = await Promise.all(
        ['A', 'B', 'C'].map((s) => edit(json.id, { source: s, version: 1 }, alice.cookie)),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409]);
      const winner = ['A', 'B', 'C'][results.findIndex((r) => r.status === 200)];
      expect(await (await get(json.id)).json()).toMatchObject({ source: winner, version: 2 });
    }
  });

  it('deletes own snippets; 404 afterwards and for unknown or malformed ids', async () => {
    const { json } = await share({ source: SOURCE }, alice.cookie);
    expect((await del(json.id, alice.cookie)).status).toBe(204);
    expect((await get(json.id)).status).toBe(404);
    expect((await del(json.id, alice.cookie)).status).toBe(404);
    expect((await edit(json.id, { source: 'x', version: 1 }, alice.cookie)).status).toBe(404);
    for (const id of ['AAAAAAAAAAAA', '../../etc', "x' OR 1=1 --", '']) {
      const r = await get(id);
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({
        error: 'snippet_not_found',
        message: 'प्रोग्राम भेटिएन।',
        messageEn: 'snippet not found',
      });
    }
  });

  it('fork copies into a new snippet owned by the forker and remembers its origin', async () => {
    const { json: orig } = await share({ title: 'मूल', source: SOURCE, stdin: '5', latinDigits: true }, alice.cookie);
    const r = await fork(
      request(`/api/snippets/${orig.id}/fork`, { method: 'POST', cookie: bob.cookie }),
      params({ id: orig.id }),
    );
    expect(r.status).toBe(201);
    const f = await r.json();
    expect(f.id).not.toBe(orig.id);
    expect(f.version).toBe(1);
    expect(f.url).toMatch(new RegExp(`/s/${f.id}$`));
    const copy = await (await get(f.id)).json();
    expect(copy).toMatchObject({
      title: 'मूल',
      source: SOURCE,
      stdin: '5',
      latinDigits: true,
      forkedFrom: orig.id,
      owner: { name: 'bob' },
    });
    // Bob owns the fork: he can edit it; the original is untouched and still Alice's.
    expect((await edit(f.id, { source: 'bob', version: 1 }, bob.cookie)).status).toBe(200);
    expect((await edit(f.id, { source: 'alice', version: 2 }, alice.cookie)).status).toBe(403);
    expect(await (await get(orig.id)).json()).toMatchObject({ source: SOURCE, version: 1, owner: { name: 'alice' } });
    // Anonymous forks have no owner; forking a missing snippet is 404.
    const anon = await fork(
      request(`/api/snippets/${orig.id}/fork`, { method: 'POST', ip: nextIp() }),
      params({ id: orig.id }),
    );
    expect((await (await get((await anon.json()).id)).json()).owner).toBeNull();
    expect(
      (await fork(request('/api/snippets/AAAAAAAAAAAA/fork', { method: 'POST' }), params({ id: 'AAAAAAAAAAAA' })))
        .status,
    ).toBe(404);
    // Deleting the original leaves the fork, with its origin cleared.
    expect((await del(orig.id, alice.cookie)).status).toBe(204);
    expect((await (await get(f.id)).json()).forkedFrom).toBeNull();
  });

  it('lists only my own snippets, newest first, with sizes in bytes', async () => {
    const carol = await makeUser(db, 'carol');
    const first = (await share({ title: 'one', source: 'क' }, carol.cookie)).json; // 3 bytes
    const second = (await share({ title: 'two', source: 'abcd' }, carol.cookie)).json;
    await share({ title: 'not mine', source: 'x' }, bob.cookie);
    expect((await edit(first.id, { title: 'one!', version: 1 }, carol.cookie)).status).toBe(200);
    const r = await mine(request('/api/me/snippets', { cookie: carol.cookie }));
    expect(r.status).toBe(200);
    const list = await r.json();
    expect(list.map((s: { id: string }) => s.id)).toEqual([first.id, second.id]);
    expect(list[0]).toEqual({
      id: first.id,
      title: 'one!',
      updatedAt: expect.any(String),
      size: 3,
      version: 2,
      preview: 'क',
    });
    expect(list[1].size).toBe(4);
    expect((await mine(request('/api/me/snippets'))).status).toBe(401);
  });

  describe('validation', () => {
    it('rejects bad JSON, wrong types and bad titles with 400 {"error", "message", "messageEn"}', async () => {
      const cases: { rawBody?: string; body?: unknown }[] = [
        { rawBody: '{not json' },
        { rawBody: '' },
        { body: null },
        { body: [] },
        { body: {} },
        { body: { source: 5 } },
        { body: { source: 'x', stdin: ['a'] } },
        { body: { source: 'x', title: 'a\nb' } },
        { body: { source: 'x', title: 'x'.repeat(121) } },
        { body: { source: 'x', latinDigits: 'yes' } },
      ];
      for (const c of cases) {
        const res = await create(
          request('/api/snippets', {
            ...c,
            method: 'POST',
            ip: nextIp(),
            headers: { 'content-type': 'application/json' },
          }),
        );
        expect(res.status, JSON.stringify(c)).toBe(400);
        const body = await res.json();
        // The one error shape: a code, both texts naming the first wrong field, and the issues.
        if (c.rawBody !== undefined) {
          expect(body).toEqual({
            error: 'bad_json',
            message: expect.any(String),
            messageEn: 'The request body is not valid JSON.',
          });
          continue;
        }
        expect(Object.keys(body)).toEqual(['error', 'message', 'messageEn', 'issues']);
        expect(body.error).toBe('invalid_request');
        expect(body.messageEn).toMatch(/^The request does not have the expected shape: /);
        expect(body.issues.length).toBeGreaterThan(0);
      }
    });

    it('NUL (U+0000) and unpaired surrogates in source, stdin or title: 400 that says why; nothing stored or changed', async () => {
      const before = await db.handle.prisma.snippet.count();
      const bad = [
        { source: 'a\u0000b' },
        { source: 'x', stdin: 'in\u0000put' },
        { source: 'x', title: 'a\u0000' },
        { source: 'lone \ud800 high' },
        { source: 'lone \udc00 low' },
        { source: 'x', stdin: '\ud83d' },
        { source: 'x', title: 't\udfff' },
      ];
      for (const body of bad) {
        const { res, json } = await share(body, alice.cookie);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(json.messageEn, JSON.stringify(body)).toMatch(/NUL|surrogate|control characters/);
        expect(json.message).toBeTruthy();
      }
      expect(await db.handle.prisma.snippet.count()).toBe(before);
      // The same through PATCH leaves the snippet as it was; paired surrogates (emoji) are stored faithfully.
      const { json } = await share({ source: SOURCE }, alice.cookie);
      for (const body of bad) expect((await edit(json.id, { ...body, version: 1 }, alice.cookie)).status).toBe(400);
      const emoji = 'देखाउ("😀")\n';
      expect((await edit(json.id, { source: emoji, stdin: '𝄞', version: 1 }, alice.cookie)).status).toBe(200);
      const stored = await (await get(json.id)).json();
      expect([stored.source, stored.stdin, stored.version]).toEqual([emoji, '𝄞', 2]);
      // Raw JSON escapes reach the same check.
      const raw = await create(
        request('/api/snippets', {
          rawBody: '{"source":"a\\u0000b"}',
          method: 'POST',
          ip: nextIp(),
          cookie: alice.cookie,
        }),
      );
      expect(raw.status).toBe(400);
    });

    it('malformed ids are 404 on every id route, before any limit or body is looked at', async () => {
      for (const id of ['%ff', '../x', 'a'.repeat(13), '', 'abc\u0000defghijk', 'ÄÄÄÄÄÄÄÄÄÄÄÄ']) {
        expect((await get(id)).status, id).toBe(404);
        expect((await edit(id, { source: 'x', version: 1 }, alice.cookie)).status, id).toBe(404);
        expect((await del(id, alice.cookie)).status, id).toBe(404);
        const ip = nextIp();
        for (let i = 0; i < LIMITS.shareAnonIp.points + 1; i++) {
          expect((await fork(request(`/api/snippets/x/fork`, { method: 'POST', ip }), params({ id }))).status, id).toBe(
            404,
          );
        }
      }
    });

    it('PATCH needs an integer version', async () => {
      const { json } = await share({ source: SOURCE }, alice.cookie);
      for (const body of [
        { source: 'x' },
        { source: 'x', version: '1' },
        { source: 'x', version: 1.5 },
        { version: 0 },
        { version: -1 },
      ]) {
        expect((await edit(json.id, body, alice.cookie)).status, JSON.stringify(body)).toBe(400);
      }
      expect((await (await get(json.id)).json()).version).toBe(1);
    });

    it('a full 64 KiB source written entirely as \\u escapes still fits in the body limit', async () => {
      const escaped = JSON.stringify({ source: 'क'.repeat(21845), stdin: 'ख'.repeat(21845) }).replace(
        /[\u0900-\u097f]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      const res = await create(request('/api/snippets', { rawBody: escaped, ip: nextIp(), method: 'POST' }));
      expect(res.status).toBe(201);
    });

    it('source or stdin over 64 KiB (in UTF-8 bytes) is 413; exactly 64 KiB is fine', async () => {
      const exact = 'a'.repeat(64 * 1024);
      expect((await share({ source: exact }, alice.cookie)).res.status).toBe(201);
      // 21846 Devanagari letters are 65538 bytes though only 21846 characters.
      const devanagari = 'क'.repeat(21846);
      for (const body of [{ source: exact + 'a' }, { source: 'x', stdin: exact + 'a' }, { source: devanagari }]) {
        const { res, json } = await share(body, alice.cookie);
        expect(res.status).toBe(413);
        expect(json.error).toBe('too_large');
      }
      const { json } = await share({ source: SOURCE }, alice.cookie);
      expect((await edit(json.id, { source: exact + 'a', version: 1 }, alice.cookie)).status).toBe(413);
    });

    it('an oversized body is refused with 413 before it is parsed', async () => {
      const huge = JSON.stringify({ source: 'x'.repeat(MAX_BODY_BYTES) });
      const res = await create(request('/api/snippets', { rawBody: huge, ip: nextIp(), method: 'POST' }));
      expect(res.status).toBe(413);
      // Also when the client lies about content-length (streamed body without it).
      const stream = new ReadableStream({
        start(c) {
          for (let i = 0; i < 100; i++) c.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
          c.close();
        },
      });
      const req = new Request('http://localhost:3000/api/snippets', {
        method: 'POST',
        body: stream,
        duplex: 'half',
        headers: { 'x-forwarded-for': nextIp() },
      } as RequestInit);
      expect((await create(req)).status).toBe(413);
    });
  });

  describe('rate limits', () => {
    it('anonymous shares: the limit per IP, then 429 with Retry-After; other IPs unaffected', async () => {
      const ip = nextIp();
      for (let i = 0; i < LIMITS.shareAnonIp.points; i++) {
        expect((await share({ source: 'x' }, undefined, ip)).res.status).toBe(201);
      }
      const { res, json } = await share({ source: 'x' }, undefined, ip);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(json.error).toBe('rate_limited');
      // Forks from that IP are limited too; another IP and a signed-in user are not.
      const { json: one } = await share({ source: 'x' }, alice.cookie);
      expect(
        (await fork(request(`/api/snippets/${one.id}/fork`, { method: 'POST', ip }), params({ id: one.id }))).status,
      ).toBe(429);
      expect((await share({ source: 'x' }, undefined, nextIp())).res.status).toBe(201);
      expect((await share({ source: 'x' }, alice.cookie, ip)).res.status).toBe(201);
    });
  });
});

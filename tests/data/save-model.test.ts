// The save model's API (docs/ide.md, "The save model"): content-addressed share snapshots,
// forks that carry edits, soft delete with undo, and the list's preview line — through the
// exported route handlers with real session cookies on PGlite (and PostgreSQL when
// TEST_DATABASE_URL is set).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { BACKENDS, useTestDb, makeUser, request, params, nextIp, type TestDb } from './helpers';
import { POST as createProgram } from '@/app/api/snippets/route';
import { GET as read, PATCH as patch, DELETE as remove } from '@/app/api/snippets/[id]/route';
import { POST as fork } from '@/app/api/snippets/[id]/fork/route';
import { POST as restore } from '@/app/api/snippets/[id]/restore/route';
import { POST as shareRoute } from '@/app/api/shares/route';
import { GET as mine } from '@/app/api/me/snippets/route';
import { DELETE_GRACE_MS } from '@/lib/snippets';

const SOURCE = '# अभिवादन\n\nदेखाउ("नमस्ते")\n';

describe.each(BACKENDS)('save model on %s', (backend) => {
  let db: TestDb;
  let alice: { id: string; cookie: string };
  let bob: { id: string; cookie: string };

  async function share(body: unknown, cookie?: string, ip = nextIp()) {
    const res = await shareRoute(request('/api/shares', { body, cookie, ip }));
    return { status: res.status, json: await res.json() };
  }
  async function program(body: unknown, cookie: string) {
    const res = await createProgram(request('/api/snippets', { body, cookie, ip: nextIp() }));
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; version: number };
  }
  const get = (id: string) => read(request(`/api/snippets/${id}`), params({ id }));
  const del = (id: string, cookie?: string) =>
    remove(request(`/api/snippets/${id}`, { method: 'DELETE', cookie }), params({ id }));
  const undo = (id: string, cookie?: string) =>
    restore(request(`/api/snippets/${id}/restore`, { method: 'POST', cookie }), params({ id }));
  const snapshotRows = (source: string) =>
    db.handle.prisma.snippet.count({ where: { source, snapshotKey: { not: null } } });

  beforeAll(async () => {
    db = await useTestDb(backend);
    alice = await makeUser(db, 'alice');
    bob = await makeUser(db, 'bob');
  });
  afterAll(async () => db?.cleanup());

  it('sharing the same content twice gives the same link; any change gives another', async () => {
    const source = `${SOURCE}# ${randomUUID()}\n`;
    const first = await share({ title: 'अभिवादन', source }, alice.cookie);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ created: true, version: 1 });
    expect(first.json.url).toBe(`http://localhost:3000/s/${first.json.id}`);
    // Signed out, from another address: still the same snapshot.
    const again = await share({ title: 'अभिवादन', source });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ...first.json, created: false });
    for (const changed of [
      { title: 'अर्को', source },
      { title: 'अभिवादन', source: `${source} ` },
      { title: 'अभिवादन', source, stdin: '१' },
      { title: 'अभिवादन', source, latinDigits: true },
    ]) {
      const other = await share(changed);
      expect(other.status, JSON.stringify(changed)).toBe(201);
      expect(other.json.id).not.toBe(first.json.id);
    }
    expect(await snapshotRows(source)).toBe(4); // the first and three changes (one changed the source itself)
  });

  it('concurrent identical shares make one snapshot, and all answer its link', async () => {
    const source = `${SOURCE}# ${randomUUID()}\n`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => share({ source }, i % 2 ? alice.cookie : undefined)),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    expect(answers.filter((a) => a.json.created)).toHaveLength(1);
    expect(await snapshotRows(source)).toBe(1);
  });

  it('a snapshot is ownerless and can never change', async () => {
    const { json } = await share({ source: `${SOURCE}# ${randomUUID()}\n` }, alice.cookie);
    const body = await (await get(json.id)).json();
    expect(body.owner).toBeNull();
    const res = await patch(
      request(`/api/snippets/${json.id}`, { method: 'PATCH', body: { source: 'x', version: 1 }, cookie: alice.cookie }),
      params({ id: json.id }),
    );
    expect(res.status).toBe(403);
    expect((await del(json.id, alice.cookie)).status).toBe(403);
  });

  it('a fork with a body carries the edits; without one it copies the original', async () => {
    const orig = await program({ title: 'मूल', source: SOURCE, stdin: 'क' }, alice.cookie);
    const edited = await fork(
      request(`/api/snippets/${orig.id}/fork`, {
        body: { title: 'मेरो', source: 'देखाउ("बदलिएको")\n', stdin: 'ख', latinDigits: true },
        ip: nextIp(),
      }),
      params({ id: orig.id }),
    );
    expect(edited.status).toBe(201);
    const copy = await (await get((await edited.json()).id)).json();
    expect(copy).toMatchObject({
      title: 'मेरो',
      source: 'देखाउ("बदलिएको")\n',
      stdin: 'ख',
      latinDigits: true,
      forkedFrom: orig.id,
      owner: null,
    });
    const plain = await fork(
      request(`/api/snippets/${orig.id}/fork`, { method: 'POST', cookie: bob.cookie, ip: nextIp() }),
      params({ id: orig.id }),
    );
    const plainCopy = await (await get((await plain.json()).id)).json();
    expect(plainCopy).toMatchObject({ title: 'मूल', source: SOURCE, stdin: 'क', owner: { name: 'bob' } });
    // Edits are validated like any program.
    const bad = await fork(
      request(`/api/snippets/${orig.id}/fork`, { body: { source: 7 }, ip: nextIp() }),
      params({ id: orig.id }),
    );
    expect(bad.status).toBe(400);
  });

  it('delete hides at once; the owner can undo within the grace, nobody else, and not after', async () => {
    const p = await program({ title: 'मेटिने', source: SOURCE }, alice.cookie);
    expect((await del(p.id, alice.cookie)).status).toBe(204);
    expect((await get(p.id)).status).toBe(404);
    const listed = await (await mine(request('/api/me/snippets', { cookie: alice.cookie }))).json();
    expect(listed.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await del(p.id, alice.cookie)).status).toBe(404);
    expect((await undo(p.id)).status).toBe(401);
    expect((await undo(p.id, bob.cookie)).status).toBe(403);
    const back = await undo(p.id, alice.cookie);
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual({ id: p.id, version: 1 });
    expect((await (await get(p.id)).json()).title).toBe('मेटिने');
    expect((await undo(p.id, alice.cookie)).status).toBe(404); // nothing to undo any more

    // Past the grace: not restorable, and the next delete purges it from the database.
    expect((await del(p.id, alice.cookie)).status).toBe(204);
    await db.handle.prisma.snippet.update({
      where: { id: p.id },
      data: { deletedAt: new Date(Date.now() - DELETE_GRACE_MS - 1000) },
    });
    expect((await undo(p.id, alice.cookie)).status).toBe(404);
    const other = await program({ source: SOURCE }, alice.cookie);
    expect((await del(other.id, alice.cookie)).status).toBe(204);
    expect(await db.handle.prisma.snippet.findUnique({ where: { id: p.id } })).toBeNull();
    expect(await db.handle.prisma.snippet.findUnique({ where: { id: other.id } })).not.toBeNull();
  });

  it('a deleted program cannot be saved over until restored', async () => {
    const p = await program({ source: SOURCE }, alice.cookie);
    expect((await del(p.id, alice.cookie)).status).toBe(204);
    const edit = () =>
      patch(
        request(`/api/snippets/${p.id}`, { method: 'PATCH', body: { source: 'x', version: 1 }, cookie: alice.cookie }),
        params({ id: p.id }),
      );
    expect((await edit()).status).toBe(404);
    expect((await undo(p.id, alice.cookie)).status).toBe(200);
    expect((await edit()).status).toBe(200);
  });

  it('/api/me/snippets gives each program its version and a preview line', async () => {
    const p = await program({ title: 'झलक', source: '# झलक\n\n  गन्ती = १\nदेखाउ(गन्ती)\n' }, bob.cookie);
    const list = await (await mine(request('/api/me/snippets', { cookie: bob.cookie }))).json();
    expect(list.find((x: { id: string }) => x.id === p.id)).toMatchObject({
      title: 'झलक',
      version: 1,
      preview: 'गन्ती = १',
    });
  });
});

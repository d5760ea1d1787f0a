// Shared programs. Rules, enforced here and tested in tests/data/snippets.test.ts:
// - anyone may create (anonymous shares have no owner) and read by id; reading never changes;
// - only the owner may change or delete; an anonymous share never changes;
// - a change names the version it was based on; it is applied by one atomic
//   UPDATE … WHERE id AND ownerId AND version, so of two changes based on the same version
//   exactly one wins and the other gets 409 (nothing is lost silently);
// - a fork is a new snippet owned by whoever forks, remembering its origin.
import type { Db } from '@/lib/db';
import { newSnippetId } from './id';
import { ApiError, notFound, notOwner, anonymousImmutable, staleVersion } from './errors';
import { reserveAnonymousRoom } from './anonymous-budget';
import {
  snippetCreateSchema, snippetPatchSchema, snippetIdSchema, oversizeFields, unstorableFields, utf8Bytes,
  type SnippetCreateInput, type SnippetPatchInput,
} from '@/lib/validations/snippet';

export interface SnippetView {
  id: string; title: string; source: string; stdin: string; latinDigits: boolean; version: number;
  owner: { name: string } | null; ownerId: string | null; forkedFrom: string | null;
  createdAt: Date; updatedAt: Date;
}

export interface SnippetListItem { id: string; title: string; updatedAt: Date; size: number; version: number }

/** Shown for an owner who gave no name. */
export const ANONYMOUS_OWNER_NAME = 'सजिलो प्रयोगकर्ता';

export function snippetUrl(id: string): string {
  return `/s/${id}`;
}

/** A syntactically impossible id is simply not found (404, before anything else is done). */
export function checkId(id: string): string {
  if (!snippetIdSchema.safeParse(id).success) throw notFound();
  return id;
}

function assertSizes(input: { source?: string; stdin?: string }) {
  const over = oversizeFields(input);
  if (over.length) {
    throw new ApiError('too_large');
  }
}

/** PostgreSQL text cannot hold U+0000, and UTF-8 cannot carry a lone surrogate: 400, never a silent change. */
function assertStorable(input: { title?: string; source?: string; stdin?: string }) {
  const bad = unstorableFields(input);
  if (bad.length) {
    throw new ApiError('unstorable_text', { vars: { fields: bad.join(', ') } });
  }
}

export function parseCreate(body: unknown): SnippetCreateInput {
  const data = snippetCreateSchema.parse(body);
  assertSizes(data);
  assertStorable(data);
  return data;
}

export function parsePatch(body: unknown): SnippetPatchInput {
  const data = snippetPatchSchema.parse(body);
  assertSizes(data);
  assertStorable(data);
  return data;
}

export async function createSnippet(
  db: Db, input: SnippetCreateInput, ownerId: string | null, forkedFromId: string | null = null,
): Promise<{ id: string; version: number }> {
  const release = ownerId === null
    ? await reserveAnonymousRoom(db, utf8Bytes(input.source) + utf8Bytes(input.stdin ?? '') + utf8Bytes(input.title ?? ''))
    : () => {};
  // 62^12 ids: a collision is astronomically unlikely, but retry rather than fail if one happens.
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db.snippet.create({
        data: {
          id: newSnippetId(), title: input.title ?? '', source: input.source, stdin: input.stdin ?? '',
          latinDigits: input.latinDigits ?? false, ownerId, forkedFromId,
        },
        select: { id: true, version: true },
      });
      return row;
    } catch (err) {
      if (attempt < 2 && (err as { code?: string }).code === 'P2002') continue;
      release();
      throw err;
    }
  }
}

export async function getSnippet(db: Db, id: string): Promise<SnippetView | null> {
  if (!snippetIdSchema.safeParse(id).success) return null;
  const row = await db.snippet.findUnique({ where: { id }, include: { owner: { select: { name: true } } } });
  if (!row) return null;
  return {
    id: row.id, title: row.title, source: row.source, stdin: row.stdin, latinDigits: row.latinDigits,
    version: row.version, ownerId: row.ownerId, forkedFrom: row.forkedFromId,
    // Only a display name is public, never the email (nor a part of it).
    owner: row.owner ? { name: row.owner.name || ANONYMOUS_OWNER_NAME } : null,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

/** Why a guarded change matched no row: 404, 403 or 409 — in that order of precedence. */
async function explainMiss(db: Db, id: string, userId: string): Promise<never> {
  const row = await db.snippet.findUnique({ where: { id }, select: { ownerId: true, version: true } });
  if (!row) throw notFound();
  if (row.ownerId === null) throw anonymousImmutable();
  if (row.ownerId !== userId) throw notOwner();
  throw staleVersion(row.version);
}

export async function updateSnippet(
  db: Db, id: string, userId: string, patch: SnippetPatchInput,
): Promise<{ id: string; version: number; updatedAt: Date }> {
  checkId(id);
  const { version, ...fields } = patch;
  // One statement: the WHERE clause is the whole authorization and concurrency check.
  const rows = await db.snippet.updateManyAndReturn({
    where: { id, ownerId: userId, version },
    data: { ...fields, version: { increment: 1 }, updatedAt: new Date() },
    select: { id: true, version: true, updatedAt: true },
  });
  if (rows.length === 1) return rows[0];
  return explainMiss(db, id, userId);
}

export async function deleteSnippet(db: Db, id: string, userId: string): Promise<void> {
  checkId(id);
  const { count } = await db.snippet.deleteMany({ where: { id, ownerId: userId } });
  if (count === 1) return;
  const row = await db.snippet.findUnique({ where: { id }, select: { ownerId: true } });
  if (!row) throw notFound();
  if (row.ownerId === null) throw anonymousImmutable();
  throw notOwner();
}

export async function forkSnippet(db: Db, id: string, userId: string | null): Promise<{ id: string; version: number }> {
  const origin = await getSnippet(db, id);
  if (!origin) throw notFound();
  return createSnippet(
    db,
    { title: origin.title, source: origin.source, stdin: origin.stdin, latinDigits: origin.latinDigits },
    userId,
    origin.id,
  );
}

export async function listSnippets(db: Db, userId: string, limit = 500): Promise<SnippetListItem[]> {
  // size = bytes of source, computed by the database so sources are not fetched.
  const rows = await db.$queryRaw<{ id: string; title: string; updatedAt: Date; size: number; version: number }[]>`
    SELECT "id", "title", "updatedAt", octet_length("source")::int AS "size", "version"
    FROM "Snippet" WHERE "ownerId" = ${userId}
    ORDER BY "updatedAt" DESC, "id" LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, title: r.title, updatedAt: new Date(r.updatedAt), size: Number(r.size), version: Number(r.version) }));
}

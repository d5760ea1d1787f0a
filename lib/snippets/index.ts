// Shared programs. Rules, enforced here and tested in tests/data/snippets.test.ts:
// - anyone may create (anonymous shares have no owner) and read by id; reading never changes;
// - only the owner may change or delete; an anonymous share never changes;
// - a change names the version it was based on; it is applied by one atomic
//   UPDATE … WHERE id AND ownerId AND version, so of two changes based on the same version
//   exactly one wins and the other gets 409 (nothing is lost silently);
// - a fork is a new snippet owned by whoever forks, remembering its origin; it carries the
//   forker's edits when they send them;
// - a share is a snapshot: content-addressed (snapshotKey = hash of what is shared, unique in
//   the database), ownerless and immutable, so sharing the same program twice, even at the
//   same instant from two requests, gives the same row;
// - deleting hides a program at once and purges it after DELETE_GRACE_MS; until then its
//   owner can restore it (the undo on /me).
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/db';
import { newSnippetId } from './id';
import { ApiError, notFound, notOwner, anonymousImmutable, staleVersion } from './errors';
import { reserveAnonymousRoom } from './anonymous-budget';
import { previewLine } from './preview';
import type { MySnippet } from '@/lib/api/schemas';
import {
  snippetCreateSchema,
  snippetPatchSchema,
  snippetIdSchema,
  oversizeFields,
  unstorableFields,
  utf8Bytes,
  type SnippetCreateInput,
  type SnippetPatchInput,
} from '@/lib/validations/snippet';

export interface SnippetView {
  id: string;
  title: string;
  source: string;
  stdin: string;
  latinDigits: boolean;
  version: number;
  owner: { name: string } | null;
  ownerId: string | null;
  forkedFrom: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SnippetListItem {
  id: string;
  title: string;
  updatedAt: Date;
  size: number;
  version: number;
  preview: string;
}

/** A list item as the API and the /me page hand it to the browser (MySnippet). */
export function toMySnippet(s: SnippetListItem): MySnippet {
  return {
    id: s.id,
    title: s.title,
    updatedAt: s.updatedAt.toISOString(),
    size: s.size,
    version: s.version,
    preview: s.preview,
  };
}

/** How long a deleted program can still be restored. */
export const DELETE_GRACE_MS = 10 * 60 * 1000;

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
  db: Db,
  input: SnippetCreateInput,
  ownerId: string | null,
  forkedFromId: string | null = null,
): Promise<{ id: string; version: number }> {
  const release =
    ownerId === null
      ? await reserveAnonymousRoom(
          db,
          utf8Bytes(input.source) + utf8Bytes(input.stdin ?? '') + utf8Bytes(input.title ?? ''),
        )
      : () => {};
  // 62^12 ids: a collision is astronomically unlikely, but retry rather than fail if one happens.
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db.snippet.create({
        data: {
          id: newSnippetId(),
          title: input.title ?? '',
          source: input.source,
          stdin: input.stdin ?? '',
          latinDigits: input.latinDigits ?? false,
          ownerId,
          forkedFromId,
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
  const row = await db.snippet.findUnique({
    where: { id },
    include: { owner: { select: { name: true } }, forkedFrom: { select: { deletedAt: true } } },
  });
  if (!row || row.deletedAt) return null;
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    stdin: row.stdin,
    latinDigits: row.latinDigits,
    // A deleted origin is gone for everyone at once, not only when it is purged.
    version: row.version,
    ownerId: row.ownerId,
    forkedFrom: row.forkedFrom?.deletedAt ? null : row.forkedFromId,
    // Only a display name is public, never the email (nor a part of it).
    owner: row.owner ? { name: row.owner.name || ANONYMOUS_OWNER_NAME } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Why a guarded change matched no row: 404, 403 or 409 — in that order of precedence. */
async function explainMiss(db: Db, id: string, userId: string): Promise<never> {
  const row = await db.snippet.findUnique({ where: { id }, select: { ownerId: true, version: true, deletedAt: true } });
  if (!row || row.deletedAt) throw notFound();
  if (row.ownerId === null) throw anonymousImmutable();
  if (row.ownerId !== userId) throw notOwner();
  throw staleVersion(row.version);
}

export async function updateSnippet(
  db: Db,
  id: string,
  userId: string,
  patch: SnippetPatchInput,
): Promise<{ id: string; version: number; updatedAt: Date }> {
  checkId(id);
  const { version, ...fields } = patch;
  // One statement: the WHERE clause is the whole authorization and concurrency check.
  const rows = await db.snippet.updateManyAndReturn({
    where: { id, ownerId: userId, version, deletedAt: null },
    data: { ...fields, version: { increment: 1 }, updatedAt: new Date() },
    select: { id: true, version: true, updatedAt: true },
  });
  if (rows.length === 1) return rows[0];
  return explainMiss(db, id, userId);
}

/** Hides the program at once (404 for everyone); restoreSnippet undoes it within DELETE_GRACE_MS. */
export async function deleteSnippet(db: Db, id: string, userId: string): Promise<void> {
  checkId(id);
  const now = new Date();
  const { count } = await db.snippet.updateMany({
    where: { id, ownerId: userId, deletedAt: null },
    data: { deletedAt: now },
  });
  // Programs deleted longer ago than the grace go for good; doing it here needs no timer.
  await db.snippet.deleteMany({ where: { deletedAt: { lt: new Date(now.getTime() - DELETE_GRACE_MS) } } });
  if (count === 1) return;
  const row = await db.snippet.findUnique({ where: { id }, select: { ownerId: true, deletedAt: true } });
  if (!row || row.deletedAt) throw notFound();
  if (row.ownerId === null) throw anonymousImmutable();
  throw notOwner();
}

/** Brings back a program its owner deleted less than DELETE_GRACE_MS ago; 404 otherwise. */
export async function restoreSnippet(db: Db, id: string, userId: string): Promise<{ id: string; version: number }> {
  checkId(id);
  const rows = await db.snippet.updateManyAndReturn({
    where: { id, ownerId: userId, deletedAt: { gte: new Date(Date.now() - DELETE_GRACE_MS) } },
    data: { deletedAt: null },
    select: { id: true, version: true },
  });
  if (rows.length === 1) return rows[0];
  const row = await db.snippet.findUnique({ where: { id }, select: { ownerId: true } });
  if (row && row.ownerId !== null && row.ownerId !== userId) throw notOwner();
  throw notFound();
}

/** A copy of snippet `id` owned by `userId`; with `edits`, the copy holds them instead of the original. */
export async function forkSnippet(
  db: Db,
  id: string,
  userId: string | null,
  edits?: SnippetCreateInput,
): Promise<{ id: string; version: number }> {
  const origin = await getSnippet(db, id);
  if (!origin) throw notFound();
  const content = edits
    ? {
        title: edits.title ?? origin.title,
        source: edits.source,
        stdin: edits.stdin ?? '',
        latinDigits: edits.latinDigits ?? false,
      }
    : { title: origin.title, source: origin.source, stdin: origin.stdin, latinDigits: origin.latinDigits };
  return createSnippet(db, content, userId, origin.id);
}

/** The snapshot key of what is shared: every field that changes what the link shows or runs. */
export function snapshotKeyOf(input: SnippetCreateInput): string {
  const canonical = JSON.stringify([input.title ?? '', input.source, input.stdin ?? '', input.latinDigits ?? false]);
  return createHash('sha256').update(canonical).digest('base64url');
}

/**
 * Shares a snapshot of the program: the existing snapshot of exactly this content, or a new
 * one. The insert is ON CONFLICT DO NOTHING on the unique snapshotKey followed by a read, so
 * concurrent identical shares all end on the one row. Only a new anonymous snapshot costs
 * anonymous storage (`anonymous`), and `beforeCreate` (the rate limit) runs only when a row
 * has to be made.
 */
export async function shareSnapshot(
  db: Db,
  input: SnippetCreateInput,
  opts: { anonymous: boolean; beforeCreate?: () => Promise<void> },
): Promise<{ id: string; version: number; created: boolean }> {
  const snapshotKey = snapshotKeyOf(input);
  const findExisting = () => db.snippet.findUnique({ where: { snapshotKey }, select: { id: true, version: true } });
  const existing = await findExisting();
  if (existing) return { ...existing, created: false };
  try {
    await opts.beforeCreate?.();
  } catch (refused) {
    // A burst of identical shares: those that looked before the first one's row existed each
    // asked the limiter; one refused now may find that row made meanwhile, which costs nothing.
    const madeMeanwhile = await findExisting();
    if (madeMeanwhile) return { ...madeMeanwhile, created: false };
    throw refused;
  }
  const release = opts.anonymous
    ? await reserveAnonymousRoom(
        db,
        utf8Bytes(input.source) + utf8Bytes(input.stdin ?? '') + utf8Bytes(input.title ?? ''),
      )
    : () => {};
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const id = newSnippetId();
      await db.snippet.createMany({
        data: [
          {
            id,
            title: input.title ?? '',
            source: input.source,
            stdin: input.stdin ?? '',
            latinDigits: input.latinDigits ?? false,
            ownerId: null,
            snapshotKey,
          },
        ],
        skipDuplicates: true,
      });
      const row = await db.snippet.findUnique({ where: { snapshotKey }, select: { id: true, version: true } });
      if (row) {
        if (row.id !== id) release(); // another request made it first
        return { ...row, created: row.id === id };
      }
      // Skipped for an id collision (62^12 ids: astronomically unlikely): try another id.
    }
    throw new Error('could not store the snapshot');
  } catch (err) {
    release();
    throw err;
  }
}

export async function listSnippets(db: Db, userId: string, limit = 500): Promise<SnippetListItem[]> {
  // size = bytes of source, computed by the database; of the source only its head is fetched,
  // for the preview line.
  const rows = await db.$queryRaw<
    { id: string; title: string; updatedAt: Date; size: number; version: number; head: string }[]
  >`
    SELECT "id", "title", "updatedAt", octet_length("source")::int AS "size", "version", left("source", 600) AS "head"
    FROM "Snippet" WHERE "ownerId" = ${userId} AND "deletedAt" IS NULL
    ORDER BY "updatedAt" DESC, "id" LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    updatedAt: new Date(r.updatedAt),
    size: Number(r.size),
    version: Number(r.version),
    preview: previewLine(r.head),
  }));
}

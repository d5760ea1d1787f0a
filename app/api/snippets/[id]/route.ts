// GET    /api/snippets/:id  → 200 the snippet | 404
// PATCH  /api/snippets/:id  {"title"?, "source"?, "stdin"?, "latinDigits"?, "version"} → 200 | 400 | 401 | 403 | 404 | 409 | 413
// DELETE /api/snippets/:id  → 204 | 401 | 403 | 404
import { getDb } from '@/lib/db';
import { sessionUserId } from '@/lib/auth/session';
import { checkId, getSnippet, updateSnippet, deleteSnippet, parsePatch } from '@/lib/snippets';
import { notFound, signedOut } from '@/lib/snippets/errors';
import { json, readJson, route } from '@/lib/snippets/http';
import { MAX_BODY_BYTES } from '@/lib/validations/snippet';
import { IGNORED_BODY_BYTES, httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export const GET = httpRoute({ maxBodyBytes: IGNORED_BODY_BYTES }, route(async (_req: Request, ctx: Ctx) => {
  const id = checkId((await ctx.params).id);
  const s = await getSnippet(await getDb(), id);
  if (!s) throw notFound();
  return json(
    {
      id: s.id, title: s.title, source: s.source, stdin: s.stdin, version: s.version,
      owner: s.owner, forkedFrom: s.forkedFrom,
      createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(),
      latinDigits: s.latinDigits,
    },
    200,
    { 'cache-control': 'no-store' },
  );
}));

export const PATCH = httpRoute({ maxBodyBytes: MAX_BODY_BYTES }, route(async (req: Request, ctx: Ctx) => {
  const id = checkId((await ctx.params).id);
  const userId = await sessionUserId(req);
  if (!userId) throw signedOut();
  const patch = parsePatch(await readJson(req, MAX_BODY_BYTES));
  const s = await updateSnippet(await getDb(), id, userId, patch);
  return json({ id: s.id, version: s.version, updatedAt: s.updatedAt.toISOString() });
}));

export const DELETE = httpRoute({ maxBodyBytes: IGNORED_BODY_BYTES }, route(async (req: Request, ctx: Ctx) => {
  const id = checkId((await ctx.params).id);
  const userId = await sessionUserId(req);
  if (!userId) throw signedOut();
  await deleteSnippet(await getDb(), id, userId);
  return json(null, 204);
}));

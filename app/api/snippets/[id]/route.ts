// GET    /api/snippets/:id  → 200 the snippet | 404
// PATCH  /api/snippets/:id  {"title"?, "source"?, "stdin"?, "latinDigits"?, "version"} → 200 | 400 | 401 | 403 | 404 | 409 | 413
// DELETE /api/snippets/:id  → 204 | 401 | 403 | 404
import { getDb } from '@/lib/db';
import { sessionUserId } from '@/lib/auth/session';
import { checkId, getSnippet, updateSnippet, deleteSnippet, parsePatch } from '@/lib/snippets';
import { notFound, signedOut } from '@/lib/snippets/errors';
import { snippetPatchSchema, type SnippetPatched, type SnippetRead } from '@/lib/api/schemas';
import { MAX_BODY_BYTES } from '@/lib/validations/snippet';
import { readJson } from '@/lib/http/body';
import { jsonResponse } from '@/lib/http/json';
import { IGNORED_BODY_BYTES, apiMethods, httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  GET: httpRoute({ maxBodyBytes: IGNORED_BODY_BYTES }, async (_req: Request, ctx: Ctx) => {
    const id = checkId((await ctx.params).id);
    const s = await getSnippet(await getDb(), id);
    if (!s) throw notFound();
    const answer: SnippetRead = {
      id: s.id,
      title: s.title,
      source: s.source,
      stdin: s.stdin,
      version: s.version,
      owner: s.owner,
      forkedFrom: s.forkedFrom,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      latinDigits: s.latinDigits,
    };
    return jsonResponse(answer, 200, { 'cache-control': 'no-store' });
  }),

  PATCH: httpRoute({ maxBodyBytes: MAX_BODY_BYTES }, async (req: Request, ctx: Ctx) => {
    const id = checkId((await ctx.params).id);
    const userId = await sessionUserId(req);
    if (!userId) throw signedOut();
    const patch = parsePatch(await readJson(req, snippetPatchSchema));
    const s = await updateSnippet(await getDb(), id, userId, patch);
    const answer: SnippetPatched = { id: s.id, version: s.version, updatedAt: s.updatedAt.toISOString() };
    return jsonResponse(answer);
  }),

  DELETE: httpRoute({ maxBodyBytes: IGNORED_BODY_BYTES }, async (req: Request, ctx: Ctx) => {
    const id = checkId((await ctx.params).id);
    const userId = await sessionUserId(req);
    if (!userId) throw signedOut();
    await deleteSnippet(await getDb(), id, userId);
    return jsonResponse(null, 204);
  }),
});

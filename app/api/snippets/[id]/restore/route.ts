// POST /api/snippets/:id/restore → 200 {"id", "version"} | 401 | 403 | 404
// Undoes a DELETE by the owner within the grace (lib/snippets DELETE_GRACE_MS); after it, 404.
import { getDb } from '@/lib/db';
import { sessionUserId } from '@/lib/auth/session';
import { checkId, restoreSnippet } from '@/lib/snippets';
import { signedOut } from '@/lib/snippets/errors';
import type { SnippetRestored } from '@/lib/api/schemas';
import { jsonResponse } from '@/lib/http/json';
import { IGNORED_BODY_BYTES, apiMethods, httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: httpRoute(
    { maxBodyBytes: IGNORED_BODY_BYTES },
    async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
      const id = checkId((await ctx.params).id);
      const userId = await sessionUserId(req);
      if (!userId) throw signedOut();
      const answer: SnippetRestored = await restoreSnippet(await getDb(), id, userId);
      return jsonResponse(answer);
    },
  ),
});

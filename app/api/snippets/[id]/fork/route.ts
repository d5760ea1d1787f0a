// POST /api/snippets/:id/fork → 201 {"id", "url", "version"} | 404 | 429
// The copy is owned by whoever forks (anonymous forks have no owner, like anonymous shares).
import { getDb } from '@/lib/db';
import { sessionUserId } from '@/lib/auth/session';
import { clientIp } from '@/lib/auth/ip';
import { consume, consumeAnonymousShare } from '@/lib/auth/rate-limit';
import { checkId, forkSnippet, snippetUrl } from '@/lib/snippets';
import type { SnippetCreated } from '@/lib/api/schemas';
import { publicOrigin } from '@/lib/http/origin';
import { jsonResponse } from '@/lib/http/json';
import { IGNORED_BODY_BYTES, apiMethods, httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: httpRoute({ maxBodyBytes: IGNORED_BODY_BYTES }, async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
    const id = checkId((await ctx.params).id); // a malformed id costs no share point
    const userId = await sessionUserId(req);
    if (userId) await consume('shareUser', userId);
    else await consumeAnonymousShare(clientIp(req.headers));
    const fork = await forkSnippet(await getDb(), id, userId);
    const answer: SnippetCreated = {
      id: fork.id, url: new URL(snippetUrl(fork.id), publicOrigin(req.headers) ?? req.url).toString(), version: fork.version,
    };
    return jsonResponse(answer, 201);
  }),
});

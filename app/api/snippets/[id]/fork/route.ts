// POST /api/snippets/:id/fork [{"title"?, "source", "stdin"?, "latinDigits"?}] → 201 {"id", "url", "version"}
// Without a body: a copy of the program as stored. With one: a copy holding the editor's edits
// (the fork of what the person sees), still recording where it came from.
import { getDb } from '@/lib/db';
import { sessionUserId } from '@/lib/auth/session';
import { clientIp } from '@/lib/auth/ip';
import { consume, consumeAnonymousShare } from '@/lib/auth/rate-limit';
import { checkId, forkSnippet, parseCreate, snippetUrl } from '@/lib/snippets';
import { snippetCreateSchema, type SnippetCreated } from '@/lib/api/schemas';
import { MAX_BODY_BYTES } from '@/lib/validations/snippet';
import { readOptionalJson } from '@/lib/http/body';
import { publicOrigin } from '@/lib/http/origin';
import { jsonResponse } from '@/lib/http/json';
import { apiMethods, httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: httpRoute({ maxBodyBytes: MAX_BODY_BYTES }, async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
    const id = checkId((await ctx.params).id); // a malformed id costs no share point
    // No body (an empty one) means "fork it as it is".
    const body = await readOptionalJson(req, snippetCreateSchema, MAX_BODY_BYTES);
    const edits = body === undefined ? undefined : parseCreate(body);
    const userId = await sessionUserId(req);
    if (userId) await consume('shareUser', userId);
    else await consumeAnonymousShare(clientIp(req.headers));
    const fork = await forkSnippet(await getDb(), id, userId, edits);
    const answer: SnippetCreated = {
      id: fork.id,
      url: new URL(snippetUrl(fork.id), publicOrigin(req.headers) ?? req.url).toString(),
      version: fork.version,
    };
    return jsonResponse(answer, 201);
  }),
});

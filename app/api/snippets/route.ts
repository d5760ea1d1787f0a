// POST /api/snippets {"title"?, "source", "stdin"?, "latinDigits"?} → 201 {"id", "url", "version"}
// Anonymous or signed in; rate-limited per IP (anonymous) or per user.
import { getDb } from '@/lib/db';
import { sessionUserId } from '@/lib/auth/session';
import { clientIp } from '@/lib/auth/ip';
import { consume, consumeAnonymousShare } from '@/lib/auth/rate-limit';
import { createSnippet, parseCreate, snippetUrl } from '@/lib/snippets';
import { snippetCreateSchema, type SnippetCreated } from '@/lib/api/schemas';
import { MAX_BODY_BYTES } from '@/lib/validations/snippet';
import { readJson } from '@/lib/http/body';
import { jsonResponse } from '@/lib/http/json';
import { publicOrigin } from '@/lib/http/origin';
import { apiMethods, httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: httpRoute({ maxBodyBytes: MAX_BODY_BYTES }, async (req: Request) => {
    const userId = await sessionUserId(req);
    if (userId) await consume('shareUser', userId);
    else await consumeAnonymousShare(clientIp(req.headers));
    const input = parseCreate(await readJson(req, snippetCreateSchema));
    const { id, version } = await createSnippet(await getDb(), input, userId);
    const answer: SnippetCreated = {
      id,
      url: new URL(snippetUrl(id), publicOrigin(req.headers) ?? req.url).toString(),
      version,
    };
    return jsonResponse(answer, 201);
  }),
});

// GET /api/me/snippets → 200 [{"id", "title", "updatedAt", "size", "version", "preview"}] (newest first) | 401
import { getDb } from '@/lib/db';
import { sessionUserId } from '@/lib/auth/session';
import { listSnippets, toMySnippet } from '@/lib/snippets';
import { signedOut } from '@/lib/snippets/errors';
import type { MySnippet } from '@/lib/api/schemas';
import { jsonResponse } from '@/lib/http/json';
import { IGNORED_BODY_BYTES, apiMethods, httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  GET: httpRoute({ maxBodyBytes: IGNORED_BODY_BYTES }, async (req: Request) => {
    const userId = await sessionUserId(req);
    if (!userId) throw signedOut();
    const list = await listSnippets(await getDb(), userId);
    const answer: MySnippet[] = list.map(toMySnippet);
    return jsonResponse(answer, 200, { 'cache-control': 'no-store' });
  }),
});

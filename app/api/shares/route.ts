// POST /api/shares {"title"?, "source", "stdin"?, "latinDigits"?} → 201 {"id", "url", "version", "created": true}
//                                                              | 200 the same for a snapshot that already existed
// Share = a snapshot of what is in the editor: content-addressed, ownerless, immutable. The same
// content always answers the same link, and costs a share point only the first time.
import { getDb } from '@/lib/db';
import { sessionUserId } from '@/lib/auth/session';
import { clientIp } from '@/lib/auth/ip';
import { consume, consumeAnonymousShare } from '@/lib/auth/rate-limit';
import { parseCreate, shareSnapshot, snippetUrl } from '@/lib/snippets';
import { snippetCreateSchema, type ShareCreated } from '@/lib/api/schemas';
import { MAX_BODY_BYTES } from '@/lib/validations/snippet';
import { readJson } from '@/lib/http/body';
import { publicOrigin } from '@/lib/http/origin';
import { jsonResponse } from '@/lib/http/json';
import { apiMethods, httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: httpRoute({ maxBodyBytes: MAX_BODY_BYTES }, async (req: Request) => {
    const input = parseCreate(await readJson(req, snippetCreateSchema, MAX_BODY_BYTES));
    const userId = await sessionUserId(req);
    const snap = await shareSnapshot(await getDb(), input, {
      anonymous: !userId,
      beforeCreate: () => (userId ? consume('shareUser', userId) : consumeAnonymousShare(clientIp(req.headers))),
    });
    const answer: ShareCreated = {
      id: snap.id,
      url: new URL(snippetUrl(snap.id), publicOrigin(req.headers) ?? req.url).toString(),
      version: snap.version,
      created: snap.created,
    };
    return jsonResponse(answer, snap.created ? 201 : 200);
  }),
});

// POST /api/snippets/:id/fork [{"title"?, "source", "stdin"?, "latinDigits"?}] → 201 {"id", "url", "version"} | 404 | 429
// The copy is owned by whoever forks (anonymous forks have no owner, like anonymous shares).
// With a body, the copy holds the forker's edits (what their editor shows) instead of the original.
import { getDb } from '@/lib/db';
import { sessionUserId } from '@/lib/auth/session';
import { clientIp } from '@/lib/auth/ip';
import { consume, consumeAnonymousShare } from '@/lib/auth/rate-limit';
import { checkId, forkSnippet, parseCreate, snippetUrl } from '@/lib/snippets';
import { publicOrigin } from '@/lib/http/origin';
import { json, readJson, route } from '@/lib/snippets/http';
import { MAX_BODY_BYTES } from '@/lib/validations/snippet';
import { httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = httpRoute({ maxBodyBytes: MAX_BODY_BYTES }, route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = checkId((await ctx.params).id); // a malformed id costs no share point
  // No body (browsers send Content-Length: 0) means "fork it as it is".
  const length = req.headers.get('content-length');
  const hasBody = length === null ? req.body !== null : Number(length) > 0;
  const edits = hasBody ? parseCreate(await readJson(req, MAX_BODY_BYTES)) : undefined;
  const userId = await sessionUserId(req);
  if (userId) await consume('shareUser', userId);
  else await consumeAnonymousShare(clientIp(req.headers));
  const fork = await forkSnippet(await getDb(), id, userId, edits);
  return json({ id: fork.id, url: new URL(snippetUrl(fork.id), publicOrigin(req.headers) ?? req.url).toString(), version: fork.version }, 201);
}));

// GET /api/me/snippets → 200 [{"id", "title", "updatedAt", "size", "version", "preview"}] (newest first) | 401
import { getDb } from '@/lib/db';
import { sessionUserId } from '@/lib/auth/session';
import { listSnippets } from '@/lib/snippets';
import { signedOut } from '@/lib/snippets/errors';
import { json, route } from '@/lib/snippets/http';
import { IGNORED_BODY_BYTES, httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = httpRoute({ maxBodyBytes: IGNORED_BODY_BYTES }, route(async (req: Request) => {
  const userId = await sessionUserId(req);
  if (!userId) throw signedOut();
  const list = await listSnippets(await getDb(), userId);
  return json(
    list.map((s) => ({
      id: s.id, title: s.title, updatedAt: s.updatedAt.toISOString(), size: s.size, version: s.version, preview: s.preview,
    })),
    200,
    { 'cache-control': 'no-store' },
  );
}));

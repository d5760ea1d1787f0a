// GET /api/health → 200 {"ok": true} while the process serves requests: the liveness check of a
// load balancer or a supervisor (it asks nothing else; GET /api/ready says whether to send runs).
import { IGNORED_BODY_BYTES, apiMethods, httpRoute } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function health(): Promise<Response> {
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  GET: httpRoute({ maxBodyBytes: IGNORED_BODY_BYTES, quiet: true }, health),
});

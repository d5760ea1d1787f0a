// GET /api/ready → 200 when this server can take runs, 503 when not, with the reasons either
// way (docs/interfaces.md): the readiness check of a load balancer. It turns 503 the moment a
// shutdown begins, so the balancer drains this server while its running work finishes.
import { IGNORED_BODY_BYTES, apiMethods, httpRoute } from '@/lib/http/route';
import { readiness } from '@/lib/ops/readiness';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function ready(): Promise<Response> {
  const state = await readiness();
  return Response.json(state, { status: state.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  GET: httpRoute({ maxBodyBytes: IGNORED_BODY_BYTES, quiet: true }, ready),
});

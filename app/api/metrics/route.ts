// GET /api/metrics → this process's metrics in Prometheus text format, only with
// `Authorization: Bearer <SAJILO_METRICS_TOKEN>`: 404 not_found when no token is configured
// (the path does not exist then), 401 unauthorized for a missing or wrong token.
import { config } from '@/lib/config';
import { httpError } from '@/lib/http/errors';
import { IGNORED_BODY_BYTES, apiMethods, httpRoute } from '@/lib/http/route';
import { bearerMatches, METRICS_CONTENT_TYPE, metricsText } from '@/lib/ops/metrics';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function metrics(req: Request): Promise<Response> {
  const token = config().SAJILO_METRICS_TOKEN;
  if (!token) return httpError('not_found');
  if (!bearerMatches(req.headers.get('authorization'), token))
    return httpError('unauthorized', { 'www-authenticate': 'Bearer' });
  return new Response(await metricsText(), {
    headers: { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' },
  });
}

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  GET: httpRoute({ maxBodyBytes: IGNORED_BODY_BYTES, quiet: true }, metrics),
});

// POST /api/check {"source"} → {"diagnostics"}: the compiler front end only (no compile, no run).
import { checkProgram, isOverloaded } from '@/lib/run';
import { MAX_BODY_BYTES, checkRequestSchema, toApiDiagnostic, type CheckResponse } from '@/lib/validations/run';
import { parseRequest } from '../_lib/parse-request';
import { apiError } from '../_lib/responses';
import { httpRoute } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function check(req: Request): Promise<Response> {
  const parsed = await parseRequest(req, checkRequestSchema, (d) => ({ source: d.source }));
  if (!parsed.ok) return parsed.response;

  try {
    const { diagnostics, omittedDiagnostics } = await checkProgram(parsed.data.source);
    const response: CheckResponse = { diagnostics: diagnostics.map(toApiDiagnostic), omittedDiagnostics };
    return Response.json(response, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    if (isOverloaded(e)) return apiError('overloaded', { headers: { 'retry-after': String(e.retryAfterSeconds) } });
    console.error('[api/check]', e);
    return apiError('internal');
  }
}

export const POST = httpRoute({ maxBodyBytes: MAX_BODY_BYTES }, check);

// POST /api/check {"source"} → {"diagnostics"}: the compiler front end only (no compile, no run).
import { checkProgram, isOverloaded } from '@/lib/run';
import { MAX_BODY_BYTES, oversizeFields, toApiDiagnostic, type CheckResponse } from '@/lib/validations/run';
import { checkRequestSchema } from '@/lib/api/schemas';
import { ApiError } from '@/lib/api/errors';
import { readJson } from '@/lib/http/body';
import { apiMethods, httpRoute } from '@/lib/http/route';
import { overloadedError } from '@/lib/http/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function check(req: Request): Promise<Response> {
  const { source } = await readJson(req, checkRequestSchema);
  if (oversizeFields({ source }).length) throw new ApiError('too_large');
  try {
    const { diagnostics, omittedDiagnostics } = await checkProgram(source);
    const response: CheckResponse = { diagnostics: diagnostics.map(toApiDiagnostic), omittedDiagnostics };
    return Response.json(response, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    if (isOverloaded(e)) throw overloadedError(e.retryAfterSeconds, e.scope);
    throw e;
  }
}

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: httpRoute({ maxBodyBytes: MAX_BODY_BYTES }, check),
});

// POST /api/check {"source"} → {"diagnostics"}: the compiler front end only (no compile, no run).
import { checkProgram, isOverloaded } from '@/lib/run';
import { checkRequestSchema, oversizeFields, readBodyLimited, toApiDiagnostic, type CheckResponse } from '@/lib/validations/run';
import { apiError, zodIssues } from '../_lib/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  const body = await readBodyLimited(req);
  if (!body.ok) return apiError('too_large');
  let json: unknown;
  try { json = JSON.parse(body.text); } catch { return apiError('bad_json'); }
  const parsed = checkRequestSchema.safeParse(json);
  if (!parsed.success) return apiError('invalid_request', { issues: zodIssues(parsed.error.issues) });
  if (oversizeFields({ source: parsed.data.source }).length) return apiError('too_large');

  try {
    const diagnostics = await checkProgram(parsed.data.source);
    const response: CheckResponse = { diagnostics: diagnostics.map(toApiDiagnostic) };
    return Response.json(response, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    if (isOverloaded(e)) return apiError('overloaded', { headers: { 'retry-after': String(e.retryAfterSeconds) } });
    console.error('[api/check]', e);
    return apiError('internal');
  }
}

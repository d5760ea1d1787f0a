// POST /api/run {"source", "stdin"?, "latinDigits"?} → {"compile", "run"} (issue 4's contract).
import { isOverloaded, runProgram } from '@/lib/run';
import {
  oversizeFields, readBodyLimited, runRequestSchema, toApiDiagnostic, toApiRunResult, type RunResponse,
} from '@/lib/validations/run';
import { apiError, zodIssues } from '../_lib/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  const body = await readBodyLimited(req);
  if (!body.ok) return apiError('too_large');
  let json: unknown;
  try { json = JSON.parse(body.text); } catch { return apiError('bad_json'); }
  const parsed = runRequestSchema.safeParse(json);
  if (!parsed.success) return apiError('invalid_request', { issues: zodIssues(parsed.error.issues) });
  if (oversizeFields({ source: parsed.data.source, stdin: parsed.data.stdin }).length) return apiError('too_large');

  try {
    const result = await runProgram(parsed.data);
    const response: RunResponse = {
      compile: { ok: result.compile.ok, diagnostics: result.compile.diagnostics.map(toApiDiagnostic) },
      run: result.run && toApiRunResult(result.run),
    };
    return Response.json(response, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    if (isOverloaded(e)) return apiError('overloaded', { headers: { 'retry-after': String(e.retryAfterSeconds) } });
    console.error('[api/run]', e);
    return apiError('internal');
  }
}

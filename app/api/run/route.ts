// POST /api/run {"source", "stdin"?, "latinDigits"?} → {"compile", "run"} (issue 4's contract),
// or, with `Accept: application/x-ndjson`, the same as a stream of lines while the program runs
// (docs/interfaces.md). A client that goes away stops its program and frees the slot.
import { isOverloaded, runProgram, type RunRequestInput } from '@/lib/run';
import {
  MAX_BODY_BYTES, NDJSON_TYPE, runRequestSchema, toApiDiagnostic, toApiRunResult,
  type RunResponse, type RunStreamLine,
} from '@/lib/validations/run';
import { parseRequest } from '../_lib/parse-request';
import { apiError, apiErrorBody } from '../_lib/responses';
import { httpRoute } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function run(req: Request): Promise<Response> {
  const parsed = await parseRequest(req, runRequestSchema, (d) => ({ source: d.source, stdin: d.stdin }));
  if (!parsed.ok) return parsed.response;
  if ((req.headers.get('accept') ?? '').toLowerCase().includes(NDJSON_TYPE)) return streamRun(req, parsed.data);

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

/** The NDJSON form. The status is decided before the body starts: the response is returned
 *  once the program is compiled, so a full queue is still a 429 and a failure before it a 500. */
async function streamRun(req: Request, input: RunRequestInput): Promise<Response> {
  const stop = new AbortController();
  const onGone = () => stop.abort();
  req.signal?.addEventListener('abort', onGone, { once: true });
  const encoder = new TextEncoder();
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(c) { ctrl = c; },
    cancel() { closed = true; stop.abort(); },
  });
  const send = (line: RunStreamLine) => {
    if (closed) return;
    try { ctrl.enqueue(encoder.encode(`${JSON.stringify(line)}\n`)); } catch { closed = true; stop.abort(); }
  };
  const finish = () => {
    req.signal?.removeEventListener('abort', onGone);
    if (!closed) { closed = true; try { ctrl.close(); } catch { /* already cancelled */ } }
  };

  let compiled!: () => void;
  const admitted = new Promise<void>((resolve) => { compiled = resolve; });
  const done = runProgram(input, {
    signal: stop.signal,
    onCompiled: (c) => { send({ type: 'compile', ok: c.ok, diagnostics: c.diagnostics.map(toApiDiagnostic) }); compiled(); },
    onOutput: (type, data) => send({ type, data }),
  });
  try {
    await Promise.race([admitted, done]);
  } catch (e) {
    finish();
    if (isOverloaded(e)) return apiError('overloaded', { headers: { 'retry-after': String(e.retryAfterSeconds) } });
    console.error('[api/run]', e);
    return apiError('internal');
  }
  done.then(
    (r) => send({ type: 'result', run: r.run && toApiRunResult(r.run) }),
    (e: unknown) => { console.error('[api/run]', e); send({ type: 'error', ...apiErrorBody('internal') }); },
  ).finally(finish);
  return new Response(stream, {
    headers: {
      'content-type': `${NDJSON_TYPE}; charset=utf-8`,
      // no-transform: Next's compression would otherwise hold lines back.
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}

export const POST = httpRoute({ maxBodyBytes: MAX_BODY_BYTES }, run);

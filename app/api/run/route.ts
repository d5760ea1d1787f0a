// POST /api/run {"source", "stdin"?, "latinDigits"?} → {"compile", "run"} (docs/interfaces.md),
// or, with `Accept: application/x-ndjson`, the same as a stream of lines while the program runs
// (docs/interfaces.md). A client that goes away stops its program and frees the slot, in both
// forms: Next.js aborts `req.signal` when the connection closes before the answer is sent.
import { sessionUserId } from '@/lib/auth/session';
import { clientAddressGroup, clientIp } from '@/lib/http/client';
import { isOverloaded, type RunRequestInput } from '@/lib/run';
import { executor, RunUnavailableError } from '@/lib/run/executor';
import {
  MAX_BODY_BYTES,
  NDJSON_TYPE,
  oversizeFields,
  toApiDiagnostic,
  toApiRunResult,
  type RunResponse,
  type RunStreamLine,
  wantsNdjson,
} from '@/lib/validations/run';
import { runRequestSchema } from '@/lib/api/schemas';
import { ApiError, apiErrorBody } from '@/lib/api/errors';
import { readJson } from '@/lib/http/body';
import { overloadedError, RUN_UNAVAILABLE_TEXT, runUnavailableError } from '@/lib/http/errors';
import { apiMethods, httpRoute, requestIdFor } from '@/lib/http/route';
import { log } from '@/lib/ops/log';
import { holdUntil, isShuttingDown } from '@/lib/ops/shutdown';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function run(req: Request): Promise<Response> {
  // A server that is draining takes no new runs; the load balancer already sends them elsewhere.
  if (isShuttingDown()) throw new ApiError('shutting_down', { headers: { 'retry-after': '1' } });
  const input = await readJson(req, runRequestSchema);
  if (oversizeFields({ source: input.source, stdin: input.stdin }).length) throw new ApiError('too_large');
  const client = await runClient(req);
  const requestId = requestIdFor(req);
  if (wantsNdjson(req.headers.get('accept'))) return streamRun(req, input, client, requestId);

  try {
    const result = await executor().run(input, { client, signal: req.signal, requestId });
    if (req.signal?.aborted) return clientGone();
    const response: RunResponse = {
      compile: {
        ok: result.compile.ok,
        diagnostics: result.compile.diagnostics.map(toApiDiagnostic),
        omittedDiagnostics: result.compile.omittedDiagnostics,
      },
      run: result.run && toApiRunResult(result.run),
    };
    return Response.json(response, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    if (req.signal?.aborted) return clientGone();
    throw refusal(e);
  }
}

/** What a run that got no answer is answered with: 429 when the queue refused it, 500 with its
 *  own message when no worker answered in time (docs/queue.md), else the error itself. */
function refusal(e: unknown): unknown {
  if (isOverloaded(e)) return overloadedError(e.retryAfterSeconds, e.scope);
  if (e instanceof RunUnavailableError) return runUnavailableError(e.retryAfterSeconds);
  return e;
}

/** The request's id for logs: a safe incoming x-request-id, else a new one. */

/** The queue's client: the signed-in user, else the address (an IPv6 /64) the request came from. */
async function runClient(req: Request): Promise<string> {
  const user = await sessionUserId(req);
  return user ? `user:${user}` : `address:${clientAddressGroup(clientIp(req.headers))}`;
}

/** Nobody reads this answer: the client closed the connection (nginx's 499). */
function clientGone(): Response {
  return new Response(null, { status: 499 });
}

/** The NDJSON form. The status is decided before the body starts: the response is returned
 *  once the program is compiled, so a full queue is still a 429 and a failure before it a 500. */
async function streamRun(req: Request, input: RunRequestInput, client: string, requestId: string): Promise<Response> {
  const stop = new AbortController();
  const onGone = () => stop.abort();
  req.signal?.addEventListener('abort', onGone, { once: true });
  const encoder = new TextEncoder();
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      ctrl = c;
    },
    cancel() {
      closed = true;
      stop.abort();
    },
  });
  const send = (line: RunStreamLine) => {
    if (closed) return;
    try {
      ctrl.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
    } catch {
      closed = true;
      stop.abort();
    }
  };
  const finish = () => {
    req.signal?.removeEventListener('abort', onGone);
    if (!closed) {
      closed = true;
      try {
        ctrl.close();
      } catch {
        /* already cancelled */
      }
    }
  };

  let compiled!: () => void;
  const admitted = new Promise<void>((resolve) => {
    compiled = resolve;
  });
  // The program outlives this handler (its output streams on): a shutdown waits for it too.
  const done = holdUntil(
    executor().run(input, {
      client,
      requestId,
      signal: stop.signal,
      onCompiled: (c) => {
        send({
          type: 'compile',
          ok: c.ok,
          diagnostics: c.diagnostics.map(toApiDiagnostic),
          omittedDiagnostics: c.omittedDiagnostics,
        });
        compiled();
      },
      onOutput: (type, data) => send({ type, data }),
    }),
  );
  try {
    await Promise.race([admitted, done]);
  } catch (e) {
    finish();
    if (stop.signal.aborted) return clientGone();
    throw refusal(e);
  }
  done
    .then(
      (r) => send({ type: 'result', run: r.run && toApiRunResult(r.run) }),
      (e: unknown) => {
        if (!(e instanceof RunUnavailableError)) log.error({ err: e, requestId }, 'a streamed run failed');
        send({
          type: 'error',
          ...apiErrorBody('internal', e instanceof RunUnavailableError ? RUN_UNAVAILABLE_TEXT : {}),
        });
      },
    )
    .finally(finish);
  return new Response(stream, {
    headers: {
      'content-type': `${NDJSON_TYPE}; charset=utf-8`,
      // no-transform: Next's compression would otherwise hold lines back.
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}

export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ POST: httpRoute({ maxBodyBytes: MAX_BODY_BYTES }, run) });

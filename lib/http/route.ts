// One wrapper for every route handler in app/api/: the HTTP rules that hold whatever the
// route does. In order: a state-changing request from another site is refused (403); a body
// of the wrong media type is refused (415); the body is read up to the route's byte limit and
// no further (413) — chunked bodies included — and the handler gets a Request holding exactly
// those bytes, so nothing downstream (next-auth's parsers included) can read more. What the
// handler throws is answered in the one error shape (ApiError as itself, ZodError as 400
// invalid_request, anything else 500). Every answer, the handler's or a refusal, carries the
// security headers. `apiMethods` completes a route with 405 answers for the methods it lacks.
// Every request gets a request id (the client's `x-request-id` when it is a safe token, else a
// new one), echoed in the answer's `x-request-id` and on one JSON log line per request; while
// it is answered it counts as work in flight, which a graceful shutdown waits for.
import { log, REQUEST_ID_HEADER, requestIdOf, type Logger } from '@/lib/ops/log';
import { recordRejected } from '@/lib/ops/metrics';
import { holdUntil } from '@/lib/ops/shutdown';
import { readBytesLimited } from './body';
import { errorResponse, httpError, rejectionOf } from './errors';
import { isCrossOriginWrite, isHttps } from './origin';
import { securityHeaders } from './security-headers';

export type RouteRules = {
  /** The largest body the route accepts, in bytes. */
  maxBodyBytes: number;
  /** Media types a body may have; JSON unless said otherwise. */
  mediaTypes?: readonly string[];
  /** Polled by machines every few seconds (health, readiness, metrics): its request lines are
   *  logged at debug level only, so they do not drown the others. */
  quiet?: boolean;
};

/** The limit for routes that take no body: small enough to cost nothing, large enough that a
 *  client sending `{}` out of habit is not refused. */
export const IGNORED_BODY_BYTES = 1024;

const JSON_ONLY = ['application/json'] as const;

/** A request has a body when it declares a length above zero or a transfer coding. */
function carriesBody(req: Request): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  if (req.headers.has('transfer-encoding')) return true;
  return Number(req.headers.get('content-length') ?? '0') !== 0;
}

function mediaType(req: Request): string {
  return (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/** The request again, its body replaced by the bytes already read (the client's signal kept,
 *  so a handler still learns when the client goes away). */
function withBody(req: Request, bytes: Uint8Array<ArrayBuffer>): Request {
  const headers = new Headers(req.headers);
  headers.delete('transfer-encoding');
  headers.set('content-length', String(bytes.byteLength));
  return new Request(req.url, { method: req.method, headers, body: bytes, signal: req.signal });
}

/** The ids the wrapper gave the Requests it handed to handlers. */
const requestIds = new WeakMap<Request, string>();

/** The request id of a Request a handler got from the wrapper (else one from its own header). */
export function requestIdFor(req: Request): string {
  return requestIds.get(req) ?? requestIdOf(req);
}

/** Answers a request with its id in the answer and the log. It counts as work in flight until
 *  its body has been read to the end (or cancelled): a streamed run holds a shutdown until its
 *  last line, not only until its answer began. */
async function observed(req: Request, answer: (requestId: string, logger: Logger) => Promise<Response>, quiet = false) {
  const started = performance.now();
  const requestId = requestIdOf(req);
  const logger = log.child({ requestId });
  let sent!: () => void;
  void holdUntil(new Promise<void>((resolve) => (sent = resolve)));
  let res: Response;
  try {
    res = await answer(requestId, logger);
  } catch (err) {
    sent();
    throw err;
  }
  const rejected = rejectionOf(res);
  if (rejected) recordRejected(rejected);
  res = untilSent(res, sent);
  res.headers.set(REQUEST_ID_HEADER, requestId);
  const route = new URL(req.url).pathname;
  const ms = Math.round(performance.now() - started);
  logger[quiet ? 'debug' : 'info']({ method: req.method, route, status: res.status, ms }, 'request');
  return res;
}

/** The same answer, calling `sent` once its body has been read to the end or cancelled. */
function untilSent(res: Response, sent: () => void): Response {
  if (!res.body) {
    sent();
    return res;
  }
  const reader = res.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (!done) return controller.enqueue(value);
        controller.close();
      } catch (err) {
        controller.error(err);
      }
      sent();
    },
    cancel(reason) {
      sent();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/** The handler, behind the rules above; its other arguments (Next's route context) pass through. */
export function httpRoute<Rest extends unknown[]>(
  rules: RouteRules,
  handler: (req: Request, ...rest: Rest) => Promise<Response>,
): (req: Request, ...rest: Rest) => Promise<Response> {
  const accepted = rules.mediaTypes ?? JSON_ONLY;
  const guarded = async (req: Request, requestId: string, rest: Rest): Promise<Response> => {
    if (isCrossOriginWrite(req.method, req.headers)) return httpError('cross_origin');
    const declared = carriesBody(req);
    const handle = (r: Request) => {
      requestIds.set(r, requestId);
      return handler(r, ...rest);
    };
    // A body stream nobody declared (a handler called in-process) is still read within the limit.
    if (!declared && (!req.body || req.method === 'GET' || req.method === 'HEAD')) return handle(req);
    if (declared && !accepted.includes(mediaType(req))) return httpError('unsupported_media_type');
    let body;
    try {
      body = await readBytesLimited(req, rules.maxBodyBytes);
    } catch {
      return httpError('bad_body'); // the client broke the body off (or sent a bad chunk)
    }
    if (!body.ok) return httpError('too_large');
    return handle(withBody(req, body.bytes));
  };
  const answered = async (req: Request, requestId: string, logger: Logger, rest: Rest): Promise<Response> => {
    try {
      return await guarded(req, requestId, rest);
    } catch (err) {
      return errorResponse(err, logger.child({ method: req.method, route: new URL(req.url).pathname }));
    }
  };
  return (req, ...rest) =>
    observed(
      req,
      async (requestId, logger) =>
        withSecurityHeaders(await answered(req, requestId, logger, rest), isHttps(req.headers)),
      rules.quiet,
    );
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
type Handler = (req: Request, ctx: never) => Promise<Response>;
type Refusal = (req: Request) => Promise<Response>;
export type ApiMethods<H> = { [M in HttpMethod]: M extends keyof H ? Exclude<H[M], undefined> : Refusal };

/**
 * A route's handlers for every method: its own, and for the others a 405 method_not_allowed
 * with `Allow` (Next.js would answer those with an empty 405). Nothing of the body is read.
 * HEAD follows GET and OPTIONS is answered by Next.js itself.
 */
export function apiMethods<H extends Partial<Record<HttpMethod, Handler>>>(handlers: H): ApiMethods<H> {
  const allow = HTTP_METHODS.filter((m) => handlers[m]).join(', ');
  const refuse: Refusal = (req) =>
    observed(req, async () => withSecurityHeaders(httpError('method_not_allowed', { allow }), isHttps(req.headers)));
  return Object.fromEntries(HTTP_METHODS.map((m) => [m, handlers[m] ?? refuse])) as ApiMethods<H>;
}

function withSecurityHeaders(res: Response, https: boolean): Response {
  // A Response taken from fetch() has immutable headers; copy it then (the body is not read).
  const out = safelyMutable(res);
  // next-auth's own HTML pages (its sign-out confirmation, its error page) need their inline
  // styles and their form: they get the policy of our files rather than the API's 'none'.
  const kind = out.headers.get('content-type')?.startsWith('text/html') ? 'asset' : 'api';
  for (const [name, value] of Object.entries(securityHeaders(kind, { https }))) out.headers.set(name, value);
  return out;
}

function safelyMutable(res: Response): Response {
  try {
    res.headers.set('x-content-type-options', 'nosniff');
    return res;
  } catch {
    return new Response(res.body, res);
  }
}

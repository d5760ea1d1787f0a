// One wrapper for every route handler in app/api/: the HTTP rules that hold whatever the
// route does. In order: a state-changing request from another site is refused (403); a body
// of the wrong media type is refused (415); the body is read up to the route's byte limit and
// no further (413) — chunked bodies included — and the handler gets a Request holding exactly
// those bytes, so nothing downstream (next-auth's parsers included) can read more. What the
// handler throws is answered in the one error shape (ApiError as itself, ZodError as 400
// invalid_request, anything else 500). Every answer, the handler's or a refusal, carries the
// security headers. `apiMethods` completes a route with 405 answers for the methods it lacks.
import { readBytesLimited } from './body';
import { errorResponse, httpError } from './errors';
import { isCrossOriginWrite, isHttps } from './origin';
import { securityHeaders } from './security-headers';

export type RouteRules = {
  /** The largest body the route accepts, in bytes. */
  maxBodyBytes: number;
  /** Media types a body may have; JSON unless said otherwise. */
  mediaTypes?: readonly string[];
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

/** The handler, behind the rules above; its other arguments (Next's route context) pass through. */
export function httpRoute<Rest extends unknown[]>(
  rules: RouteRules,
  handler: (req: Request, ...rest: Rest) => Promise<Response>,
): (req: Request, ...rest: Rest) => Promise<Response> {
  const accepted = rules.mediaTypes ?? JSON_ONLY;
  const guarded = async (req: Request, rest: Rest): Promise<Response> => {
    if (isCrossOriginWrite(req.method, req.headers)) return httpError('cross_origin');
    const declared = carriesBody(req);
    // A body stream nobody declared (a handler called in-process) is still read within the limit.
    if (!declared && (!req.body || req.method === 'GET' || req.method === 'HEAD')) return handler(req, ...rest);
    if (declared && !accepted.includes(mediaType(req))) return httpError('unsupported_media_type');
    let body;
    try {
      body = await readBytesLimited(req, rules.maxBodyBytes);
    } catch {
      return httpError('bad_body'); // the client broke the body off (or sent a bad chunk)
    }
    if (!body.ok) return httpError('too_large');
    return handler(withBody(req, body.bytes), ...rest);
  };
  const answered = async (req: Request, rest: Rest): Promise<Response> => {
    try {
      return await guarded(req, rest);
    } catch (err) {
      return errorResponse(err, `[api] ${req.method} ${new URL(req.url).pathname}`);
    }
  };
  return async (req, ...rest) => withSecurityHeaders(await answered(req, rest), isHttps(req.headers));
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
  const refuse: Refusal = async (req) =>
    withSecurityHeaders(httpError('method_not_allowed', { allow }), isHttps(req.headers));
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

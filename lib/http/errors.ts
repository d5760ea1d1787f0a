// Error answers of every route under /api, in the one shape of lib/api/errors.ts. Route
// handlers throw ApiError (or let a ZodError through); the route wrapper calls errorResponse.
import { ZodError } from 'zod';
import {
  ApiError,
  API_ERROR_STATUS,
  apiErrorBody,
  invalidRequest,
  type ApiErrorCode,
  type ApiErrorOptions,
} from '@/lib/api/errors';
import type { RejectionReason } from '@/lib/ops/metrics';
import type { OverloadScope } from '@/lib/run/queue';

export { ApiError, type ApiErrorCode } from '@/lib/api/errors';

// No server-only imports here (proxy.ts answers with httpError too): the route wrapper reads
// what was refused from `rejectionOf` and counts it in the metrics.

/** Refusals counted in the metrics by reason; an overload's reason is its scope's. */
const REJECTION_REASON: Partial<Record<ApiErrorCode, RejectionReason>> = {
  too_large: 'too_large',
  bad_json: 'invalid',
  invalid_request: 'invalid',
  bad_body: 'invalid',
  unsupported_media_type: 'invalid',
  rate_limited: 'rate_limited',
  anonymous_daily_cap: 'rate_limited',
  shutting_down: 'shutting_down',
};

/** The answer for `code`: its status, the one error shape, never cached. */
export function httpError(
  code: ApiErrorCode,
  headers: Record<string, string> = {},
  options: ApiErrorOptions = {},
): Response {
  const res = Response.json(apiErrorBody(code, options), {
    status: API_ERROR_STATUS[code],
    headers: { 'cache-control': 'no-store', ...options.headers, ...headers },
  });
  const reason = REJECTION_REASON[code];
  if (reason) rejections.set(res, reason);
  return res;
}

const rejections = new WeakMap<Response, RejectionReason>();

/** Why this answer refused its request, when it is a refusal the metrics count. */
export function rejectionOf(res: Response): RejectionReason | undefined {
  return rejections.get(res);
}

/** Where an unexpected error is written (the route wrapper passes its request's logger). */
export interface ErrorLogger {
  error(fields: object, message: string): void;
}
const consoleLogger: ErrorLogger = { error: (fields, message) => console.error('[api]', message, fields) };

/** Whatever a handler threw, as an answer: ApiError as itself, a ZodError as 400
 *  invalid_request with its issues, anything else logged (with the request's id, when the
 *  logger carries it) and answered 500 without details. */
export function errorResponse(err: unknown, logger: ErrorLogger = consoleLogger): Response {
  if (err instanceof OverloadedApiError) {
    const res = httpError(err.code, {}, err.options);
    rejections.set(res, err.scope === 'client' ? 'overloaded_client' : 'overloaded_server');
    return res;
  }
  if (err instanceof ApiError) return httpError(err.code, {}, err.options);
  if (err instanceof ZodError) return errorResponse(invalidRequest(err.issues));
  logger.error({ err }, 'unexpected error');
  return httpError('internal');
}

/** The run queue is full (for the client or for everyone): 429 with Retry-After. */
export function overloadedError(retryAfterSeconds: number, scope: OverloadScope = 'server'): ApiError {
  return new OverloadedApiError(retryAfterSeconds, scope);
}

class OverloadedApiError extends ApiError {
  constructor(
    retryAfterSeconds: number,
    readonly scope: OverloadScope,
  ) {
    super('overloaded', { headers: { 'retry-after': String(retryAfterSeconds) } });
  }
}

/** No worker answered the run in time (docs/queue.md): 500 with its own message and Retry-After. */
export function runUnavailableError(retryAfterSeconds: number): ApiError {
  return new ApiError('internal', {
    text: 'api.run_unavailable',
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}

/** The same, as a line of a streamed run's answer. */
export const RUN_UNAVAILABLE_TEXT = { text: 'api.run_unavailable' } as const;

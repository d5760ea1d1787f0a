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

export { ApiError, type ApiErrorCode } from '@/lib/api/errors';

/** The answer for `code`: its status, the one error shape, never cached. */
export function httpError(
  code: ApiErrorCode,
  headers: Record<string, string> = {},
  options: ApiErrorOptions = {},
): Response {
  return Response.json(apiErrorBody(code, options), {
    status: API_ERROR_STATUS[code],
    headers: { 'cache-control': 'no-store', ...options.headers, ...headers },
  });
}

/** Whatever a handler threw, as an answer: ApiError as itself, a ZodError as 400
 *  invalid_request with its issues, anything else logged and answered 500 without details. */
export function errorResponse(err: unknown, where = '[api]'): Response {
  if (err instanceof ApiError) return httpError(err.code, {}, err.options);
  if (err instanceof ZodError) return errorResponse(invalidRequest(err.issues));
  console.error(where, 'unexpected error', err);
  return httpError('internal');
}

/** The run queue is full (for the client or for everyone): 429 with Retry-After. */
export function overloadedError(retryAfterSeconds: number): ApiError {
  return new ApiError('overloaded', { headers: { 'retry-after': String(retryAfterSeconds) } });
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

// The shape every accounts/snippets route handler shares: read a bounded JSON body, run one
// lib function, answer JSON; errors are {"error": English text, "message": Nepali text,
// "messageEn": English text} with their status. Unexpected errors are logged and answered 500
// without details.
import { ZodError } from 'zod';
import { ApiError, GENERIC_NE } from './errors';
import { readBodyLimited } from '@/lib/http/body';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: body === null ? headers : { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

function errorBody(status: number, en: string, ne?: string) {
  return { error: en, message: ne ?? GENERIC_NE[status] ?? GENERIC_NE[400], messageEn: en };
}

export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) return json(errorBody(err.status, err.message, err.messageNe), err.status, err.headers);
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    return json(errorBody(400, `invalid request: ${where}${first?.message ?? 'bad input'}`, `अनुरोध मिलेन: ${where}${first?.message ?? ''}`), 400);
  }
  console.error('[api] unexpected error', err);
  return json(errorBody(500, 'internal error'), 500);
}

/** Wraps a handler so every thrown error becomes the right JSON response. */
export function route<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/**
 * Reads a JSON body of at most maxBytes. Over the limit → 413 (stops reading at once, so a
 * huge body costs us nothing); not JSON → 400.
 */
export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  if (!req.body) throw new ApiError(400, 'invalid request: a JSON body is required');
  const body = await readBodyLimited(req, maxBytes);
  if (!body.ok) throw new ApiError(413, `request body too large (max ${maxBytes} bytes)`);
  try {
    return JSON.parse(body.text);
  } catch {
    throw new ApiError(400, 'invalid request: the body is not valid JSON');
  }
}

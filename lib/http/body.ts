// The one body reader of the API's route handlers: bounded bytes, then JSON, then the
// request's zod schema (lib/api/schemas.ts). Failures throw ApiError, which the route wrapper
// (lib/http/route.ts) answers in the one error shape.
import type { z } from 'zod';
import { ApiError, invalidRequest } from '@/lib/api/errors';

export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true };
export type BytesResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; tooLarge: true };

/**
 * Reads a request body, stopping as soon as it passes `maxBytes` (a Content-Length that says
 * so is refused without reading), so an oversized body — chunked ones included — is never
 * held in memory. A body that breaks off midway rejects.
 */
export async function readBytesLimited(req: Request, maxBytes: number): Promise<BytesResult> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, tooLarge: true };
  if (!req.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return { ok: true, bytes: all };
}

/** The same, decoded as UTF-8 text. */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<BodyResult> {
  const body = await readBytesLimited(req, maxBytes);
  return body.ok ? { ok: true, text: new TextDecoder().decode(body.bytes) } : body;
}

/** The route wrapper has already cut the body at the route's limit; this bound only guards a
 *  handler called without it (a test calling the function directly). */
const UNWRAPPED_LIMIT = 8 * 1024 * 1024;

/**
 * The request's JSON body: 413 too_large past `maxBytes`, 400 bad_json when it is missing or
 * not JSON, 400 invalid_request (with the issues) when it does not fit `schema`.
 */
export async function readJson(req: Request): Promise<unknown>;
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes?: number): Promise<z.infer<S>>;
export async function readJson(req: Request, schema?: z.ZodType, maxBytes = UNWRAPPED_LIMIT): Promise<unknown> {
  const body = await readBodyLimited(req, maxBytes).catch(() => {
    throw new ApiError('bad_body');
  });
  if (!body.ok) throw new ApiError('too_large');
  return parseJson(body.text, schema);
}

/** The same for a route whose body may be left out: an empty body is `undefined`. */
export async function readOptionalJson<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes = UNWRAPPED_LIMIT,
): Promise<z.infer<S> | undefined> {
  const body = await readBodyLimited(req, maxBytes).catch(() => {
    throw new ApiError('bad_body');
  });
  if (!body.ok) throw new ApiError('too_large');
  return body.text.trim() === '' ? undefined : (parseJson(body.text, schema) as z.infer<S>);
}

function parseJson(text: string, schema?: z.ZodType): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('bad_json');
  }
  if (!schema) return json;
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidRequest(parsed.error.issues);
  return parsed.data;
}

// The first steps every IDE API handler takes, in order: a bounded body (413), JSON (400), the
// request's zod shape (400), then each text field's own 64 KiB limit (413).
import type { z } from 'zod';
import { oversizeFields, readBodyLimited } from '@/lib/validations/run';
import { apiError, zodIssues } from './responses';

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

export async function parseRequest<S extends z.ZodType>(
  req: Request,
  schema: S,
  sizedFields: (data: z.infer<S>) => Record<string, string | undefined>,
): Promise<Parsed<z.infer<S>>> {
  const body = await readBodyLimited(req);
  if (!body.ok) return { ok: false, response: apiError('too_large') };
  let json: unknown;
  try { json = JSON.parse(body.text); } catch { return { ok: false, response: apiError('bad_json') }; }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, response: apiError('invalid_request', { issues: zodIssues(parsed.error.issues) }) };
  if (oversizeFields(sizedFields(parsed.data)).length) return { ok: false, response: apiError('too_large') };
  return { ok: true, data: parsed.data };
}

// One schema for the share form and the snippet route handlers.
import { z } from 'zod';

/** Source and stdin are capped like the run API: 64 KiB of UTF-8 each (over it: 413). */
export const MAX_SOURCE_BYTES = 64 * 1024;
export const MAX_STDIN_BYTES = 64 * 1024;
export const MAX_TITLE_CHARS = 120;
/**
 * A whole request body may not exceed this (→ 413 before parsing). JSON may escape every
 * character as \uXXXX (6 bytes for 1 to 3 UTF-8 bytes), so two full fields plus a title fit.
 */
export const MAX_BODY_BYTES = 6 * (MAX_SOURCE_BYTES + MAX_STDIN_BYTES) + 16 * 1024;

// Control characters other than tab are not allowed in a title (it is shown in <title> and
// in link previews).
const title = z
  .string()
  .trim()
  .max(MAX_TITLE_CHARS)
  .refine((s) => !/[\u0000-\u0008\u000a-\u001f\u007f]/.test(s), 'title has control characters');

export const snippetCreateSchema = z.object({
  title: title.optional(),
  source: z.string(),
  stdin: z.string().optional(),
  latinDigits: z.boolean().optional(),
});
export type SnippetCreateInput = z.infer<typeof snippetCreateSchema>;

export const snippetPatchSchema = z.object({
  title: title.optional(),
  source: z.string().optional(),
  stdin: z.string().optional(),
  latinDigits: z.boolean().optional(),
  version: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});
export type SnippetPatchInput = z.infer<typeof snippetPatchSchema>;

/** Snippet ids: 12 base62 characters (see lib/snippets/id.ts). Anything else is a 404. */
export const snippetIdSchema = z.string().regex(/^[0-9A-Za-z]{12}$/);

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

// U+0000, or a UTF-16 surrogate without its partner (JSON can spell both: "\u0000", "\ud800").
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether PostgreSQL can store the text exactly as given. */
export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** The fields PostgreSQL could not store as given, if any (→ 400). */
export function unstorableFields(input: { title?: string; source?: string; stdin?: string }): string[] {
  return (['title', 'source', 'stdin'] as const).filter((k) => input[k] !== undefined && !isStorableText(input[k]!));
}

/** The fields that are too large, if any (→ 413). */
export function oversizeFields(input: { source?: string; stdin?: string }): string[] {
  const over: string[] = [];
  if (input.source !== undefined && utf8Bytes(input.source) > MAX_SOURCE_BYTES) over.push('source');
  if (input.stdin !== undefined && utf8Bytes(input.stdin) > MAX_STDIN_BYTES) over.push('stdin');
  return over;
}

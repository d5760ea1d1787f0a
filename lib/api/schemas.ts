// Every route of the HTTP API in one table: its method and path, the zod schema of its request
// body (the same object the route validates with and the client types its request with), its
// success status and the error codes it answers itself. No server-only imports: the IDE's
// client code imports this module. docs/interfaces.md documents the same table, and
// tests/http/api-routes.test.ts keeps the two, and the route files, equal.
import { z } from 'zod';
import type { ApiErrorCode } from './errors';
import { checkRequestSchema, runRequestSchema } from '@/lib/validations/run';
import { snippetCreateSchema, snippetPatchSchema } from '@/lib/validations/snippet';
import { signUpSchema } from '@/lib/validations/auth';

export { checkRequestSchema, runRequestSchema, snippetCreateSchema, snippetPatchSchema, signUpSchema };
export type { RunRequest, CheckRequest, RunResponse, CheckResponse, RunStreamLine } from '@/lib/validations/run';
export type { SnippetCreateInput, SnippetPatchInput } from '@/lib/validations/snippet';
export type { SignUpInput } from '@/lib/validations/auth';

/** POST /api/snippets and POST /api/snippets/:id/fork → 201. `url` is absolute. */
export interface SnippetCreated {
  id: string;
  url: string;
  version: number;
}
/** GET /api/snippets/:id → 200. */
export interface SnippetRead {
  id: string;
  title: string;
  source: string;
  stdin: string;
  version: number;
  owner: { name: string } | null;
  forkedFrom: string | null;
  createdAt: string;
  updatedAt: string;
  latinDigits: boolean;
}
/** PATCH /api/snippets/:id → 200. */
export interface SnippetPatched {
  id: string;
  version: number;
  updatedAt: string;
}
/** GET /api/me/snippets → 200, newest first; size in bytes of the source. */
export interface MySnippet {
  id: string;
  title: string;
  updatedAt: string;
  size: number;
  version: number;
  preview: string;
}
/** POST /api/shares → 201 (a new snapshot) or 200 (the same content was shared before). */
export interface ShareCreated {
  id: string;
  url: string;
  version: number;
  created: boolean;
}
/** POST /api/snippets/:id/restore → 200. */
export interface SnippetRestored {
  id: string;
  version: number;
}
/** POST /api/signup → 201. */
export interface SignedUp {
  id: string;
  email: string;
  name: string | null;
}

/** The codes the route wrapper (lib/http/route.ts) may answer on any route, before or around
 *  the route's own work. */
export const WRAPPER_ERROR_CODES = [
  'cross_origin',
  'unsupported_media_type',
  'too_large',
  'bad_body',
  'method_not_allowed',
  'internal',
] as const satisfies readonly ApiErrorCode[];

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path as documented, `:id` for a parameter. */
  path: string;
  /** The request body's schema; null for routes that take none. */
  body: z.ZodType | null;
  /** The body may be left out (empty): the route then does its plain form. */
  optionalBody?: true;
  success: number;
  /** The error codes of the route's own, beside WRAPPER_ERROR_CODES. */
  errors: readonly ApiErrorCode[];
}

export const API_ROUTES = [
  {
    method: 'POST',
    path: '/api/run',
    body: runRequestSchema,
    success: 200,
    errors: ['bad_json', 'invalid_request', 'too_large', 'overloaded', 'shutting_down'],
  },
  {
    method: 'POST',
    path: '/api/check',
    body: checkRequestSchema,
    success: 200,
    errors: ['bad_json', 'invalid_request', 'too_large', 'overloaded'],
  },
  {
    method: 'POST',
    path: '/api/snippets',
    body: snippetCreateSchema,
    success: 201,
    errors: [
      'bad_json',
      'invalid_request',
      'unstorable_text',
      'too_large',
      'rate_limited',
      'anonymous_daily_cap',
      'anonymous_storage_full',
    ],
  },
  { method: 'GET', path: '/api/snippets/:id', body: null, success: 200, errors: ['snippet_not_found'] },
  {
    method: 'PATCH',
    path: '/api/snippets/:id',
    body: snippetPatchSchema,
    success: 200,
    errors: [
      'bad_json',
      'invalid_request',
      'unstorable_text',
      'too_large',
      'signed_out',
      'snippet_not_found',
      'not_owner',
      'anonymous_immutable',
      'stale_version',
    ],
  },
  {
    method: 'DELETE',
    path: '/api/snippets/:id',
    body: null,
    success: 204,
    errors: ['signed_out', 'snippet_not_found', 'not_owner', 'anonymous_immutable'],
  },
  {
    method: 'POST',
    path: '/api/shares',
    body: snippetCreateSchema,
    success: 201,
    errors: [
      'bad_json',
      'invalid_request',
      'unstorable_text',
      'too_large',
      'rate_limited',
      'anonymous_daily_cap',
      'anonymous_storage_full',
    ],
  },
  {
    // The body is optional: without one, the program as stored is copied.
    method: 'POST',
    path: '/api/snippets/:id/fork',
    body: snippetCreateSchema,
    optionalBody: true,
    success: 201,
    errors: [
      'bad_json',
      'invalid_request',
      'unstorable_text',
      'too_large',
      'snippet_not_found',
      'rate_limited',
      'anonymous_daily_cap',
      'anonymous_storage_full',
    ],
  },
  {
    method: 'POST',
    path: '/api/snippets/:id/restore',
    body: null,
    success: 200,
    errors: ['signed_out', 'snippet_not_found', 'not_owner'],
  },
  { method: 'GET', path: '/api/me/snippets', body: null, success: 200, errors: ['signed_out'] },
  // Operations (docs/deploy.md): liveness, readiness (503 with its reasons when not ready; not an
  // error code), and the metrics behind their token.
  { method: 'GET', path: '/api/health', body: null, success: 200, errors: [] },
  { method: 'GET', path: '/api/ready', body: null, success: 200, errors: [] },
  { method: 'GET', path: '/api/metrics', body: null, success: 200, errors: ['not_found', 'unauthorized'] },
  {
    method: 'POST',
    path: '/api/signup',
    body: signUpSchema,
    success: 201,
    errors: ['bad_json', 'invalid_request', 'weak_password', 'email_taken', 'rate_limited'],
  },
  // next-auth's own routes: its forms and redirects; our refusals in the one shape.
  { method: 'GET', path: '/api/auth/*', body: null, success: 200, errors: ['bad_host', 'bad_callback_url'] },
  {
    method: 'POST',
    path: '/api/auth/*',
    body: null,
    success: 200,
    errors: ['bad_host', 'bad_callback_url', 'rate_limited'],
  },
] as const satisfies readonly ApiRoute[];

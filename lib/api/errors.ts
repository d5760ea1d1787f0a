// The one error shape of the HTTP API, for the server that answers it and the client that
// reads it: {"error": code, "message" (Nepali), "messageEn" (English), "issues"?}. The code is a
// stable machine string; both texts come from lib/i18n (the `api.<code>` strings). No server-only
// imports: the IDE's client code imports this module too.
import '@/components/zod-without-eval'; // first: before any zod schema is made
import { z } from 'zod';
import { formatNumber, translate, type StringKey, type UiLanguage } from '@/lib/i18n/strings';

/** Every code the API answers, with its HTTP status (docs/interfaces.md lists them). */
export const API_ERROR_STATUS = {
  bad_json: 400,
  invalid_request: 400,
  bad_body: 400,
  bad_host: 400,
  bad_callback_url: 400,
  unstorable_text: 400,
  weak_password: 400,
  signed_out: 401,
  unauthorized: 401,
  cross_origin: 403,
  not_owner: 403,
  anonymous_immutable: 403,
  anonymous_storage_full: 403,
  not_found: 404,
  snippet_not_found: 404,
  method_not_allowed: 405,
  stale_version: 409,
  email_taken: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  anonymous_daily_cap: 429,
  overloaded: 429,
  internal: 500,
  shutting_down: 503,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];

/** One field a request body got wrong (from its zod schema). */
export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  error: ApiErrorCode;
  message: string; // Nepali
  messageEn: string; // English
  issues?: ApiIssue[];
}

export const apiErrorBodySchema = z.object({
  error: z.enum(API_ERROR_CODES as [ApiErrorCode, ...ApiErrorCode[]]),
  message: z.string(),
  messageEn: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** A value for a placeholder of the message: the same in both languages, or one per language. */
export type MessageVar = string | number | { ne: string; en: string };
type ApiTextKey = Extract<StringKey, `api.${string}`>;

export interface ApiErrorOptions {
  vars?: Record<string, MessageVar>;
  /** Another text for the same code (e.g. `api.weak_password_short`); `api.<code>` by default. */
  text?: ApiTextKey;
  headers?: Record<string, string>;
  issues?: ApiIssue[];
}

/** An error a route answers with its code's status and the one error shape. Thrown anywhere
 *  below a route handler; the route wrapper (lib/http/route.ts) turns it into the answer. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly options: ApiErrorOptions;

  constructor(code: ApiErrorCode, options: ApiErrorOptions = {}) {
    super(apiErrorText('en', code, options));
    this.name = 'ApiError';
    this.code = code;
    this.options = options;
  }

  get status(): number {
    return API_ERROR_STATUS[this.code];
  }
  get headers(): Record<string, string> {
    return this.options.headers ?? {};
  }
  get body(): ApiErrorBody {
    return apiErrorBody(this.code, this.options);
  }
}

function apiErrorText(lang: UiLanguage, code: ApiErrorCode, options: ApiErrorOptions): string {
  // Numbers in the language's digits (Devanagari in the Nepali message).
  const vars = Object.fromEntries(
    Object.entries(options.vars ?? {}).map(([k, v]) => [
      k,
      typeof v === 'object' ? v[lang] : typeof v === 'number' ? formatNumber(lang, v) : v,
    ]),
  );
  return translate(lang, options.text ?? (`api.${code}` as ApiTextKey), vars);
}

export function apiErrorBody(code: ApiErrorCode, options: ApiErrorOptions = {}): ApiErrorBody {
  return {
    error: code,
    message: apiErrorText('ne', code, options),
    messageEn: apiErrorText('en', code, options),
    ...(options.issues ? { issues: options.issues } : {}),
  };
}

/** At most 20 of a zod error's issues, each as a dotted path and zod's (English) message. */
export function zodIssues(issues: readonly { path: PropertyKey[]; message: string }[]): ApiIssue[] {
  return issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** 400 invalid_request for a body that does not fit its schema: the issues, and the first of
 *  them in the message ("path: what is wrong"). */
export function invalidRequest(issues: readonly { path: PropertyKey[]; message: string }[]): ApiError {
  const listed = zodIssues(issues);
  const first = listed[0];
  const detail = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : '-';
  return new ApiError('invalid_request', { issues: listed, vars: { detail } });
}

// The IDE's one way to call the JSON API from the browser: typed requests (the body type comes
// from the route's schema in lib/api/schemas.ts), typed answers, and failures read into the one
// error shape (lib/api/errors.ts) whatever the server or the network did.
import { apiErrorBodySchema, type ApiErrorBody } from './errors';
import type { StringKey, UiLanguage } from '@/lib/i18n/strings';

export type ApiCallResult<T> =
  | { ok: true; status: number; data: T }
  /** `error` is null when the answer was not in the API's error shape (or there was none:
   *  status 0 means the server could not be reached). */
  | { ok: false; status: number; error: ApiErrorBody | null };

/** The API's error body in `res`, or null when it does not have the one shape. */
export async function readApiError(res: Response): Promise<ApiErrorBody | null> {
  const parsed = apiErrorBodySchema.safeParse(await res.json().catch(() => null));
  return parsed.success ? parsed.data : null;
}

/** The server's own explanation of a failure, in the interface language, when it gave one. */
export function apiErrorMessage(error: ApiErrorBody | null, lang: UiLanguage): string | null {
  if (!error) return null;
  return (lang === 'en' ? error.messageEn : error.message) || null;
}

export async function callApi<T, B = never>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: B,
): Promise<ApiCallResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: null };
  }
  if (!res.ok) return { ok: false, status: res.status, error: await readApiError(res) };
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  return { ok: true, status: res.status, data: data as T };
}

/** What to say for a failure the server did not explain (or that only the client can put well). */
export function failureMessageKey(status: number): StringKey {
  if (status === 429) return 'account.tooMany';
  if (status === 409) return 'account.stale';
  return 'account.failed';
}

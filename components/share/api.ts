// Small fetch helpers for the share, fork, save and list buttons.
import type { AccountStringKey } from '@/components/account/strings';

export type ApiResult =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- our own API's JSON; each caller reads its endpoint's fields
  | { ok: true; status: number; body: any }
  | { ok: false; status: number; error: string; message?: string; messageEn?: string };

export async function sendJson(method: string, url: string, body?: unknown): Promise<ApiResult> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = res.status === 204 ? null : await res.json().catch(() => null);
    if (res.ok) return { ok: true, status: res.status, body: data };
    return { ok: false, status: res.status, error: data?.error ?? res.statusText, message: data?.message, messageEn: data?.messageEn };
  } catch (err) {
    return { ok: false, status: 0, error: (err as Error).message };
  }
}

export const postJson = (url: string, body?: unknown) => sendJson('POST', url, body);

/** The server's own explanation of a failure in the interface language, when it gave one. */
export function serverMessage(body: { message?: unknown; messageEn?: unknown } | null | undefined, lang: string): string | null {
  const text = lang === 'en' ? body?.messageEn : body?.message;
  return typeof text === 'string' && text ? text : null;
}

/** The message to show for a failed request. */
export function errorKey(status: number): AccountStringKey {
  if (status === 429) return 'tooMany';
  if (status === 409) return 'stale';
  return 'failed';
}

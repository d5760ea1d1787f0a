// next-auth v4 answers 500 ("problem with the server configuration") when a callbackUrl it is
// given, in the query or its callback-url cookie, does not parse as an http(s) URL, and its
// default redirect callback throws on one in a form body. Both are the client's mistake: the
// route answers 400 for the first, and `safeRedirect` (the redirect callback) never throws.
import { ApiError } from '@/lib/snippets/errors';

const CALLBACK_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'];

/** next-auth's own test (core/lib/assert.ts), which must not fail for the request to go on. */
export function isValidCallbackUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? base : undefined).protocol);
  } catch {
    return false;
  }
}

function cookieValues(header: string | null, names: string[]): string[] {
  const out: string[] = [];
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || !names.includes(part.slice(0, eq).trim())) continue;
    const raw = part.slice(eq + 1).trim();
    try { out.push(decodeURIComponent(raw)); } catch { out.push(raw); }
  }
  return out;
}

/** Throws a 400 ApiError when the query or the cookie holds a callbackUrl next-auth would refuse with a 500. */
export function assertCallbackUrls(req: Request): void {
  const url = new URL(req.url);
  const values = [...url.searchParams.getAll('callbackUrl'), ...cookieValues(req.headers.get('cookie'), CALLBACK_COOKIES)];
  if (values.every((v) => !v || isValidCallbackUrl(v, url.origin))) return;
  throw new ApiError(400, 'invalid request: callbackUrl is not a valid http(s) URL', {},
    'अनुरोध मिलेन: callbackUrl ठीक http(s) ठेगाना होइन।');
}

/** next-auth's redirect callback: a path on this site or a URL of the same origin, else the site root. */
export function safeRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) return `${baseUrl}${url}`;
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url;
  } catch { /* not a URL: fall through */ }
  return baseUrl;
}

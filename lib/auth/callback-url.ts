// next-auth v4's default redirect callback throws on a callbackUrl that is not a URL (a 500 for
// the client's mistake); `safeRedirect` never throws. Malformed callbackUrls in the query, a
// form body or the callback-url cookie are answered 400 before next-auth runs
// (lib/http/next-auth.ts).
/** next-auth's redirect callback: a path on this site or a URL of the same origin, else the site root. */
export function safeRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) return `${baseUrl}${url}`;
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url;
  } catch {
    /* not a URL: fall through */
  }
  return baseUrl;
}

/**
 * Where to go after signing in or up: only a path on this site, never an open redirect
 * ("//evil.example", "/\evil.example", "https://…", "javascript:…" all become "/").
 */
export function safeCallback(url: string | undefined | null): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(url)) return '/'; // browsers drop tabs/newlines: "/\t/evil"
  return url;
}

// The client's IP for rate limits. `next start` sets X-Forwarded-For to the socket's address
// only when the request has none, and a reverse proxy appends the address it saw; so the last
// entry is the one added by the nearest trustworthy hop. Without a proxy a client can send
// its own header and pick its per-IP bucket: the per-account limits still hold, and in
// production the proxy must set or append X-Forwarded-For (docs/accounts.md).
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(h: HeaderSource, name: string): string | undefined {
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name] ?? h[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
}

export function clientIp(headers: HeaderSource): string {
  const xff = header(headers, 'x-forwarded-for');
  const last = xff?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  const ip = last || header(headers, 'x-real-ip')?.trim() || 'unknown';
  return ip.slice(0, 64); // bounded key size whatever a client sends
}

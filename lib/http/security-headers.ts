// The security headers every response carries, written once: pages get them from proxy.ts
// (with a fresh script nonce each), API routes from the route wrapper, everything else
// (scripts, styles, fonts, the icon) from proxy.ts without a nonce.

export type ResponseKind = 'page' | 'api' | 'asset';

/**
 * The Content-Security-Policy for one kind of response.
 * - Scripts: only those carrying this response's nonce (Next puts it on its own tags and the
 *   preferences boot script), and what they load ('strict-dynamic'); no inline handlers.
 *   Development needs eval for React's call-stack reconstruction.
 * - Styles: Monaco sets style attributes and injects <style> elements at run time, which no
 *   nonce can cover, so inline styles stay allowed (styles cannot run code).
 * - Workers: Monaco's editor worker is served by us; blob: for workers made from bundled code.
 * - Nothing may frame us (clickjacking); forms and <base> stay on our origin.
 * API answers are JSON and never render: they allow nothing at all.
 */
export function contentSecurityPolicy(kind: ResponseKind, opts: { nonce?: string; dev?: boolean } = {}): string {
  if (kind === 'api') return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const scripts =
    kind === 'page' && opts.nonce
      ? `'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`
      : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every security header for a response of this kind. HSTS only when the request came over
 *  https (as a trusted proxy reports it): sent over plain http it would mean nothing, and a
 *  wrong one locks visitors out of a site that has no certificate. */
export function securityHeaders(
  kind: ResponseKind,
  opts: { nonce?: string; https: boolean; dev?: boolean },
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(kind, opts),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY', // frame-ancestors for browsers that predate it
    'Referrer-Policy': 'same-origin', // share links are capabilities: never leak them to other sites
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(opts.https ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Files Next serves as they are (bundles, styles, fonts, metadata images). */
export function isAssetPath(pathname: string): boolean {
  return pathname.startsWith('/_next/static/') || /\.(?:svg|png|ico|txt|xml|webmanifest|json|woff2?)$/.test(pathname);
}

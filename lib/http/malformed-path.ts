// A path whose percent-escapes do not decode (`/s/%ff`, `/api/snippets/%E0%A4`) can never name
// a snippet, an example or any other page; Next.js's router fails on it before any route code
// runs (answering 500), so the proxy answers 404 in the API error shape first.
import { GENERIC_NE } from '@/lib/snippets/errors';

export function hasMalformedEscapes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function malformedPathResponse(pathname: string): Response | null {
  if (!hasMalformedEscapes(pathname)) return null;
  const en = 'not found: the address has malformed percent-escapes';
  return Response.json(
    { error: en, message: `${GENERIC_NE[404]} (ठेगानामा बिग्रिएको % अक्षर छ)`, messageEn: en },
    { status: 404, headers: { 'cache-control': 'no-store' } },
  );
}

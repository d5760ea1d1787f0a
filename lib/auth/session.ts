// Who is asking: the user id from next-auth's session cookie (a JWT encrypted with our
// secret), read from the Request itself so route handlers stay plain functions that tests
// can call with real Requests and real cookies. A cookie from before the user signed out (or of
// a deleted user) gives null: lib/auth/session-version.ts.
import { getToken } from 'next-auth/jwt';
import { getAuthSecret } from './secret';
import { isLiveSession } from './session-version';
import { getDb } from '@/lib/db';

export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

/** The signed-in user's id, or null. A forged, expired, foreign or signed-out cookie gives null. */
export async function sessionUserId(req: Request): Promise<string | null> {
  const cookies = parseCookies(req.headers.get('cookie'));
  const secret = getAuthSecret();
  for (const cookieName of SESSION_COOKIES) {
    const token = await getToken({
      req: { cookies, headers: Object.fromEntries(req.headers) } as never,
      cookieName,
      secret,
      secureCookie: cookieName.startsWith('__Secure-'),
      logger: { error() {}, warn() {}, debug() {} } as never,
    });
    if (token?.sub && typeof token.sub === 'string')
      return (await isLiveSession(await getDb(), token)) ? token.sub : null;
  }
  return null;
}

// Sessions are JWTs in a cookie, so the server cannot forget one by itself. Each cookie carries
// the user's session version (`sv`) at sign-in, and every request that reads a session compares
// it with User.sessionVersion: signing out increments that, so every cookie issued before,
// including copies, stops working at once ("sign out everywhere"). A deleted user has no
// version, so their cookies stop working too. Costs one primary-key lookup per request.
import type { Db } from '@/lib/db';

/** Thrown from next-auth's jwt callback to make it drop a revoked session cookie. */
export class SessionRevoked extends Error {
  constructor() {
    super('session ended by sign-out');
    this.name = 'SessionRevoked';
  }
}

/** The claim as it sits in the token; cookies issued before versions existed count as 0. */
export function tokenSessionVersion(token: Record<string, unknown>): number {
  return typeof token.sv === 'number' && Number.isInteger(token.sv) ? token.sv : 0;
}

export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return row ? row.sessionVersion : null;
}

/** Whether a token with this subject and version is still a live session. */
export async function isLiveSession(db: Db, token: Record<string, unknown>): Promise<boolean> {
  if (typeof token.sub !== 'string' || !token.sub) return false;
  return (await currentSessionVersion(db, token.sub)) === tokenSessionVersion(token);
}

/** Ends every session of the user (each cookie issued so far). */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

// Accounts: sign-up, password sign-in (with its rate limits) and linking OAuth identities.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db';
import { ApiError, tooMany } from '@/lib/snippets/errors';
import { signUpSchema, signInSchema } from '@/lib/validations/auth';
import { hashPassword, verifyPassword, burnTime } from './password';
import { consume } from './rate-limit';
import { signInLimiter, SignInRefused } from './sign-in-limiter';
import { assertStrongPassword } from './password-strength';

export interface PublicUser {
  id: string;
  email: string;
  name: string | null;
}
/** A user just signed in, with the session version their cookie will carry. */
export interface SignedInUser extends PublicUser {
  sessionVersion: number;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}

/** Sign-up: 201 user | 400 invalid | 409 email taken | 429. */
export async function signUp(db: Db, input: unknown, ip: string): Promise<PublicUser> {
  await consume('signUpIp', ip);
  const data = signUpSchema.parse(input);
  // Before the per-email limit: trying a few weak passwords must not hold the email back.
  await assertStrongPassword(data.password, [data.email, data.name]);
  await consume('signUpEmail', data.email);
  const passwordHash = await hashPassword(data.password);
  try {
    const user = await db.user.create({
      data: { id: randomUUID(), email: data.email, name: data.name || null, passwordHash, updatedAt: new Date() },
    });
    return { id: user.id, email: user.email, name: user.name };
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError('email_taken');
    throw err;
  }
}

/**
 * Password sign-in. Returns the user, or null for a wrong email or password (the same answer
 * for both, taking the same time). The attempt takes its points from the sign-in limiter before
 * the password is checked and gets them back on success; a refused attempt throws a 429
 * ApiError with Retry-After and checks nothing.
 */
export async function verifyCredentials(db: Db, input: unknown, ip: string): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  let attempt;
  try {
    attempt = await (await signInLimiter()).begin(email, ip);
  } catch (err) {
    if (err instanceof SignInRefused) throw tooMany(err.retryAfterSeconds);
    throw err;
  }
  const user = await db.user.findUnique({ where: { email } });
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(password, user.passwordHash);
  else await burnTime(password);
  if (!ok || !user) return null;
  await attempt.succeeded();
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/**
 * An OAuth sign-in (GitHub, Google): the user linked to this identity, made on first sign-in.
 * An email that already belongs to another account is not linked automatically (that would
 * let whoever controls the provider account take over the password account): returns null.
 */
export async function linkOAuthUser(
  db: Db,
  identity: {
    provider: string;
    providerAccountId: string;
    type: string;
    email?: string | null;
    name?: string | null;
    image?: string | null;
  },
): Promise<string | null> {
  const existing = await db.account.findUnique({
    where: {
      provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId },
    },
  });
  if (existing) return existing.userId;
  const email = identity.email?.trim().toLowerCase();
  if (!email) return null;
  try {
    const user = await db.user.create({
      data: {
        id: randomUUID(),
        email,
        name: identity.name ?? null,
        image: identity.image ?? null,
        updatedAt: new Date(),
        accounts: {
          create: {
            id: randomUUID(),
            type: identity.type,
            provider: identity.provider,
            providerAccountId: identity.providerAccountId,
          },
        },
      },
    });
    return user.id;
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

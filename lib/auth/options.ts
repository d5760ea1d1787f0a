// next-auth (v4) configuration: email + password (Credentials) always; GitHub and Google only
// when their credentials are in the environment. Sessions are JWTs in an encrypted cookie
// (no session table); the token's `sub` is our User.id and `sv` its session version, checked on
// every request so that signing out ends the session for real (lib/auth/session-version.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { config } from '@/lib/config';
import { getDb } from '@/lib/db';
import { getAuthSecret } from './secret';
import { verifyCredentials, linkOAuthUser } from './users';
import { clientIp } from './ip';
import { safeRedirect } from './callback-url';
import { ApiError } from '@/lib/api/errors';
import {
  SessionRevoked,
  currentSessionVersion,
  endAllSessions,
  isLiveSession,
  tokenSessionVersion,
} from './session-version';

/** The OAuth providers configured in this environment (the sign-in page shows these). */
export function oauthProviders(env: NodeJS.ProcessEnv = process.env): { id: 'github' | 'google'; name: string }[] {
  const { GITHUB_ID, GITHUB_SECRET, GOOGLE_ID, GOOGLE_SECRET } = config(env);
  const list: { id: 'github' | 'google'; name: string }[] = [];
  if (GITHUB_ID && GITHUB_SECRET) list.push({ id: 'github', name: 'GitHub' });
  if (GOOGLE_ID && GOOGLE_SECRET) list.push({ id: 'google', name: 'Google' });
  return list;
}

/** Error code the sign-in page shows when failures are rate-limited. */
export const RATE_LIMITED = 'RateLimited';

export function getAuthOptions(env: NodeJS.ProcessEnv = process.env): NextAuthOptions {
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'email',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const ip = clientIp((req?.headers ?? {}) as Record<string, string>);
        try {
          const user = await verifyCredentials(await getDb(), credentials, ip);
          return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
        } catch (err) {
          if (err instanceof ApiError && err.code === 'rate_limited') throw new Error(RATE_LIMITED);
          throw err;
        }
      },
    }),
  ];
  const { GITHUB_ID, GITHUB_SECRET, GOOGLE_ID, GOOGLE_SECRET } = config(env);
  if (GITHUB_ID && GITHUB_SECRET) providers.push(GitHubProvider({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET }));
  if (GOOGLE_ID && GOOGLE_SECRET) providers.push(GoogleProvider({ clientId: GOOGLE_ID, clientSecret: GOOGLE_SECRET }));
  return {
    secret: getAuthSecret(env),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
    pages: { signIn: '/signin' },
    providers,
    logger: {
      // A revoked cookie is an expected event, not a server error worth a stack trace.
      error(code, metadata) {
        if (metadata instanceof SessionRevoked) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sub === 'string') await endAllSessions(await getDb(), token.sub);
      },
    },
    callbacks: {
      async redirect(params) {
        return safeRedirect(params);
      },
      async signIn({ account, user, profile }) {
        if (!account || account.provider === 'credentials') return true;
        // Google reports whether it verified the email; GitHub only gives verified primaries.
        if (account.provider === 'google' && (profile as { email_verified?: boolean })?.email_verified === false)
          return false;
        const id = await linkOAuthUser(await getDb(), {
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          type: account.type,
          email: user.email,
          name: user.name,
          image: user.image,
        });
        if (!id) return '/signin?error=OAuthAccountNotLinked';
        user.id = id; // the same object reaches the jwt callback below
        return true;
      },
      async jwt({ token, user }) {
        if (user?.id) {
          // Signing in: the cookie carries the version current now.
          token.sub = user.id;
          const v = (user as { sessionVersion?: number }).sessionVersion;
          token.sv = typeof v === 'number' ? v : ((await currentSessionVersion(await getDb(), user.id)) ?? 0);
          return token;
        }
        // Every later read of the session: a cookie from before a sign-out is dropped
        // (next-auth clears it and answers no session).
        if (!(await isLiveSession(await getDb(), token))) throw new SessionRevoked();
        token.sv = tokenSessionVersion(token);
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}

// next-auth (v4) configuration: email + password (Credentials) always; GitHub and Google only
// when their credentials are in the environment. Sessions are JWTs in an encrypted cookie
// (no session table); the token's `sub` is our User.id.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { getDb } from '@/lib/db';
import { getAuthSecret } from './secret';
import { verifyCredentials, linkOAuthUser } from './users';
import { clientIp } from './ip';
import { ApiError } from '@/lib/snippets/errors';

/** The OAuth providers configured in this environment (the sign-in page shows these). */
export function oauthProviders(env: NodeJS.ProcessEnv = process.env): { id: 'github' | 'google'; name: string }[] {
  const list: { id: 'github' | 'google'; name: string }[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) list.push({ id: 'github', name: 'GitHub' });
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) list.push({ id: 'google', name: 'Google' });
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
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        } catch (err) {
          if (err instanceof ApiError && err.status === 429) throw new Error(RATE_LIMITED);
          throw err;
        }
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET }));
  }
  return {
    secret: getAuthSecret(env),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
    pages: { signIn: '/signin' },
    providers,
    callbacks: {
      async signIn({ account, user, profile }) {
        if (!account || account.provider === 'credentials') return true;
        // Google reports whether it verified the email; GitHub only gives verified primaries.
        if (account.provider === 'google' && (profile as { email_verified?: boolean })?.email_verified === false) return false;
        const id = await linkOAuthUser(await getDb(), {
          provider: account.provider, providerAccountId: account.providerAccountId, type: account.type,
          email: user.email, name: user.name, image: user.image,
        });
        if (!id) return '/signin?error=OAuthAccountNotLinked';
        user.id = id; // the same object reaches the jwt callback below
        return true;
      },
      async jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}

// Runs once when the server starts (Next.js instrumentation hook). Production with a database
// server needs NEXTAUTH_SECRET from the environment: without it the server refuses to start,
// instead of starting and failing every sign-in (see docs/accounts.md). Every request gets the
// socket's peer address stamped on it for route handlers (lib/http/peer-stamp.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installPeerStamp } = await import('./lib/http/peer-stamp');
    installPeerStamp();
    const { checkAuthSecretAtStart } = await import('./lib/auth/startup');
    checkAuthSecretAtStart();
    const { alignNextAuthOrigin } = await import('./lib/http/next-auth');
    alignNextAuthOrigin();
  }
}

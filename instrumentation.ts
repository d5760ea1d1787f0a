// Runs once when the server starts (Next.js instrumentation hook). Production with a database
// server needs NEXTAUTH_SECRET from the environment: without it the server refuses to start,
// instead of starting and failing every sign-in (see docs/accounts.md).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getAuthSecret, MissingSecretError } = await import('@/lib/auth/secret');
  try {
    getAuthSecret();
  } catch (err) {
    if (!(err instanceof MissingSecretError)) throw err;
    console.error(`[sajilo] refusing to start: ${err.message}`);
    process.exit(1);
  }
}

// Runs once when the server starts (Next.js instrumentation hook). Production with a database
// server needs NEXTAUTH_SECRET from the environment: without it the server refuses to start,
// instead of starting and failing every sign-in (see docs/accounts.md). Every request gets the
// socket's peer address stamped on it for route handlers (lib/http/peer-stamp.ts). SIGTERM drains
// the server gracefully (lib/ops/shutdown.ts) when Next leaves the signals to us
// (NEXT_MANUAL_SIG_HANDLE, set by `npm start`). With SAJILO_EXECUTOR=queue the run queue is
// started here, so the first run and the first readiness check do not wait for it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installPeerStamp } = await import('./lib/http/peer-stamp');
    installPeerStamp();
    const { checkAuthSecretAtStart } = await import('./lib/auth/startup');
    checkAuthSecretAtStart();
    const { alignNextAuthOrigin } = await import('./lib/http/next-auth');
    alignNextAuthOrigin();
    await installShutdown();
    // With the job queue, this server connects to it now rather than on its first run.
    if ((await import('./lib/config')).config().SAJILO_EXECUTOR === 'queue')
      (await import('./lib/run/executor')).warmUpExecutor();
  }
}

/** Running work finishes before the process exits; then the database and the sandbox close. */
async function installShutdown() {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) return; // Next exits on the signal itself
  const { installGracefulShutdown, onShutdown } = await import('./lib/ops/shutdown');
  const { closeDb } = await import('./lib/db');
  const { shutdownSandbox } = await import('./sandbox/index');
  const { executor } = await import('./lib/run/executor');
  onShutdown(() => executor().close());
  onShutdown(closeDb);
  onShutdown(shutdownSandbox);
  installGracefulShutdown();
}

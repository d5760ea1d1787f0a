// Called by instrumentation.ts when the Node.js server starts: exits with status 1 and one
// clear line when the session secret is required but missing (or too short).
import { getAuthSecret, MissingSecretError } from './secret';

export function checkAuthSecretAtStart(): void {
  try {
    getAuthSecret();
  } catch (err) {
    if (!(err instanceof MissingSecretError)) throw err;
    console.error(`[sajilo] refusing to start: ${err.message}`);
    process.exit(1);
  }
}

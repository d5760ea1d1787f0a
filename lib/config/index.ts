// Every environment variable the server reads, validated once with zod. A variable that is set
// but wrong stops the process with a message naming it, instead of being ignored somewhere deep.
// New settings are added here (and to the table in docs/configuration.md), never read from
// process.env elsewhere.
import { z } from 'zod';

const nonNegativeInt = z.coerce.number().int().min(0);
/** An http(s) URL; an empty variable counts as unset. */
const optionalHttpUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/ }).optional());

const schema = z.object({
  /** How many reverse proxies stand in front of the web server; 0 (default) trusts no
   *  forwarded header (X-Forwarded-For, X-Forwarded-Host, X-Forwarded-Proto). */
  SAJILO_TRUSTED_PROXIES: nonNegativeInt.default(0),
  /** The site's public origin (https://sajilo.example); unset, each request's own origin is
   *  used, so `npm start` works on any host and port. Auth callbacks and link previews use it. */
  SAJILO_PUBLIC_URL: optionalHttpUrl,
  /** next-auth's own name for the public origin, honoured when SAJILO_PUBLIC_URL is unset. */
  NEXTAUTH_URL: optionalHttpUrl,
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

/** The validated configuration; throws a clear error naming every bad variable. */
export function config(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && cached) return cached;
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}

/** For tests that change process.env between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}

// The secret that signs and encrypts session cookies (next-auth's NEXTAUTH_SECRET).
//
// - NEXTAUTH_SECRET set: used as is (at least 32 characters: lib/config refuses a shorter one).
// - Production with a database server (NODE_ENV=production and DATABASE_URL set): required;
//   without it the app refuses to start (instrumentation.ts) and sign-in answers 500.
// - Otherwise (the embedded default): generated on first start and kept in
//   $SAJILO_DATA_DIR/nextauth-secret (mode 0600), so sessions survive restarts.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { config } from '@/lib/config';
import { dataDir } from '@/lib/db/paths';

export class MissingSecretError extends Error {}

export function secretRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const { NODE_ENV, DATABASE_URL } = config(env);
  return NODE_ENV === 'production' && !!DATABASE_URL;
}

let cached: string | undefined;

export function getAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = config(env).NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (secretRequired(env)) {
    throw new MissingSecretError(
      'NEXTAUTH_SECRET is not set. In production with DATABASE_URL it is required: generate one with ' +
        '`openssl rand -base64 32` and set it in the environment.',
    );
  }
  const file = path.join(dataDir(env), 'nextauth-secret');
  if (cached && env === process.env) return cached;
  const secret = readOrCreate(file);
  if (env === process.env) cached = secret;
  return secret;
}

function readOrCreate(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': if two starts race, one writes and the other reads the winner's secret.
      writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new MissingSecretError(`${file} holds no usable secret; delete it to make a new one`);
  return secret;
}

/** For tests. */
export function forgetCachedSecret(): void {
  cached = undefined;
}

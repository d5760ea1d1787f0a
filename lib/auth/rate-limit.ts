// Rate limits (rate-limiter-flexible, in process memory: one app process holds them; several
// processes would each count separately — see docs/accounts.md).
//
//   anonymous shares and forks    30 per IP per hour
//   signed-in shares and forks   300 per user per hour
//   sign-up attempts              10 per IP per hour, 5 per email per hour
//   failed sign-ins               30 per IP per 15 minutes, 5 per account per 15 minutes
//
// Sign-in counts only failures; a successful sign-in clears its account's count.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { tooMany } from '@/lib/snippets/errors';

export const LIMITS = {
  shareAnonIp: { points: 30, duration: 3600 },
  shareUser: { points: 300, duration: 3600 },
  signUpIp: { points: 10, duration: 3600 },
  signUpEmail: { points: 5, duration: 3600 },
  signInFailIp: { points: 30, duration: 900 },
  signInFailAccount: { points: 5, duration: 900 },
} as const;
export type LimitName = keyof typeof LIMITS;

type Limiters = Record<LimitName, RateLimiterMemory>;
const g = globalThis as unknown as { __sajiloLimiters?: Limiters };

function limiters(): Limiters {
  if (!g.__sajiloLimiters) {
    g.__sajiloLimiters = Object.fromEntries(
      Object.entries(LIMITS).map(([name, o]) => [name, new RateLimiterMemory({ keyPrefix: name, ...o })]),
    ) as Limiters;
  }
  return g.__sajiloLimiters;
}

/** Takes one point; throws a 429 ApiError (with Retry-After) when the limit is used up. */
export async function consume(name: LimitName, key: string): Promise<void> {
  try {
    await limiters()[name].consume(key);
  } catch (res) {
    if (res instanceof RateLimiterRes) throw tooMany(res.msBeforeNext / 1000);
    throw res;
  }
}

/** Throws a 429 when the key has no points left, without taking one. */
export async function assertNotLimited(name: LimitName, key: string): Promise<void> {
  const res = await limiters()[name].get(key);
  if (res && res.remainingPoints <= 0) throw tooMany(res.msBeforeNext / 1000);
}

/** Takes one point, without throwing (records a failure). */
export async function penalise(name: LimitName, key: string): Promise<void> {
  await limiters()[name].penalty(key, 1);
}

export async function forgive(name: LimitName, key: string): Promise<void> {
  await limiters()[name].delete(key);
}

/** Tests: start every limit afresh. */
export function resetRateLimits(): void {
  g.__sajiloLimiters = undefined;
}

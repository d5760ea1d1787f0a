// Rate limits (rate-limiter-flexible). The counters live where lib/auth/limiter-store.ts says:
// in PostgreSQL when DATABASE_URL is set, so every web server spends one budget; in process
// memory with the embedded default (docs/accounts.md).
//
//   anonymous shares and forks    30 per IP per hour, SAJILO_ANON_SHARES_PER_DAY per IP per day
//   signed-in shares and forks   300 per user per hour
//   sign-up attempts              SAJILO_SIGNUPS_PER_HOUR (10) per IP per hour, 5 per email per hour
//
// Password sign-in has its own limiter with back-off: lib/auth/sign-in-limiter.ts.
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiError, retryAfter, tooMany } from '@/lib/snippets/errors';
import { config } from '@/lib/config';
import { limiterStore } from './limiter-store';
import { resetSignInLimiter } from './sign-in-limiter';

export const LIMITS = {
  shareAnonIp: { points: 30, duration: 3600 },
  shareUser: { points: 300, duration: 3600 },
  signUpEmail: { points: 5, duration: 3600 },
} as const;
/** Limits whose points come from the configuration (limitOptions). */
const CONFIGURED = ['shareAnonIpDay', 'signUpIp'] as const;
export type LimitName = keyof typeof LIMITS | (typeof CONFIGURED)[number];

/** The limits with their points, the daily anonymous cap and the sign-ups per address read from
 *  the configuration. */
export function limitOptions(name: LimitName): { points: number; duration: number } {
  if (name === 'shareAnonIpDay') return { points: config().SAJILO_ANON_SHARES_PER_DAY, duration: 24 * 3600 };
  if (name === 'signUpIp') return { points: config().SAJILO_SIGNUPS_PER_HOUR, duration: 3600 };
  return LIMITS[name];
}

type Limiters = Record<LimitName, RateLimiterAbstract>;
const g = globalThis as unknown as { __sajiloLimiters?: { owner: unknown; limiters: Limiters } };

async function limiters(): Promise<Limiters> {
  const store = await limiterStore();
  let cached = g.__sajiloLimiters;
  if (!cached || cached.owner !== store.owner) {
    const limiters = Object.fromEntries(
      [...Object.keys(LIMITS), ...CONFIGURED].map((name) => [
        name,
        store.make({ keyPrefix: name, ...limitOptions(name as LimitName) }),
      ]),
    ) as Limiters;
    cached = g.__sajiloLimiters = { owner: store.owner, limiters };
  }
  return cached.limiters;
}

/** Takes one point; throws a 429 ApiError (with Retry-After) when the limit is used up. */
export async function consume(name: LimitName, key: string): Promise<void> {
  try {
    await (await limiters())[name].consume(key);
  } catch (res) {
    if (res instanceof RateLimiterRes) throw tooMany(res.msBeforeNext / 1000);
    throw res;
  }
}

/**
 * An anonymous share or fork from this address: the hourly limit, then the daily cap, which
 * says so in its answer (429 with Retry-After until the day's window ends).
 */
export async function consumeAnonymousShare(ip: string): Promise<void> {
  await consume('shareAnonIp', ip);
  try {
    await (await limiters()).shareAnonIpDay.consume(ip);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    const perDay = limitOptions('shareAnonIpDay').points;
    throw new ApiError('anonymous_daily_cap', { vars: { perDay }, headers: retryAfter(res.msBeforeNext / 1000) });
  }
}

/** Tests: start every limit afresh (in memory; PostgreSQL counters live as long as their table). */
export function resetRateLimits(): void {
  g.__sajiloLimiters = undefined;
  resetSignInLimiter();
}

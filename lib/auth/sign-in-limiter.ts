// Password sign-in limits (rate-limiter-flexible, kept where the other limits are: PostgreSQL with
// DATABASE_URL, shared by every web server; process memory otherwise — lib/auth/limiter-store.ts).
//
// Every attempt takes its points BEFORE the password is checked, and each take is one atomic
// step of the store (memory, or one upsert in PostgreSQL), so of 40 parallel guesses at most
// `pair.points` reach the hash, however many servers they are spread over.
// A successful sign-in gives its points back. Three counters:
//
//   pair     one account from one address:   5 attempts per 15 min, reset by a success
//   address  one address, any accounts:     30 attempts per 15 min
//   account  one account, from addresses it has not signed in from lately: 100 per hour
//
// Each counter that runs out blocks its key with a growing back-off (1, 2, 4, … minutes, at most
// one hour; the count of blocks is forgotten a day after the first). So no lock is permanent,
// and guessing from one address slows to a few attempts an hour.
//
// Why the account counter exempts known addresses: an attacker who knows an email could
// otherwise keep its owner locked out by guessing wrong forever. An address that signed in to
// the account successfully in the last 14 days is limited only by its own pair and address
// counters, which the attacker cannot spend.
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { limiterStore, memoryLimiters, type MakeLimiter } from './limiter-store';

export interface SignInPolicy {
  pair: { points: number; duration: number };
  address: { points: number; duration: number };
  account: { points: number; duration: number };
  /** Seconds of the first block; each further block doubles it, up to maxSeconds. */
  backoff: { firstSeconds: number; maxSeconds: number; forgetAfterSeconds: number };
  /** How long an address stays known for an account after a successful sign-in. */
  knownAddressSeconds: number;
}

export const SIGN_IN_POLICY: SignInPolicy = {
  pair: { points: 5, duration: 15 * 60 },
  address: { points: 30, duration: 15 * 60 },
  account: { points: 100, duration: 60 * 60 },
  backoff: { firstSeconds: 60, maxSeconds: 60 * 60, forgetAfterSeconds: 24 * 3600 },
  knownAddressSeconds: 14 * 24 * 3600, // under 2^31 ms: the memory store keeps each key with one setTimeout
};

/** A refused attempt: how long until this key may try again. */
export class SignInRefused extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many sign-in attempts');
  }
}

/** A counter whose exhaustion blocks the key for a doubling, bounded time. */
class BackoffCounter {
  private readonly limiter: RateLimiterAbstract;
  private readonly blocks: RateLimiterAbstract;

  constructor(
    name: string,
    private readonly opts: { points: number; duration: number },
    private readonly backoff: SignInPolicy['backoff'],
    make: MakeLimiter,
  ) {
    this.limiter = make({ keyPrefix: name, ...opts });
    this.blocks = make({
      keyPrefix: `${name}:blocks`,
      points: 1e9,
      duration: backoff.forgetAfterSeconds,
    });
  }

  /** Takes one point, or throws SignInRefused. */
  async take(key: string): Promise<void> {
    let refused: RateLimiterRes;
    try {
      await this.limiter.consume(key);
      return;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      refused = res;
    }
    // Exactly one attempt sees the count go one over the limit (the store is atomic): that one
    // sets the block. Later attempts only raise the count, which the block's expiry discards.
    if (refused.consumedPoints === this.opts.points + 1) {
      const n = (await this.blocks.penalty(key, 1)).consumedPoints;
      const seconds = Math.min(this.backoff.firstSeconds * 2 ** Math.min(n - 1, 30), this.backoff.maxSeconds);
      await this.limiter.block(key, seconds);
      throw new SignInRefused(seconds);
    }
    throw new SignInRefused(refused.msBeforeNext / 1000);
  }

  /** Seconds until the key may try again, or 0 when it has points left (takes none). */
  async waitSeconds(key: string): Promise<number> {
    const res = await this.limiter.get(key);
    return res && res.consumedPoints >= this.opts.points ? Math.max(res.msBeforeNext, 1000) / 1000 : 0;
  }

  async giveBack(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }

  /** Forgets the key's failures and blocks. */
  async reset(key: string): Promise<void> {
    await Promise.all([this.limiter.delete(key), this.blocks.delete(key)]);
  }
}

const pairKey = (email: string, ip: string) => `${email}\n${ip}`;

export class SignInLimiter {
  private readonly pair: BackoffCounter;
  private readonly address: BackoffCounter;
  private readonly account: BackoffCounter;
  private readonly known: RateLimiterAbstract;

  /** MAKE says where the counters live (lib/auth/limiter-store.ts); process memory by default. */
  constructor(
    private readonly policy: SignInPolicy = SIGN_IN_POLICY,
    make: MakeLimiter = memoryLimiters,
  ) {
    this.pair = new BackoffCounter('signInPair', policy.pair, policy.backoff, make);
    this.address = new BackoffCounter('signInAddress', policy.address, policy.backoff, make);
    this.account = new BackoffCounter('signInAccount', policy.account, policy.backoff, make);
    this.known = make({ keyPrefix: 'signInKnown', points: 1, duration: policy.knownAddressSeconds });
  }

  private async isKnown(email: string, ip: string): Promise<boolean> {
    return (await this.known.get(pairKey(email, ip))) !== null;
  }

  /**
   * Takes the attempt's points before the password is checked; throws SignInRefused when any
   * counter is used up. Call `succeeded` after a right password; a wrong one keeps the points.
   */
  async begin(email: string, ip: string): Promise<{ succeeded(): Promise<void> }> {
    const known = await this.isKnown(email, ip);
    await this.pair.take(pairKey(email, ip));
    await this.address.take(ip);
    if (!known) await this.account.take(email);
    return {
      succeeded: async () => {
        await Promise.all([
          this.pair.reset(pairKey(email, ip)),
          this.address.giveBack(ip),
          known ? undefined : this.account.giveBack(email),
          this.known.set(pairKey(email, ip), 1, this.policy.knownAddressSeconds),
        ]);
      },
    };
  }

  /** Seconds this attempt would have to wait (takes nothing), 0 when it may go ahead. */
  async waitSeconds(email: string | null, ip: string): Promise<number> {
    const waits = [await this.address.waitSeconds(ip)];
    if (email) {
      waits.push(await this.pair.waitSeconds(pairKey(email, ip)));
      if (!(await this.isKnown(email, ip))) waits.push(await this.account.waitSeconds(email));
    }
    return Math.max(...waits);
  }
}

const g = globalThis as unknown as { __sajiloSignInLimiter?: { owner: unknown; limiter: SignInLimiter } };

/** The server's one sign-in limiter, its counters in this configuration's store. */
export async function signInLimiter(): Promise<SignInLimiter> {
  const store = await limiterStore();
  let cached = g.__sajiloSignInLimiter;
  if (!cached || cached.owner !== store.owner) {
    cached = g.__sajiloSignInLimiter = { owner: store.owner, limiter: new SignInLimiter(SIGN_IN_POLICY, store.make) };
  }
  return cached.limiter;
}

/** Tests: start afresh. */
export function resetSignInLimiter(): void {
  g.__sajiloSignInLimiter = undefined;
}

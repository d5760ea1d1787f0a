// The two tiers of a run. "fast" is the default compile path (tcc + musl: a new program is
// ready in milliseconds). "optimised" is the --optimise path (gcc -O2), built in the background
// after a program has run and served from the compile cache from then on.
// Without tcc the fast tier is gcc -O0 (its quickest compile) and the optimised tier gcc -O2.
// Without gcc the optimise path is tcc again, which ignores -O: there is no optimised tier.
import { config } from '../../config';
import { chooseToolchain, type PathKind } from './toolchain';
import type { RuntimeLibs } from './runtime-libs';

export type Tier = 'fast' | 'optimised';

export interface TierPlan {
  fast: PathKind;
  /** null when no compile path generates better code than the fast one. */
  optimised: PathKind | null;
}

export function tierPlan(rt: RuntimeLibs, forced: string | undefined = config().SAJILO_CC): TierPlan {
  const fast = chooseToolchain(rt, false, forced).kind;
  const best = chooseToolchain(rt, true, forced).kind;
  return { fast, optimised: best === 'tcc-musl' ? null : best };
}

/** One line for `sajilo doctor`. */
export function describeTiers(plan: TierPlan): string {
  const fast = plan.fast === 'tcc-musl' ? 'tcc-musl' : `${plan.fast} -O0`;
  return plan.optimised
    ? `tiers: fast = ${fast}; optimised = ${plan.optimised} -O2 (built in the background after a run)`
    : `tiers: fast = ${fast}; optimised = unavailable (no gcc: every run uses the fast tier)`;
}

// Tiered compilation for the run pipeline. A new program compiles on the fast tier (tcc);
// once it has run, an optimised build (gcc -O2) is queued in the background, and the compile
// cache serves every later run of the same source with it. The background queue never
// competes with interactive work: one build at a time, niced, with its own CPU budget in the
// sandbox's compile profile, and dropped (not postponed) when interactive runs are waiting or
// every run slot is busy — a dropped program is simply offered again after its next run.
import { EventEmitter } from 'node:events';
import {
  buildExecutable,
  buildOrReport,
  findCachedExecutable,
  type BuildResult,
  type CompilerRunner,
} from '@/lib/compiler/build';
import type { Translator } from '@/lib/compiler/translate';
import { findOnPath } from '@/lib/compiler/driver/detect';
import { loadRuntimeLibs } from '@/lib/compiler/driver/runtime-libs';
import { tierPlan, type Tier } from '@/lib/compiler/driver/tiers';
import { hashKey } from '@/lib/compiler/driver/cache';

export type { Tier } from '@/lib/compiler/driver/tiers';

export interface UpgradeRequest {
  source: string;
  latinDigits: boolean;
}
/** What became of one offered upgrade. */
export type UpgradeOutcome = 'built' | 'failed' | 'dropped';
export type OfferResult = 'queued' | 'duplicate' | 'dropped' | 'known_failure';

/** Runs one background compile job; `signal` aborts it (the queue yields to interactive work). */
export type BackgroundCompiler = (signal: AbortSignal) => CompilerRunner;

export interface UpgradeQueueOptions {
  maxQueued: number;
  /** Interactive runs waiting for a slot, and run slots free now. */
  interactiveLoad: () => { waiting: number; freeSlots: number };
  compiler: BackgroundCompiler;
  /** Where the front end and the C generator run (the server: its worker-thread pool). */
  translate?: Translator;
}

/** Failed sources are remembered (by key) so a program gcc cannot build is not retried forever. */
const MAX_REMEMBERED_FAILURES = 1024;

interface Pending {
  key: string;
  req: UpgradeRequest;
}

/**
 * The bounded background queue of optimised builds. Events: 'started' (key) when a build
 * begins, 'settled' (key, outcome) after every offered build, 'idle' when nothing is queued or
 * building.
 */
export class UpgradeQueue extends EventEmitter {
  private options: UpgradeQueueOptions;
  private queued: Pending[] = [];
  private current: { key: string; abort: AbortController } | null = null;
  private failed = new Set<string>();
  private startScheduled = false;

  constructor(options: UpgradeQueueOptions) {
    super();
    this.options = { ...options };
  }

  configure(options: Partial<UpgradeQueueOptions>) {
    this.options = { ...this.options, ...options };
  }

  get stats() {
    return { building: this.current !== null, queued: this.queued.length, maxQueued: this.options.maxQueued };
  }

  static keyOf(req: UpgradeRequest): string {
    return hashKey({ source: req.source, latinDigits: req.latinDigits });
  }

  /** Asks for an optimised build of a program that has just run on the fast tier. */
  offer(req: UpgradeRequest): OfferResult {
    const key = UpgradeQueue.keyOf(req);
    if (this.failed.has(key)) return 'known_failure';
    if (this.current?.key === key || this.queued.some((p) => p.key === key)) return 'duplicate';
    // The run offering this still holds its slot: only runs already waiting count here; whether
    // a slot is free is checked when the build would start, after the offering run has ended.
    if (this.options.interactiveLoad().waiting > 0 || this.queued.length >= this.options.maxQueued) {
      this.settle(key, 'dropped');
      return 'dropped';
    }
    this.queued.push({ key, req });
    this.scheduleStart();
    return 'queued';
  }

  /**
   * Interactive work needs the machine: the build in progress is killed and the queue emptied.
   * Called by the run pipeline when a run arrives and finds every slot taken.
   */
  yieldToInteractive(): void {
    const dropped = this.queued.splice(0);
    for (const p of dropped) this.settle(p.key, 'dropped');
    this.current?.abort.abort();
  }

  /** Resolves when nothing is queued or building (tests and benchmarks wait on this). */
  idle(): Promise<void> {
    if (!this.current && this.queued.length === 0 && !this.startScheduled) return Promise.resolve();
    return new Promise((resolve) => this.once('idle', resolve));
  }

  /** Resolves with the outcome of the next build of this program that settles. */
  settled(req: UpgradeRequest): Promise<UpgradeOutcome> {
    const key = UpgradeQueue.keyOf(req);
    return new Promise((resolve) => {
      const listener = (k: string, outcome: UpgradeOutcome) => {
        if (k !== key) return;
        this.off('settled', listener);
        resolve(outcome);
      };
      this.on('settled', listener);
    });
  }

  private settle(key: string, outcome: UpgradeOutcome) {
    this.emit('settled', key, outcome);
  }

  // Starts after the current event-loop turn, so the run that offered has released its slot.
  private scheduleStart() {
    if (this.startScheduled || this.current) return;
    this.startScheduled = true;
    setImmediate(() => {
      this.startScheduled = false;
      void this.startNext();
    });
  }

  private async startNext(): Promise<void> {
    while (!this.current) {
      const next = this.queued.shift();
      if (!next) break;
      const load = this.options.interactiveLoad();
      if (load.waiting > 0 || load.freeSlots === 0) {
        this.settle(next.key, 'dropped');
        continue;
      }
      const abort = new AbortController();
      this.current = { key: next.key, abort };
      this.emit('started', next.key);
      let outcome: UpgradeOutcome;
      try {
        const r = await buildExecutable(next.req.source, {
          latinDigits: next.req.latinDigits,
          optimise: true,
          runCompiler: this.options.compiler(abort.signal),
          ...(this.options.translate ? { translate: this.options.translate } : {}),
        });
        outcome = r.ok ? 'built' : 'failed';
        if (!r.ok)
          console.warn(
            `[tiers] optimised build refused the program (${next.key.slice(0, 12)}); it stays on the fast tier`,
          );
      } catch (e) {
        outcome = abort.signal.aborted ? 'dropped' : 'failed';
        if (outcome === 'failed') {
          console.warn(
            `[tiers] optimised build failed (${next.key.slice(0, 12)}); the program stays on the fast tier: ${String((e as Error).message ?? e).slice(0, 500)}`,
          );
        }
      }
      if (outcome === 'failed') {
        if (this.failed.size >= MAX_REMEMBERED_FAILURES) this.failed.clear();
        this.failed.add(next.key);
      }
      this.current = null;
      this.settle(next.key, outcome);
    }
    if (!this.current && this.queued.length === 0 && !this.startScheduled) this.emit('idle');
  }
}

/** The fast tier and the optimised one this host offers (memoised: tools do not change). */
let memoOptimisedAvailable: boolean | null = null;
export function optimisedTierAvailable(): boolean {
  memoOptimisedAvailable ??= tierPlan(loadRuntimeLibs()).optimised !== null;
  return memoOptimisedAvailable;
}

/**
 * The executable for one run: the optimised build when the cache has it, else the fast tier
 * (compiled now if need be). Diagnostics are the front end's either way.
 */
export async function buildForRun(
  req: UpgradeRequest,
  runCompiler: CompilerRunner | undefined,
  tiering: boolean,
  translate?: Translator,
): Promise<BuildResult & { tier: Tier }> {
  if (tiering && optimisedTierAvailable()) {
    // A cache that cannot be read is no reason to fail the run: the fast tier reports it.
    let optimised: BuildResult | null = null;
    try {
      optimised = findCachedExecutable(req.source, { latinDigits: req.latinDigits, optimise: true });
    } catch {
      /* fall through */
    }
    if (optimised) return { ...optimised, tier: 'optimised' };
  }
  // Never throws: a compiler failure is the E9999 diagnostic (logged with the source's hash).
  const fast = await buildOrReport(req.source, {
    latinDigits: req.latinDigits,
    runCompiler,
    ...(translate ? { translate } : {}),
  });
  return { ...fast, tier: 'fast' };
}

/** argv prefix that lowers the compiler's CPU priority (empty when `nice` is missing). */
let memoNice: string[] | null = null;
export function lowPriorityPrefix(): string[] {
  if (!memoNice) {
    const nice = findOnPath('nice');
    memoNice = nice ? [nice, '-n', '19'] : [];
  }
  return memoNice;
}

// What GET /api/ready reports to a load balancer: whether this web server can take runs now.
// Ready means: not shutting down, the database answers (within DATABASE_TIMEOUT_MS), the sandbox
// works (a cached probe: one supervisor start at most every SANDBOX_RECHECK_MS, never one per
// request), and the runner can take runs. Each failing part adds one English reason.
import { getDbHandle } from '@/lib/db';
import { runQueue } from '@/lib/run';
import { executor } from '@/lib/run/executor';
import { probeSlot } from '@/sandbox/index';
import { isShuttingDown } from './shutdown';

export const DATABASE_TIMEOUT_MS = 2000;
const SANDBOX_TIMEOUT_MS = 5000;
/** A working sandbox is asked again after this long; a failing one sooner. */
const SANDBOX_RECHECK_MS = { ok: 60_000, failing: 5_000 };

export interface PartHealth {
  ok: boolean;
  /** Why not (English), when not ok. */
  error?: string;
}

/** The runner's side, shaped like the run executor's status (docs/queue.md). */
export interface RunnerStatus {
  kind: 'in-process' | 'queue';
  ready: boolean;
  reason?: string;
  queued: number;
  running: number;
  /** Live workers (queue); null in process. */
  workers: number | null;
}

export interface Readiness {
  ready: boolean;
  reasons: string[];
  shuttingDown: boolean;
  database: PartHealth & { ms: number };
  /** This process's sandbox; null when runs execute elsewhere (on queue workers). */
  sandbox: PartHealth | null;
  runs: RunnerStatus;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)) || 'unknown error';

export async function databaseHealth(): Promise<Readiness['database']> {
  const started = performance.now();
  try {
    await withTimeout(
      getDbHandle().then((h) => h.runner.query('SELECT 1')),
      DATABASE_TIMEOUT_MS,
      'the database',
    );
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - started), error: message(err) };
  }
}

/** The runner's part: the executor's own account (in process: the run queue; queued: the
 *  queue's depth and live workers), bounded like the database's so a stuck query cannot hang it. */
export async function runnerStatus(): Promise<RunnerStatus> {
  try {
    return await withTimeout(executor().status(), DATABASE_TIMEOUT_MS, 'the run executor');
  } catch (err) {
    const kind = executor().kind;
    return { kind, ready: false, reason: message(err), queued: 0, running: 0, workers: kind === 'queue' ? 0 : null };
  }
}

/** The sandbox's last known state, probed again in the background once it is old. */
class SandboxCheck {
  private last: (PartHealth & { at: number }) | null = null;
  private pending: Promise<PartHealth & { at: number }> | null = null;

  async health(): Promise<PartHealth> {
    const age = this.last ? performance.now() - this.last.at : Infinity;
    const stale = age > (this.last?.ok ? SANDBOX_RECHECK_MS.ok : SANDBOX_RECHECK_MS.failing);
    if (stale) this.pending ??= this.probe().finally(() => (this.pending = null));
    const answer = this.last ?? (await this.pending!);
    return { ok: answer.ok, ...(answer.error ? { error: answer.error } : {}) };
  }

  private async probe(): Promise<PartHealth & { at: number }> {
    let result: PartHealth;
    try {
      const info = await withTimeout(probeSlot(), SANDBOX_TIMEOUT_MS, 'the sandbox');
      result = typeof info === 'string' ? { ok: false, error: info } : { ok: true };
    } catch (err) {
      // Every supervisor busy with runs is a sandbox at work, not a broken one.
      result = runQueue.stats.running > 0 ? { ok: true } : { ok: false, error: message(err) };
    }
    this.last = { ...result, at: performance.now() };
    return this.last;
  }

  /** Forget the last answer (tests). */
  reset() {
    this.last = null;
  }
}

export const sandboxCheck = new SandboxCheck();

export async function readiness(): Promise<Readiness> {
  const shuttingDown = isShuttingDown();
  // Draining answers at once: the load balancer must stop sending, whatever else holds.
  const skipped: PartHealth & { ms: number } = { ok: true, ms: 0 };
  const runs = await runnerStatus();
  // With a queue, programs run on the workers: this server's own sandbox is not asked.
  const sandboxNeeded = runs.kind === 'in-process';
  const [database, sandbox] = await Promise.all([
    shuttingDown ? skipped : databaseHealth(),
    shuttingDown || !sandboxNeeded ? skipped : sandboxCheck.health(),
  ]);
  const reasons = [
    ...(shuttingDown ? ['the server is shutting down'] : []),
    ...(database.ok ? [] : [`database unreachable: ${database.error}`]),
    ...(sandbox.ok ? [] : [`sandbox unusable: ${sandbox.error}`]),
    ...(runs.ready ? [] : [`runner not ready: ${runs.reason ?? 'no reason given'}`]),
  ];
  return {
    ready: reasons.length === 0,
    reasons,
    shuttingDown,
    database,
    sandbox: sandboxNeeded ? sandbox : null,
    runs,
  };
}

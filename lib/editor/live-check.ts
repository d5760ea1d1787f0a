// Debounced live diagnostics, framework-free: the app calls `contentChanged()` on every edit;
// after a quiet `delayMs` the checker runs the front end on the model's text and publishes.
// The check may answer later (a Web Worker, check-in-worker.ts): an answer for a text that has
// changed since is dropped.
import type { Diagnostic } from './compiler-bridge';

export interface ModelLike {
  getValue(): string;
  getVersionId(): number;
}

export interface TimerLike {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LiveCheckOptions {
  model: ModelLike;
  check: (source: string) => Diagnostic[] | Promise<Diagnostic[]>;
  publish: (diagnostics: Diagnostic[], versionId: number) => void;
  delayMs?: number;
  timer?: TimerLike;
}

export interface LiveChecker {
  /** Call on every content change: (re)starts the quiet period. */
  contentChanged(): void;
  /** Checks at once (e.g. when the UI language changes or before Run). */
  checkNow(): void;
  dispose(): void;
}

export const DEFAULT_LIVE_CHECK_DELAY_MS = 300;

const GLOBAL_TIMER: TimerLike = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createLiveChecker(options: LiveCheckOptions): LiveChecker {
  const { model, check, publish } = options;
  const delayMs = options.delayMs ?? DEFAULT_LIVE_CHECK_DELAY_MS;
  const timer = options.timer ?? GLOBAL_TIMER;
  let pending: unknown = null;
  let disposed = false;

  function cancel(): void {
    if (pending !== null) timer.clearTimeout(pending);
    pending = null;
  }

  function run(): void {
    pending = null;
    if (disposed) return;
    const versionId = model.getVersionId();
    let diagnostics: Diagnostic[] | Promise<Diagnostic[]>;
    try {
      diagnostics = check(model.getValue());
    } catch {
      diagnostics = []; // the front end promises never to throw; a bug must not break typing
    }
    if (Array.isArray(diagnostics)) {
      publish(diagnostics, versionId);
      return;
    }
    diagnostics.then(
      (later) => {
        if (!disposed && model.getVersionId() === versionId) publish(later, versionId);
      },
      () => {
        /* as above: a failed check leaves the markers as they are */
      },
    );
  }

  return {
    contentChanged() {
      if (disposed) return;
      cancel();
      pending = timer.setTimeout(run, delayMs);
    },
    checkNow() {
      cancel();
      run();
    },
    dispose() {
      disposed = true;
      cancel();
    },
  };
}

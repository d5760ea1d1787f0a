// The live check off the page's main thread: check(source) answers from a Web Worker running
// the front end (check.worker.ts). Each check has a time budget; past it the worker is ended
// (a fresh one serves the next check) and the answer is the front end's "program too large or
// complex to analyse" diagnostic. The budget is wall time: a page cannot read a worker's CPU
// time, and the worker has its own thread, so wall time is CPU time unless the machine is busy.
import { programTooComplex } from '../compiler';
import type { Diagnostic, SymbolInfo } from './compiler-bridge';

/** The browser's Worker, as far as the checker uses it. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface WorkerCheckerOptions {
  createWorker: () => WorkerLike;
  budgetMs?: number;
  timer?: { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  /** The names the checked program declares, with each answer that has them (current checks only). */
  onNames?: (names: string[]) => void;
  /** Its declarations, likewise. */
  onSymbols?: (symbols: SymbolInfo[]) => void;
}

/** Over ten times what the slowest 64 KiB program (the largest the IDE sends) takes to check here. */
export const DEFAULT_WORKER_CHECK_BUDGET_MS = 4000;

export interface WorkerChecker {
  check(source: string): Promise<Diagnostic[]>;
  dispose(): void;
}

interface Pending {
  id: number;
  resolve: (diagnostics: Diagnostic[]) => void;
  timeout: unknown;
}

export function createWorkerChecker(options: WorkerCheckerOptions): WorkerChecker {
  const budgetMs = options.budgetMs ?? DEFAULT_WORKER_CHECK_BUDGET_MS;
  const timer = options.timer ?? {
    setTimeout: (callback: () => void, ms: number) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  let worker: WorkerLike | null = null;
  let pending: Pending | null = null;
  let nextId = 1;

  // One check at a time: a newer one supersedes the one in flight, whose text is already stale.
  function settle(diagnostics: Diagnostic[]): void {
    if (!pending) return;
    timer.clearTimeout(pending.timeout);
    const { resolve } = pending;
    pending = null;
    resolve(diagnostics);
  }

  function endWorker(): void {
    worker?.terminate();
    worker = null;
  }

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const created = options.createWorker();
    created.onmessage = (
      event: MessageEvent<{
        id: number;
        summary: { diagnostics: Diagnostic[] };
        names?: string[];
        symbols?: SymbolInfo[];
      }>,
    ) => {
      if (!pending || event.data.id !== pending.id) return;
      if (event.data.names) options.onNames?.(event.data.names);
      if (event.data.symbols) options.onSymbols?.(event.data.symbols);
      settle(event.data.summary.diagnostics);
    };
    // A worker that fails to load or crashes: nothing to show, and the next check starts afresh.
    created.onerror = () => {
      endWorker();
      settle([]);
    };
    worker = created;
    return created;
  }

  return {
    check(source) {
      if (pending) {
        // The superseded check may be the one stuck in a long analysis: start afresh.
        endWorker();
        settle([]);
      }
      return new Promise<Diagnostic[]>((resolve) => {
        const id = nextId++;
        const timeout = timer.setTimeout(() => {
          endWorker();
          settle([programTooComplex()]);
        }, budgetMs);
        pending = { id, resolve, timeout };
        ensureWorker().postMessage({ id, source });
      });
    },
    dispose() {
      endWorker();
      settle([]);
    },
  };
}

/** The page's checker: the front end in a module Web Worker bundled by Next. */
export function createBrowserWorkerChecker(
  budgetMs?: number,
  onNames?: (names: string[]) => void,
  onSymbols?: (symbols: SymbolInfo[]) => void,
): WorkerChecker {
  return createWorkerChecker({
    createWorker: () => new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike,
    budgetMs,
    onNames,
    onSymbols,
  });
}

// The live check answered from a worker (with the names the program declares): the budget that ends a worker stuck in a long
// analysis, a newer check replacing one in flight, and the live checker dropping an answer
// whose text has changed since. The worker here is a stand-in for the browser's (Node has no
// Web Worker): it runs the real front end, later, as a worker would. The real Web Worker in
// Chromium is driven by tests/e2e/live-check-worker.spec.ts.
import { describe, expect, it } from 'vitest';
import { analyse, check, checkSummary, checkSummaryWithNames, programTooComplex } from '@/lib/compiler';
import { createLiveChecker } from '@/lib/editor';
import type { Diagnostic, SymbolInfo } from '@/lib/editor';
import { createWorkerChecker, type WorkerLike } from '@/lib/editor/check-in-worker';

class StandInWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  terminated = false;
  constructor(private readonly answers: boolean) {}
  postMessage(message: { id: number; source: string }): void {
    if (!this.answers) return; // stuck: never answers
    setTimeout(() => {
      if (this.terminated) return;
      // What check.worker.ts posts.
      const { names, symbols, ...summary } = checkSummaryWithNames(message.source);
      this.onmessage?.({ data: { id: message.id, summary, names, symbols } } as MessageEvent);
    }, 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function checkerWith(kinds: boolean[], budgetMs = 200, onNames?: (names: string[]) => void) {
  const workers: StandInWorker[] = [];
  const checker = createWorkerChecker({
    budgetMs,
    onNames,
    createWorker: () => {
      const worker = new StandInWorker(kinds[workers.length] ?? true);
      workers.push(worker);
      return worker;
    },
  });
  return { checker, workers };
}

describe('the live check in a worker', () => {
  it('answers what the front end answers', async () => {
    const { checker, workers } = checkerWith([true]);
    const source = 'राख गणना = १\nदेखाउ(गणन)\n';
    expect(await checker.check(source)).toEqual(check(source));
    expect(await checker.check('देखाउ(१)\n')).toEqual([]);
    expect(workers).toHaveLength(1); // one worker serves check after check
  });

  it('gives the names the program declares with the answer, as analyse() finds them', async () => {
    const seen: string[][] = [];
    const { checker } = checkerWith([true], 200, (names) => seen.push(names));
    const source = 'कार्य जोड(क, ख)\n    फर्काउ क + ख\nअन्त्य\nराख सूची = [१, २]\nहरेक स सूची मा\n    देखाउ(स)\nअन्त्य\n';
    await checker.check(source);
    expect(seen).toEqual([[...new Set(analyse(source).symbols.map((s) => s.name))].sort()]);
    expect(seen[0]).toEqual(expect.arrayContaining(['जोड', 'क', 'ख', 'सूची', 'स']));
    expect(checkSummaryWithNames(source)).toMatchObject(checkSummary(source));
  });

  it('gives the declarations with the answer, as analyse() finds them (for completion)', async () => {
    const seen: SymbolInfo[][] = [];
    const checker = createWorkerChecker({
      onSymbols: (symbols) => seen.push(symbols),
      createWorker: () => new StandInWorker(true),
    });
    const source = 'कार्य जोड(क, ख)\n    फर्काउ क + ख\nअन्त्य\nराख सूची = [१, २]\n';
    await checker.check(source);
    expect(seen).toEqual([analyse(source).symbols]);
  });

  it('ends a worker that overruns its budget and answers "too large or complex"', async () => {
    const { checker, workers } = checkerWith([false, true], 50);
    expect(await checker.check('देखाउ(१)\n')).toEqual([programTooComplex()]);
    expect(workers[0].terminated).toBe(true);
    expect(await checker.check('देखाउ(क)\n')).toEqual(check('देखाउ(क)\n')); // a fresh worker
    expect(workers).toHaveLength(2);
  });

  it('a newer check replaces the one in flight (its answer is empty, its worker ended)', async () => {
    const { checker, workers } = checkerWith([false, true]);
    const first = checker.check('देखाउ(क)\n');
    const second = checker.check('देखाउ(ख)\n');
    expect(await first).toEqual([]);
    expect(workers[0].terminated).toBe(true);
    expect((await second)[0].messageEn).toContain('"ख"');
    checker.dispose();
    expect(workers[1].terminated).toBe(true);
  });
});

describe('the live checker with an answer that comes later', () => {
  it('publishes an answer only while the text is still the one checked', async () => {
    let value = 'क';
    let version = 1;
    const published: { diagnostics: Diagnostic[]; version: number }[] = [];
    let answer!: (diagnostics: Diagnostic[]) => void;
    const live = createLiveChecker({
      model: { getValue: () => value, getVersionId: () => version },
      check: () =>
        new Promise<Diagnostic[]>((resolve) => {
          answer = resolve;
        }),
      publish: (diagnostics, v) => published.push({ diagnostics, version: v }),
    });
    live.checkNow();
    value = 'कख';
    version = 2;
    answer(check('देखाउ(क)'));
    await Promise.resolve();
    expect(published).toEqual([]); // stale: the text changed while it was checked
    live.checkNow();
    answer([]);
    await Promise.resolve();
    expect(published).toEqual([{ diagnostics: [], version: 2 }]);
    live.dispose();
  });
});

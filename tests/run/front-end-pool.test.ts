// The server's front-end worker threads: same answers as the front end in process, a runaway
// job ended at its CPU budget with the "too large or complex" diagnostic (and the pool still
// serving afterwards), and the hostile programs well inside the default budget.
import { afterAll, describe, expect, it } from 'vitest';
import { checkSummary, programTooComplex } from '@/lib/compiler';
import { translateToC } from '@/lib/compiler/translate';
import { FrontEndPool } from '@/lib/run/front-end-pool';
import { atSigns, KIB, longMisspeltName } from '../support/worst-case-sources';

const pools: FrontEndPool[] = [];
const pool = (options: ConstructorParameters<typeof FrontEndPool>[0] = {}) => {
  const p = new FrontEndPool(options);
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const HELLO = 'देखाउ("नमस्ते")\n';
/** Ten times the largest source the API accepts: seconds of front-end work. */
const RUNAWAY = atSigns(640 * KIB);

describe('the front-end pool', () => {
  it('checks and translates exactly as the front end does in process', async () => {
    const p = pool({ threads: 2 });
    for (const source of [HELLO, 'राख गणना = १\nदेखाउ(गणन)\n', atSigns(300)]) {
      expect(await p.check(source)).toEqual(checkSummary(source));
      expect(await p.translate(source, { byPointer: true })).toEqual(translateToC(source, { byPointer: true }));
    }
  });

  it('ends a job that spends its CPU budget, answers the diagnostic, and keeps serving', async () => {
    const p = pool({ threads: 1, cpuBudgetMs: 100 });
    expect(await p.check(HELLO)).toEqual({ diagnostics: [], omittedDiagnostics: 0 }); // thread started
    const answer = await p.check(RUNAWAY);
    expect(answer).toEqual({ diagnostics: [programTooComplex()], omittedDiagnostics: 0 });
    expect(answer.diagnostics[0].code).toBe('E9001');
    expect(answer.diagnostics[0].messageEn).toMatch(/too large or complex to analyse/);
    expect(answer.diagnostics[0].message).toMatch(/जटिल/);
    expect(p.budgetExceeded).toBe(1);
    const translated = await p.translate(RUNAWAY, {});
    expect(translated.c).toBeNull();
    expect(translated.diagnostics.map((d) => d.code)).toEqual(['E9001']);
    // A new thread takes the ended one's place (a source too large for the express thread).
    expect((await p.check(atSigns(16 * KIB))).diagnostics).toHaveLength(100);
    expect(p.stats.started).toBe(1);
    expect(await p.check(HELLO)).toEqual({ diagnostics: [], omittedDiagnostics: 0 });
  });

  it('a job queued behind a runaway one is answered once the runaway is ended', async () => {
    const p = pool({ threads: 1, cpuBudgetMs: 100 });
    const [runaway, hello] = await Promise.all([p.check(RUNAWAY), p.check(HELLO)]);
    expect(runaway.diagnostics[0].code).toBe('E9001');
    expect(hello).toEqual({ diagnostics: [], omittedDiagnostics: 0 });
  });

  it('takes the shortest waiting source first', async () => {
    const p = pool({ threads: 1 });
    await p.check(atSigns(16 * KIB)); // the general thread started
    const finished: string[] = [];
    const track = (name: string, answer: Promise<unknown>) => answer.then(() => finished.push(name));
    await Promise.all([
      track('busy', p.check(atSigns(64 * KIB))), // takes the thread
      track('large', p.check(atSigns(64 * KIB))),
      track('medium', p.check(atSigns(16 * KIB))), // over the express limit: waits for the thread
    ]);
    expect(finished).toEqual(['busy', 'medium', 'large']);
  });

  it('a small source is answered while large ones hold every general thread', async () => {
    const p = pool({ threads: 1, cpuBudgetMs: 60_000 });
    await p.check(HELLO);
    let runawayDone = false;
    const runaway = p.check(RUNAWAY).then((a) => {
      runawayDone = true;
      return a;
    });
    const queuedLarge = p.check(atSigns(64 * KIB));
    expect(await p.check('देखाउ(क)\n')).toEqual(checkSummary('देखाउ(क)\n'));
    expect(runawayDone).toBe(false); // answered on the express thread, not after the runaway
    await Promise.all([runaway, queuedLarge]);
  });

  it('a thread that runs out of memory answers the same diagnostic', async () => {
    const p = pool({ threads: 1, memoryMb: 32, cpuBudgetMs: 60_000 });
    const answer = await p.check(atSigns(4096 * KIB));
    expect(answer.diagnostics.map((d) => d.code)).toEqual(['E9001']);
    expect(await p.check(HELLO)).toEqual({ diagnostics: [], omittedDiagnostics: 0 });
  });

  // One second of CPU is a tenth of what the old quadratic search needed for 64 KiB here.
  it.each([
    ['24 KiB, one long misspelt name', longMisspeltName(24 * KIB), 'E2001'],
    ['64 KiB, one long misspelt name', longMisspeltName(64 * KIB), 'E2001'],
    ['64 KiB of @', atSigns(64 * KIB), 'E1001'],
  ])('%s stays well inside a one-second budget', async (_name, source, code) => {
    const p = pool({ threads: 1, cpuBudgetMs: 1000 });
    const answer = await p.check(source);
    expect(answer.diagnostics[0].code).toBe(code);
    expect(answer.diagnostics.length).toBeLessThanOrEqual(100);
    expect(p.budgetExceeded).toBe(0);
  });
});

// Differential test against Python 3 for arithmetic and printing: generated expressions over
// integers (up to 64 bits), decimals, / // % **, unary minus and comparisons, literals in both
// digit sets. Python (with Sajilo's overflow rule added) is the oracle for every printed line;
// where Python fails, the Sajilo program must stop with a runtime error. Skipped, visibly,
// where python3 is absent.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPath } from '@/lib/compiler/driver/detect';
import { arithmeticCase, type ArithmeticCase, PYTHON_PRELUDE } from './arithmetic';
import { compileAndRun, installedPaths } from './harness';
import { prng } from './inputs';

const PYTHON = findOnPath('python3');
const PROGRAMS = 3;
const LINES_PER_PROGRAM = 400;
const FAILING_SAMPLE = 12;

type Expected = [printed: string, usedFloatPow: boolean] | null;

function pythonResults(cases: ArithmeticCase[]): Expected[] {
  const r = spawnSync(PYTHON!, ['-c', PYTHON_PRELUDE], {
    input: JSON.stringify(cases.map((c) => c.python)),
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Expected[];
}

// Two printed decimals a few units in the last place apart: Sajilo's decimal ** is correctly
// rounded (pow-paths.test.ts), CPython's is the C library's, which is not always.
function closeDecimals(a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  return Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
}

let cacheDir = '';
beforeAll(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'sajilo-python-diff-'));
  process.env.SAJILO_CACHE_DIR = cacheDir;
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe.skipIf(!PYTHON)(
  `arithmetic and printing agree with Python 3${PYTHON ? '' : ' (SKIPPED: python3 not found)'}`,
  () => {
    const random = prng(3141592);
    const cases = Array.from({ length: PROGRAMS * LINES_PER_PROGRAM * 2 }, () => arithmeticCase(random));
    let expected: Expected[] = [];
    beforeAll(() => {
      expected = pythonResults(cases);
    });

    it('prints what Python prints, on every installed C path', async () => {
      const printable = cases.map((c, i) => ({ c, e: expected[i] })).filter((x) => x.e !== null);
      expect(printable.length).toBeGreaterThan(PROGRAMS * LINES_PER_PROGRAM);
      let compared = 0;
      for (const kind of installedPaths()) {
        for (let p = 0; p < PROGRAMS; p++) {
          const lines = printable.slice(p * LINES_PER_PROGRAM, (p + 1) * LINES_PER_PROGRAM);
          const source = `${lines.map((x) => `देखाउ(${x.c.sajilo})`).join('\n')}\n`;
          const outcome = await compileAndRun(source, kind);
          if (outcome.kind !== 'ok')
            expect.fail(`${kind}: ${outcome.kind} ${'detail' in outcome ? outcome.detail : ''}`);
          const printed = outcome.stdout.split('\n').slice(0, -1);
          expect(printed).toHaveLength(lines.length);
          lines.forEach((x, i) => {
            const [want, usedFloatPow] = x.e!;
            const same = printed[i] === want || (usedFloatPow && closeDecimals(printed[i], want));
            if (!same)
              expect.fail(`${kind}: ${x.c.sajilo}\n  Python (${x.c.python}) → ${want}\n  Sajilo → ${printed[i]}`);
            compared++;
          });
        }
      }
      expect(compared).toBeGreaterThan(PROGRAMS * LINES_PER_PROGRAM);
    }, 240_000);

    it('stops with a runtime error where Python fails (overflow, division by zero, …)', async () => {
      const failing = cases.filter((_, i) => expected[i] === null).slice(0, FAILING_SAMPLE);
      expect(failing.length).toBe(FAILING_SAMPLE);
      for (const c of failing) {
        const outcome = await compileAndRun(`देखाउ(${c.sajilo})\n`, 'tcc-musl');
        expect(outcome.kind, `${c.sajilo} (Python: ${c.python})`).toBe('runtime-error');
      }
    }, 120_000);

    it('divides integers beyond 2^53 exactly and keeps the sign of zero', async () => {
      const source = 'देखाउ(9007199254740993 / 3, 9223372036854775807 / 7, -0.0, -०.०, 1२3, १.5, 0 / -5)\n';
      const python = '9007199254740993 / 3, 9223372036854775807 / 7, -0.0, -0.0, 123, 1.5, 0 / -5';
      const want = spawnSync(PYTHON!, ['-c', `print(*(${python}))`], { encoding: 'utf8' }).stdout;
      for (const kind of installedPaths()) {
        const outcome = await compileAndRun(source, kind);
        expect(outcome).toEqual({ kind: 'ok', stdout: want });
      }
    }, 60_000);
  },
);

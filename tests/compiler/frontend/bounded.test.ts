// The front end's own bounds: "did you mean" stays cheap for any name, and a flood of errors
// is reported as the first MAX_DIAGNOSTICS and a count. (CPU time under a budget, for the same
// hostile programs, is checked through the server's pool in tests/run/front-end-pool.test.ts.)
import { describe, expect, it } from 'vitest';
import { check, checkSummary, MAX_DIAGNOSTICS } from '@/lib/compiler';
import { closestWord, editDistance, MAX_SUGGESTED_NAME_LENGTH } from '@/lib/compiler/frontend/suggestions';
import { atSigns, KIB, longMisspeltName } from '../../support/worst-case-sources';

/** The textbook full-table optimal string alignment distance, to compare the banded one with. */
function referenceDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const d = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}

/** A small deterministic generator (the same strings on every run). */
function randomWords(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const letters = ['क', 'ख', 'ग', 'a', '्'];
  return () =>
    Array.from({ length: Math.floor(next() * 9) }, () => letters[Math.floor(next() * letters.length)]).join('');
}

describe('banded edit distance', () => {
  it('equals the full-table distance when within the cutoff, and cutoff + 1 beyond it', () => {
    const word = randomWords(7);
    for (let n = 0; n < 5000; n++) {
      const a = word();
      const b = word();
      const exact = referenceDistance(a, b);
      expect(editDistance(a, b), `${a} ${b}`).toBe(exact);
      for (const cutoff of [0, 1, 2, 3])
        expect(editDistance(a, b, cutoff), `${a} ${b} ≤${cutoff}`).toBe(Math.min(exact, cutoff + 1));
    }
  });

  it('counts an adjacent transposition as one edit inside the band', () => {
    expect(editDistance('गणना', 'गनणा', 1)).toBe(1);
    expect(editDistance('abcdef', 'badcfe', 2)).toBe(3); // three swaps: beyond the cutoff
  });

  it('answers for two 30,000-letter names without building their table', () => {
    const name = 'क'.repeat(30_000);
    expect(editDistance(name, `${name.slice(0, -1)}ख`, 2)).toBe(1);
    expect(editDistance(name, `ख${name.slice(1, -1)}ख`, 1)).toBe(2);
  });
});

describe('suggestions for long names', () => {
  const near = (length: number) => {
    const name = 'क'.repeat(length);
    return { name, misspelt: `${name.slice(0, -1)}ख` };
  };

  it('suggests up to the length limit and not beyond it', () => {
    const atLimit = near(MAX_SUGGESTED_NAME_LENGTH);
    expect(closestWord(atLimit.misspelt, [atLimit.name])).toBe(atLimit.name);
    const over = near(MAX_SUGGESTED_NAME_LENGTH + 1);
    expect(closestWord(over.misspelt, [over.name])).toBeNull();
    expect(closestWord('गणन', ['गणना', over.name])).toBe('गणना'); // a long candidate is skipped, not fatal
  });

  it.each([24, 64])('a %i KiB program whose one long name is misspelt gets a plain "not declared"', (kib) => {
    const source = longMisspeltName(kib * KIB);
    expect(new TextEncoder().encode(source).length).toBeLessThanOrEqual(kib * KIB);
    const errors = check(source).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['E2001']);
  });

  it('a short misspelt name still gets its suggestion', () => {
    expect(check('राख गणना = १\nदेखाउ(गणन)\n')[0].messageEn).toContain('did you mean "गणना"');
  });
});

describe('the diagnostic cap', () => {
  it('64 KiB of "@" reports the first hundred, in source order, and counts the rest', () => {
    const { diagnostics, omittedDiagnostics } = checkSummary(atSigns(64 * KIB));
    expect(MAX_DIAGNOSTICS).toBe(100);
    expect(diagnostics).toHaveLength(100);
    expect(omittedDiagnostics).toBe(64 * KIB - 100);
    expect(diagnostics.map((d) => d.column)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(diagnostics.every((d) => d.code === 'E1001')).toBe(true);
  });

  it('a program with fewer diagnostics than the cap reports them all and omits none', () => {
    const source = 'देखाउ(क)\n'.repeat(100);
    const { diagnostics, omittedDiagnostics } = checkSummary(source);
    expect(diagnostics).toHaveLength(100);
    expect(omittedDiagnostics).toBe(0);
    const more = checkSummary(`${source}देखाउ(ख)\n`);
    expect(more.diagnostics).toHaveLength(100);
    expect(more.diagnostics.at(-1)!.line).toBe(100);
    expect(more.omittedDiagnostics).toBe(1);
  });

  it('keeps errors past the cap: the program still does not compile', async () => {
    const { compileFrontEnd } = await import('@/lib/compiler');
    const warnings = 'देखाउ(१ // ०)\n'.repeat(150); // W2105 on every line
    const result = compileFrontEnd(`${warnings}देखाउ(@)\n`);
    expect(result.program).toBeNull();
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true); // the error is past the first hundred
    expect(result.omittedDiagnostics).toBe(51);
  });
});

// Which range loops get the typed decimal copy (decimal-loops.ts): only bodies in which nothing
// can call user code, store into a list, raise an error or change a list while every operand is
// a decimal. The results themselves are checked on every compile path by the golden programs
// (loops-typed-decimal.saj, error-typed-loop-*.saj).
import { describe, expect, it } from 'vitest';
import { cFor } from './generate';

const HEAD = 'राख क = [०.५, १.५]\nराख ख = [[१.०], [२.०]]\nराख स = ०.०\n';
const loop = (body: string) => cFor(`${HEAD}हरेक k = ० देखि १ सम्म\n    ${body}\nअन्त्य\nदेखाउ(स)\n`);
const typed = (c: string) => /double d\d+ = v\d+\.as\.d;/.test(c);

describe('typed decimal loops', () => {
  it('types a dot product: decimals and list data hoisted, bounds and rows checked per pass', () => {
    const c = loop('स = स + क[k] * ख[k][०]');
    expect(c).toMatch(
      /if \(go\d+ && v\d+\.tag == SJ_DEC && v\d+\.tag == SJ_LIST && SJG_LIST\(v\d+\)->decs != NULL && v\d+\.tag == SJ_LIST && SJG_LIST\(v\d+\)->items != NULL\)/,
    );
    expect(c).toMatch(/if \(SJ_UNLIKELY\(\(uint64_t\)r\d+\.cur >= m\d+\)\) break;/);
    expect(c).toMatch(/(d\d+) = \(\1 \+ \(p\d+\[r\d+\.cur\] \* w\d+->decs\[\(0\)\]\)\);/);
    expect(c).toMatch(/v\d+\.as\.d = d\d+;/);
    // the generic loop follows, sharing the range's counter
    expect(c.match(/for \(; go\d+; SJG_RANGE_STEP/g)?.length).toBe(2);
  });
  it('leaves loops alone that call, store, divide, assign the loop variable or declare locals', () => {
    for (const body of [
      'स = स + क[k] * लम्बाइ(क)',
      'क[k] = स',
      'स = स / क[k]',
      'स = स + १',
      'k = क[k]',
      'स = स + क[k]\n    राख त = ०.०',
      'स = स + क[क]',
    ]) {
      expect(typed(loop(body)), body).toBe(false);
    }
  });
  it('leaves globals that a function can see alone (they may be unset or changed)', () => {
    const c = cFor(`${HEAD}कार्य हेर()\n    फर्काउ क\nअन्त्य\nहरेक k = ० देखि १ सम्म\n    स = स + क[k]\nअन्त्य\n`);
    expect(typed(c)).toBe(false);
  });
});

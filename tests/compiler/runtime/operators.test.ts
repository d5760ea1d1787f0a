// Operators with Python 3 semantics: a differential test against an exact
// BigInt/IEEE oracle, fixed edge cases, and every error with its position.
import { beforeAll, describe, expect, it } from 'vitest';
import { bitsOf, compile, compileAndRun, errorPosition, pyRepr, recipeNames, run } from './harness';

const MAX = 2n ** 63n - 1n;
const MIN = -(2n ** 63n);

/** Reads "op a b" lines; a and b parsed by संख्या; prints the result. */
const CALCULATOR = `
  for (;;) {
    SjValue line = sj_b_padha();
    if (line.tag == SJ_NULL) break;
    SjValue parts = sj_b_vibhajan(line, SJ_NULL_V);
    SjValue op = sj_index(parts, I(0));
    SjValue x = sj_index(parts, I(1)), y = sj_index(parts, I(2));
    SjValue a = sj_b_sankhya(x), b = sj_b_sankhya(y);
    const char *o = sj_as_text_data(op);
    SjValue r;
    AT(3, 7);
    if (!strcmp(o, "+")) r = sj_add(a, b);
    else if (!strcmp(o, "-")) r = sj_sub(a, b);
    else if (!strcmp(o, "*")) r = sj_mul(a, b);
    else if (!strcmp(o, "/")) r = sj_div(a, b);
    else if (!strcmp(o, "//")) r = sj_floordiv(a, b);
    else if (!strcmp(o, "%")) r = sj_mod(a, b);
    else if (!strcmp(o, "**")) r = sj_pow(a, b);
    else if (!strcmp(o, "<")) r = sj_lt(a, b);
    else if (!strcmp(o, "<=")) r = sj_le(a, b);
    else if (!strcmp(o, ">")) r = sj_gt(a, b);
    else if (!strcmp(o, ">=")) r = sj_ge(a, b);
    else if (!strcmp(o, "==")) r = sj_eq(a, b);
    else if (!strcmp(o, "!=")) r = sj_ne(a, b);
    else r = sj_neg(a);
    show(r);
    sj_release(line); sj_release(parts); sj_release(op); sj_release(x); sj_release(y);
  }`;
const CALC_TOP = 'static const char *sj_as_text_data(SjValue v) { return ((SjText *)v.as.o)->data; }';

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Python's result for integer operands, or 'overflow' when it leaves int64. */
function intOracle(op: string, a: bigint, b: bigint): string {
  let r: bigint | boolean;
  switch (op) {
    case '+':
      r = a + b;
      break;
    case '-':
      r = a - b;
      break;
    case '*':
      r = a * b;
      break;
    case '//':
      r = floorDiv(a, b);
      break;
    case '%':
      r = a - b * floorDiv(a, b);
      break;
    case '**':
      r = a ** b;
      break;
    case '<':
      r = a < b;
      break;
    case '>=':
      r = a >= b;
      break;
    case '==':
      r = a === b;
      break;
    default:
      throw new Error(op);
  }
  if (typeof r === 'boolean') return r ? 'सत्य' : 'असत्य';
  return r > MAX || r < MIN ? 'overflow' : r.toString();
}

describe.each(recipeNames())('operators (%s)', (recipe) => {
  let calc = '';
  beforeAll(() => {
    calc = compile(CALCULATOR, { recipe, top: CALC_TOP, latin: true });
  });
  const ask = (lines: string[]) => run(calc, { stdin: lines.join('\n') + '\n' });

  it('integer + - * // % ** and comparisons agree with exact arithmetic', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const pick = (): bigint => {
      const k = rnd() % 6;
      if (k === 0) return BigInt(rnd() % 21) - 10n;
      if (k === 1) return MAX - BigInt(rnd() % 3);
      if (k === 2) return MIN + BigInt(rnd() % 3);
      if (k === 3) return BigInt(rnd()) * (rnd() % 2 ? 1n : -1n);
      if (k === 4) return BigInt(rnd()) * BigInt(rnd()) * (rnd() % 2 ? 1n : -1n);
      return 3037000499n + BigInt(rnd() % 3); // around sqrt(2^63)
    };
    const cases: [string, bigint, bigint][] = [];
    for (let i = 0; i < 400; i++) {
      const op = ['+', '-', '*', '//', '%', '<', '>=', '=='][i % 8];
      const a = pick();
      let b = pick();
      if ((op === '//' || op === '%') && b === 0n) b = 7n;
      cases.push([op, a, b]);
    }
    for (let i = 0; i < 40; i++) cases.push(['**', BigInt(rnd() % 41) - 20n, BigInt(rnd() % 70)]);
    const ok = cases.filter(([op, a, b]) => intOracle(op, a, b) !== 'overflow');
    const bad = cases.filter(([op, a, b]) => intOracle(op, a, b) === 'overflow');
    expect(bad.length).toBeGreaterThan(20);
    const r = ask(ok.map(([op, a, b]) => `${op} ${a} ${b}`));
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, -1)).toEqual(ok.map(([op, a, b]) => intOracle(op, a, b)));
    for (const [op, a, b] of bad.slice(0, 12)) {
      const e = ask([`${op} ${a} ${b}`]);
      expect(e.status).toBe(1);
      expect(e.stderr).toContain('integer overflow');
      expect(errorPosition(e.stderr)).toEqual([3, 7]);
    }
  });

  it('follows Python for division, floor division, modulo and powers', () => {
    const table: [string, string][] = [
      ['/ 1 2', '0.5'],
      ['/ 4 2', '2.0'],
      ['/ -7 2', '-3.5'],
      ['// 7 2', '3'],
      ['// -7 2', '-4'],
      ['// 7 -2', '-4'],
      ['// -7 -2', '3'],
      ['% 7 3', '1'],
      ['% -7 3', '2'],
      ['% 7 -3', '-2'],
      ['% -7 -3', '-1'],
      ['% -9223372036854775808 -1', '0'],
      ['// 7.5 2', '3.0'],
      ['// -7.5 2', '-4.0'],
      ['% -7.5 2', '0.5'],
      ['% 7.5 -2', '-0.5'],
      ['% 0.0 -2', '-0.0'],
      ['// 1 0.3', '3.0'],
      ['** 2 10', '1024'],
      ['** -2 3', '-8'],
      ['** 5 0', '1'],
      ['** 2 -1', '0.5'],
      ['** 2 -2', '0.25'],
      ['** 2.0 3', '8.0'],
      ['** 4 0.5', '2.0'],
      ['** 2 62', '4611686018427387904'],
      ['** -2 63', '-9223372036854775808'],
      ['** 1 1000000000000', '1'],
      ['** -1 1000000000001', '-1'],
      ['+ 1 2.5', '3.5'],
      ['* 3 0.5', '1.5'],
      ['- 0.1 0.3', '-0.19999999999999998'],
      ['neg 5 0', '-5'],
      ['neg 2.5 0', '-2.5'],
      ['== 1 1.0', 'सत्य'],
      ['== 9007199254740993 9007199254740992.0', 'असत्य'],
      ['< 9007199254740992 9007199254740993.0', 'असत्य'],
      ['< 9223372036854775807 9223372036854775808.0', 'सत्य'],
      ['< 1 1.5', 'सत्य'],
      ['>= 3 3.0', 'सत्य'],
      ['> 2.5 2', 'सत्य'],
      ['<= 2.5 2', 'असत्य'],
      ['!= 1 1.0', 'असत्य'],
    ];
    const r = ask(table.map(([q]) => q));
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, -1)).toEqual(table.map(([, a]) => a));
  });

  it('reports division by zero and overflow with the position', () => {
    const cases: [string, string][] = [
      ['/ 1 0', 'division by zero'],
      ['// 1 0', 'division by zero'],
      ['% 1 0', 'division by zero'],
      ['/ 1.0 0.0', 'division by zero'],
      ['% 1.5 0', 'division by zero'],
      ['// -9223372036854775808 -1', 'integer overflow'],
      ['neg -9223372036854775808 0', 'integer overflow'],
      ['** 2 63', 'integer overflow'],
      ['** 10 19', 'integer overflow'],
      ['* 4294967296 4294967296', 'integer overflow'],
      ['** 0 -1', 'zero cannot be raised to a negative power'],
      ['** -8 0.5', 'fractional power'],
      ['** 10.0 400', 'too large'],
    ];
    for (const [q, msg] of cases) {
      const e = ask(['+ 1 1', q]);
      expect(e.stdout).toBe('2\n'); // printed before the error stays printed
      expect(e.status).toBe(1);
      const lines = e.stderr.split('\n');
      expect(lines[0]).toBe(lines[0].startsWith('रनटाइम त्रुटि (पङ्क्ति ३, स्तम्भ ७): ') ? lines[0] : 'bad Nepali line');
      expect(lines[1]).toContain(`Runtime error at line 3, column 7: `);
      expect(lines[1]).toContain(msg);
    }
  });
});

/** Python's float // and % (Objects/floatobject.c), on JavaScript doubles (JS % is C's fmod). */
function pyFloatDivmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else mod = y < 0 ? -0 : 0;
  let fd: number;
  if (div) {
    fd = Math.floor(div);
    if (div - fd > 0.5) fd += 1;
  } else fd = x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  return [fd, mod];
}

describe.each(recipeNames())('decimal arithmetic (%s)', (recipe) => {
  it('+ - * / // % on decimals and mixed operands agree with IEEE doubles and Python', () => {
    let seed = 99;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = () => {
      const k = Math.floor(rnd() * 4);
      if (k === 0) return (rnd() - 0.5) * 10 ** Math.floor(rnd() * 20 - 10);
      if (k === 1) return Math.round((rnd() - 0.5) * 200) / 8;
      if (k === 2) return Math.round((rnd() - 0.5) * 1e6); // integral decimal
      return -rnd() * 3;
    };
    const ops: [string, string, (a: number, b: number) => number][] = [
      ['+', 'sj_add', (a, b) => a + b],
      ['-', 'sj_sub', (a, b) => a - b],
      ['*', 'sj_mul', (a, b) => a * b],
      ['/', 'sj_div', (a, b) => a / b],
      ['//', 'sj_floordiv', (a, b) => pyFloatDivmod(a, b)[0]],
      ['%', 'sj_mod', (a, b) => pyFloatDivmod(a, b)[1]],
    ];
    const lines: string[] = [];
    const expected: string[] = [];
    for (let i = 0; i < 300; i++) {
      const [, fn, f] = ops[i % ops.length];
      const a = pick();
      const b = pick() || 1.5;
      // Every third case has an integer operand (int with decimal gives a decimal).
      const intA = i % 3 === 0 && Number.isInteger(a) && Math.abs(a) < 2 ** 53;
      const ca = intA ? `I(${a}LL)` : `D(bits(${bitsOf(a)}))`;
      lines.push(`show(${fn}(${ca}, D(bits(${bitsOf(b)}))));`);
      expected.push(pyRepr(f(a, b)));
    }
    const r = compileAndRun(lines.join('\n'), {
      recipe,
      latin: true,
      top: 'static double bits(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, -1)).toEqual(expected);
  });
});

describe.each(recipeNames())('values and comparisons (%s)', (recipe) => {
  it('compares deeply; maps ignore order; types differ except int/decimal', () => {
    const r = compileAndRun(
      `
      show(sj_eq(L(2, I(1), L(1, I(2))), L(2, I(1), L(1, D(2.0)))));
      show(sj_eq(M(2, T("क"), I(1), T("ख"), I(2)), M(2, T("ख"), I(2), T("क"), I(1))));
      show(sj_eq(M(1, I(1), I(2)), M(1, I(1), I(3))));
      show(sj_eq(M(1, I(1), I(2)), M(1, sj_bool(true), I(2))));
      show(sj_eq(sj_bool(true), I(1)));
      show(sj_eq(T("1"), I(1)));
      show(sj_eq(SJ_NULL_V, SJ_NULL_V));
      show(sj_eq(L(0), M(0)));
      show(sj_eq(D(0.0/0.0), D(0.0/0.0)));
      show(sj_lt(T("a"), T("b"))); show(sj_lt(T("z"), T("क"))); show(sj_lt(T("ab"), T("a")));
      show(sj_lt(D(0.0/0.0), I(1))); show(sj_ge(D(0.0/0.0), I(1))); show(sj_gt(D(0.0/0.0), I(1)));
    `,
      { recipe },
    );
    expect(r.stdout.trim().split('\n')).toEqual([
      'सत्य',
      'सत्य',
      'असत्य',
      'असत्य',
      'असत्य',
      'असत्य',
      'सत्य',
      'असत्य',
      'असत्य',
      'सत्य',
      'सत्य',
      'असत्य',
      'असत्य',
      'असत्य',
      'असत्य',
    ]);
  });

  it('slow paths are complete when generated code calls them directly', () => {
    const r = compileAndRun(
      `
      show(sj_add_slow(I(2), I(3))); show(sj_sub_slow(I(2), I(3))); show(sj_mul_slow(I(4000000000), I(-3)));
      show(sj_neg_slow(I(5))); show(sj_index_slow(L(2, I(7), I(8)), I(-1)));
      SjValue l = L(1, I(0)); sj_set_index_slow(l, I(0), T("x")); show(l);
      show(I(sj_compare_slow(I(1), I(2))));
      AT(2, 2); show(sj_add_slow(I(INT64_MAX), I(1)));
    `,
      { recipe, latin: true },
    );
    expect(r.stdout).toBe('5\n-1\n-12000000000\n-5\n8\n["x"]\n-1\n');
    expect(r.stderr).toContain('integer overflow');
  });

  it('concatenates and repeats texts and lists', () => {
    const r = compileAndRun(
      `
      show(sj_add(T("नम"), T("स्ते"))); show(sj_mul(T("ab"), I(3))); show(sj_mul(I(2), T("क")));
      show(sj_mul(T("ab"), I(-1))); show(sj_add(L(1, I(1)), L(1, T("x")))); show(sj_mul(L(2, I(1), I(2)), I(2)));
    `,
      { recipe },
    );
    expect(r.stdout).toBe('नमस्ते\nababab\nकक\n\n[१, "x"]\n[१, २, १, २]\n');
  });

  it('rejects mixed-type arithmetic, ordering of non-numbers and non-boolean conditions', () => {
    const cases: [string, string][] = [
      ['show(sj_add(T("a"), I(1)));', 'unsupported operand types for +: text and integer'],
      ['show(sj_add(sj_bool(true), I(1)));', 'unsupported operand types for +: boolean and integer'],
      ['show(sj_lt(I(1), T("a")));', 'cannot compare integer and text'],
      ['show(sj_lt(L(0), L(0)));', 'cannot compare list and list'],
      ['if (sj_cond(I(1))) show(I(1));', 'condition must be a boolean'],
      ['show(sj_not(SJ_NULL_V));', 'condition must be a boolean'],
      ['show(sj_neg(T("x")));', 'unary -'],
    ];
    for (const [body, msg] of cases) {
      const e = compileAndRun(`show(I(0)); AT(12, 34); ${body}`, { recipe });
      expect(e.stdout).toBe('०\n');
      expect(e.status).toBe(1);
      expect(e.stderr).toContain(msg);
      expect(e.stderr).toContain('रनटाइम त्रुटि (पङ्क्ति १२, स्तम्भ ३४)');
      expect(errorPosition(e.stderr)).toEqual([12, 34]);
    }
  });
});

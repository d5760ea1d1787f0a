// Random arithmetic for the differential test against Python 3: each expression is written
// twice, as Sajilo (literals in a random mix of the two digit sets, every operation in
// brackets) and as Python calls to checking helpers (PYTHON_PRELUDE) that apply Sajilo's
// rules Python does not have: integers beyond 64 bits overflow, booleans are not numbers.
import { mixedDigits, type Random } from './inputs';

export interface ArithmeticCase {
  sajilo: string;
  python: string;
}

const below = (random: Random, n: number): number => Math.floor(random() * n);

const INTEGERS = [
  () => String(0),
  () => String(1),
  (r: Random) => String(below(r, 20)),
  (r: Random) => String(below(r, 1_000_000)),
  (r: Random) => String(2n ** 53n + BigInt(below(r, 64)) - 32n),
  (r: Random) => String(2n ** 62n + BigInt(below(r, 2 ** 31)) * 12345n),
  () => '9223372036854775807',
  (r: Random) => String(BigInt(below(r, 2 ** 31)) * BigInt(below(r, 2 ** 31)) + 7n),
];

const DECIMALS = [
  () => '0.0',
  () => '0.1',
  () => '0.5',
  () => '1.0',
  () => '2.5',
  (r: Random) => `${below(r, 100)}.${below(r, 1000)}`,
  (r: Random) => `${below(r, 10 ** 6)}.${String(below(r, 10 ** 6)).padStart(6, '0')}`,
  () => '9007199254740993.0',
  () => '123456789012345678.5',
  () => '0.30000000000000004',
  () => '1.7976931348623157',
  (r: Random) => `0.${'0'.repeat(below(r, 12))}${1 + below(r, 9)}`,
];

const ARITHMETIC = ['+', '-', '*', '/', '//', '%', '**'];
const COMPARISONS = ['==', '!=', '<', '<=', '>', '>='];

function operand(random: Random, depth: number): ArithmeticCase {
  const choice = random();
  if (depth <= 0 || choice < 0.35) {
    const isDecimal = random() < 0.4;
    const table = isDecimal ? DECIMALS : INTEGERS;
    const text = table[below(random, table.length)](random);
    return { sajilo: mixedDigits(random, text), python: text };
  }
  if (choice < 0.45) {
    const inner = operand(random, depth - 1);
    return { sajilo: `(-${inner.sajilo})`, python: `N(${inner.python})` };
  }
  const left = operand(random, depth - 1);
  const right = operand(random, depth - 1);
  // Small exponents mostly, so integer powers stay in range often enough to be printed.
  const op = ARITHMETIC[below(random, ARITHMETIC.length)];
  if (op === '**' && random() < 0.8) {
    const exponent = String(below(random, 5) - (random() < 0.2 ? 2 : 0));
    const e = { sajilo: mixedDigits(random, exponent), python: exponent };
    return { sajilo: `(${left.sajilo} ** ${e.sajilo})`, python: `B(${left.python}, '**', ${e.python})` };
  }
  return { sajilo: `(${left.sajilo} ${op} ${right.sajilo})`, python: `B(${left.python}, '${op}', ${right.python})` };
}

/** An arithmetic expression, or a comparison of two (printed as सत्य / असत्य). */
export function arithmeticCase(random: Random): ArithmeticCase {
  if (random() < 0.2) {
    const left = operand(random, 2);
    const right = operand(random, 2);
    const op = COMPARISONS[below(random, COMPARISONS.length)];
    return { sajilo: `(${left.sajilo} ${op} ${right.sajilo})`, python: `C(${left.python}, '${op}', ${right.python})` };
  }
  return operand(random, 1 + below(random, 3));
}

/**
 * Reads a JSON list of expressions on stdin, prints a JSON list of [printed, usedFloatPow] or
 * null where Sajilo must stop with a runtime error (overflow, division by zero, …).
 */
export const PYTHON_PRELUDE = String.raw`
import json, sys, operator
LO, HI = -2**63, 2**63 - 1
class Fail(Exception): pass
float_pow = [False]
def check(v):
    if isinstance(v, complex) or (isinstance(v, int) and not LO <= v <= HI): raise Fail()
    return v
def N(a): return check(-a)
OPS = {'+': operator.add, '-': operator.sub, '*': operator.mul, '/': operator.truediv, '//': operator.floordiv, '%': operator.mod}
def B(a, op, b):
    try:
        if op != '**': return check(OPS[op](a, b))
        if isinstance(a, int) and isinstance(b, int) and b >= 0:
            if abs(a) > 1 and b > 64: raise Fail()
            return check(a ** b)
        if isinstance(a, float) or isinstance(b, float) or b < 0: float_pow[0] = True
        return check(a ** b)
    except (ZeroDivisionError, OverflowError, ValueError): raise Fail()
CMP = {'==': operator.eq, '!=': operator.ne, '<': operator.lt, '<=': operator.le, '>': operator.gt, '>=': operator.ge}
def C(a, op, b): return CMP[op](a, b)
def show(v):
    if isinstance(v, bool): return 'सत्य' if v else 'असत्य'
    return repr(v) if isinstance(v, float) else str(v)
out = []
for expression in json.load(sys.stdin):
    float_pow[0] = False
    try: out.append([show(eval(expression)), float_pow[0]])
    except Fail: out.append(None)
json.dump(out, sys.stdout, ensure_ascii=False)
`;

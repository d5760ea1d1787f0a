// C for the operations that have an integer / list fast path: calls of the prelude's macros
// (prelude.ts), so the C stays short; off the fast path they call the runtime, which also
// raises every error.
import type { BinaryOperator } from '../frontend/ast';
import { isInt, type FunctionState, type Operand } from './context';
import { cInt } from './escape';

const OVERFLOW: Partial<Record<BinaryOperator, [string, string]>> = {
  '+': ['SJG_ADD_OVF', 'sj_add_slow'],
  '-': ['SJG_SUB_OVF', 'sj_sub_slow'],
  '*': ['SJG_MUL_OVF', 'sj_mul_slow'],
};
// Overflow tests for two variables (prelude.ts: branch-free under tcc).
const OVERFLOW_V: Record<string, string> = {
  SJG_ADD_OVF: 'SJG_ADD_OVFV',
  SJG_SUB_OVF: 'SJG_SUB_OVFV',
  SJG_MUL_OVF: 'SJG_MUL_OVF',
};
const OTHER: Partial<Record<BinaryOperator, string>> = { '/': 'sj_div', '**': 'sj_pow' };

const konst = (o: Operand) => `(${cInt(o.int!)})`;
/** An index operand for the macros: the value, or for a known integer its int64 expression. */
const index = (i: Operand) => (i.int !== undefined ? konst(i) : isInt(i) ? `${i.c}.as.i` : i.c);

/** Declares `t` and computes `l op r` into it (owned). */
export function emitArithmetic(
  fs: FunctionState,
  t: string,
  op: BinaryOperator,
  l: Operand,
  r: Operand,
  p: string,
): void {
  const ovf = OVERFLOW[op];
  const I = isInt(l) ? 'I' : '';
  if (ovf && r.int !== undefined) fs.line(`SJG_ARITHK${I}(${t}, ${ovf[0]}, ${ovf[1]}, ${l.c}, ${konst(r)}, ${p});`);
  else if (ovf)
    fs.line(`SJG_ARITH${I && isInt(r) ? 'I' : ''}(${t}, ${OVERFLOW_V[ovf[0]]}, ${ovf[1]}, ${l.c}, ${r.c}, ${p});`);
  else if (op === '//') fs.line(`SJG_FLOORDIV(${t}, ${l.c}, ${r.c}, ${p});`);
  else if (op === '%') fs.line(`SJG_MOD(${t}, ${l.c}, ${r.c}, ${p});`);
  else {
    fs.line(`sj_pos = ${p};`);
    fs.line(`SjValue ${t} = ${OTHER[op]}(${l.c}, ${r.c});`);
  }
}

const COMPARE_OP: Partial<Record<BinaryOperator, [string, string]>> = {
  '<': ['<', 'sj_lt_c'],
  '<=': ['<=', 'sj_le_c'],
  '>': ['>', 'sj_gt_c'],
  '>=': ['>=', 'sj_ge_c'],
  '==': ['==', 'sj_eq_c'],
  '!=': ['!=', 'sj_ne_c'],
};

export const isComparison = (op: BinaryOperator) => COMPARE_OP[op] !== undefined;

/** A C bool expression for a comparison; the operands are names or literals. */
export function comparison(op: BinaryOperator, l: Operand, r: Operand, p: string): string {
  const [cop, slow] = COMPARE_OP[op]!;
  if (l.int !== undefined && r.int !== undefined) return `(${konst(l)} ${cop} ${konst(r)})`;
  if (isInt(l) && isInt(r))
    return `(${l.int !== undefined ? konst(l) : `${l.c}.as.i`} ${cop} ${r.int !== undefined ? konst(r) : `${r.c}.as.i`})`;
  if (r.int !== undefined) return `SJG_CMPK(${l.c}, ${konst(r)}, ${cop}, ${slow}, ${p})`;
  return `SJG_CMP(${l.c}, ${r.c}, ${cop}, ${slow}, ${p})`;
}

/** Declares `t` = -v. */
export function emitNegate(fs: FunctionState, t: string, v: Operand, p: string): void {
  fs.line(`SJG_NEG(${t}, ${v.c}, ${p});`);
}

/** Declares `t` = o[i] (owned). */
export function emitIndex(fs: FunctionState, t: string, o: Operand, i: Operand, p: string): void {
  fs.line(`SJG_INDEX${isInt(i) ? '_I' : ''}(${t}, ${o.c}, ${index(i)}, ${p});`);
}

/** Declares `t` = o[i] borrowed from the list (no reference taken) and the C bool `t_owned`,
 *  set when the runtime's path produced an owned value instead (the caller releases it then). */
export function emitIndexBorrowed(fs: FunctionState, t: string, o: Operand, i: Operand, p: string): void {
  fs.line(`SJG_INDEX_B${isInt(i) ? '_I' : ''}(${t}, ${o.c}, ${index(i)}, ${p});`);
}

/** Declares the C bool `c` = truth of o[i], read in place. */
export function emitIndexTruth(fs: FunctionState, c: string, o: Operand, i: Operand, p: string): void {
  fs.line(`SJG_INDEX_TRUTH${isInt(i) ? '_I' : ''}(${c}, ${o.c}, ${index(i)}, ${p});`);
}

/** o[i] = v (v borrowed: the list takes its own reference, before dropping the old one). */
export function emitSetIndex(fs: FunctionState, o: Operand, i: Operand, v: Operand, p: string): void {
  const I = isInt(i) ? 'I' : '';
  if (v.int !== undefined) fs.line(`SJG_SET_INDEX_${I}K(${o.c}, ${index(i)}, SJ_INT, ${konst(v)}, ${p});`);
  else if (v.bool !== undefined) fs.line(`SJG_SET_INDEX_${I}K(${o.c}, ${index(i)}, SJ_BOOL, ${v.bool}, ${p});`);
  else fs.line(`SJG_SET_INDEX${I ? '_I' : ''}(${o.c}, ${index(i)}, ${v.c}, ${p});`);
}

/** Truth of a condition operand (a boolean, else the runtime's error). */
export const truth = (v: Operand, p: string) => (v.imm ? `(sj_pos = ${p}, sj_cond(${v.c}))` : `SJG_COND(${v.c}, ${p})`);

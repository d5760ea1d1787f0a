// C for the operations that have an integer / list fast path (see prelude.ts): the fast case
// is written out inline, everything else calls the runtime, which also raises the errors.
import type { BinaryOperator } from '../frontend/ast';
import type { FunctionState, Operand } from './context';
import { cInt } from './escape';

/** C condition that both operands are integers ('' when both are integer literals). */
function bothInts(l: Operand, r: Operand): string {
  return [l, r].filter((o) => o.int === undefined).map((o) => `${o.c}.tag == SJ_INT`).join(' && ');
}
const ival = (o: Operand) => (o.int !== undefined ? `(${cInt(o.int)})` : `${o.c}.as.i`);
const and = (...parts: string[]) => parts.filter((p) => p !== '').join(' && ') || '1';

const OVERFLOW: Partial<Record<BinaryOperator, [string, string]>> = {
  '+': ['SJG_ADD_OVF', 'sj_add_slow'], '-': ['SJG_SUB_OVF', 'sj_sub_slow'], '*': ['SJG_MUL_OVF', 'sj_mul_slow'],
};
const OTHER: Partial<Record<BinaryOperator, string>> = { '/': 'sj_div', '**': 'sj_pow' };

/** Declares `t` and computes `l op r` into it (owned). */
export function emitArithmetic(fs: FunctionState, t: string, op: BinaryOperator, l: Operand, r: Operand): void {
  const ovf = OVERFLOW[op];
  if (ovf) {
    fs.line(`SjValue ${t}; int64_t ${t}i;`);
    fs.line(`if (${and(bothInts(l, r), `!${ovf[0]}(${ival(l)}, ${ival(r)}, &${t}i)`)}) SJG_SETINT(${t}, ${t}i); else ${t} = ${ovf[1]}(${l.c}, ${r.c});`);
  } else if (op === '//' || op === '%') {
    // Python's floor division and modulo; zero and INT64_MIN / -1 take the runtime's path.
    const [x, y, q] = [`${t}x`, `${t}y`, `${t}q`];
    fs.line(`SjValue ${t}; int64_t ${x}, ${y}, ${q};`);
    fs.line(`if (${and(bothInts(l, r), `(${y} = ${ival(r)}) != 0`, `((${x} = ${ival(l)}) != INT64_MIN || ${y} != -1)`)}) {`);
    fs.line(op === '//'
      ? `  ${q} = ${x} / ${y}; if (${x} % ${y} != 0 && ((${x} < 0) != (${y} < 0))) ${q}--;`
      : `  ${q} = ${x} % ${y}; if (${q} != 0 && ((${q} < 0) != (${y} < 0))) ${q} += ${y};`);
    fs.line(`  SJG_SETINT(${t}, ${q});`);
    fs.line(`} else ${t} = ${op === '//' ? 'sj_floordiv' : 'sj_mod'}(${l.c}, ${r.c});`);
  } else {
    fs.line(`SjValue ${t} = ${OTHER[op]}(${l.c}, ${r.c});`);
  }
}

const COMPARE_OP: Partial<Record<BinaryOperator, [string, string]>> = {
  '<': ['<', 'sj_lt_c'], '<=': ['<=', 'sj_le_c'], '>': ['>', 'sj_gt_c'], '>=': ['>=', 'sj_ge_c'],
  '==': ['==', 'sj_eq_c'], '!=': ['!=', 'sj_ne_c'],
};

export const isComparison = (op: BinaryOperator) => COMPARE_OP[op] !== undefined;

/** A C bool expression for a comparison; the operands are names or literals. */
export function comparison(op: BinaryOperator, l: Operand, r: Operand): string {
  const [cop, slow] = COMPARE_OP[op]!;
  const ints = bothInts(l, r);
  const fast = `${ival(l)} ${cop} ${ival(r)}`;
  return ints ? `(${ints} ? ${fast} : ${slow}(${l.c}, ${r.c}))` : `(${fast})`;
}

/** Declares `t` = -v. */
export function emitNegate(fs: FunctionState, t: string, v: Operand): void {
  fs.line(`SjValue ${t}; if (${v.c}.tag == SJ_INT && ${v.c}.as.i != INT64_MIN) SJG_SETINT(${t}, -${v.c}.as.i); else ${t} = sj_neg_slow(${v.c});`);
}

function inList(o: Operand, i: Operand): string {
  if (i.int !== undefined) return `${o.c}.tag == SJ_LIST && (uint64_t)${ival(i)} < (uint64_t)SJG_LIST(${o.c})->len`;
  return `SJG_IN_LIST(${o.c}, ${i.c})`;
}

/** Declares `t` = o[i] (owned). */
export function emitIndex(fs: FunctionState, t: string, o: Operand, i: Operand): void {
  fs.line(`SjValue ${t};`);
  fs.line(`if (${inList(o, i)}) { ${t} = SJG_LIST(${o.c})->items[${ival(i)}]; SJG_RETAIN(${t}); } else ${t} = sj_index_slow(${o.c}, ${i.c});`);
}

/** o[i] = v (v borrowed: the list takes its own reference, before dropping the old one). */
export function emitSetIndex(fs: FunctionState, o: Operand, i: Operand, v: Operand): void {
  const slot = fs.fresh('s');
  fs.line(`if (${inList(o, i)}) {`);
  fs.line(`  SjValue *${slot} = &SJG_LIST(${o.c})->items[${ival(i)}]; SjValue ${slot}o = *${slot};`);
  fs.line(`  *${slot} = ${v.c}; SJG_RETAIN(*${slot}); SJG_RELEASE(${slot}o);`);
  fs.line(`} else sj_set_index_slow(${o.c}, ${i.c}, ${v.c});`);
}

/** Truth of a condition operand (a boolean, else the runtime's error). */
export const truth = (v: Operand) => (v.imm ? `sj_cond(${v.c})` : `SJG_COND(${v.c})`);

// Expressions → C. Each sub-expression is evaluated into a temporary in source order (so
// side effects and errors happen in Python's order); the consumer releases owned results
// right after the operation that used them (sajilo.h rule R5).
import type {
  BinaryOperator,
  CallExpression,
  Expression,
  IndexExpression,
  ListLiteral,
  LogicalExpression,
  MapLiteral,
  NameExpression,
} from '../frontend/ast';
import { builtinC } from './builtins';
import { isInt, needsRelease, posC, type FunctionState, type Operand } from './context';
import { cDouble, cInt } from './escape';
import {
  comparison,
  emitArithmetic,
  emitIndex,
  emitIndexBorrowed,
  emitIndexTruth,
  emitNegate,
  isComparison,
  truth,
} from './fastpaths';
import { functionName, functionObject, globalSetFlag } from './mangle';
import { markProgress } from '../frontend/progress';
import { forEachChild, type Node } from '../frontend/walk';
import { uninitialisedGlobalError } from './messages';

/** Whether evaluating `e` may run user code, which may reassign global variables. */
export function containsCall(e: Node): boolean {
  if (e.kind === 'Call' && e.target.kind !== 'builtin') return true;
  return forEachChild(e, (child) => containsCall(child) || undefined) ?? false;
}

/** Stores an owned C value in a fresh temporary. */
function temp(fs: FunctionState, c: string): Operand {
  const t = fs.fresh();
  fs.line(`SjValue ${t} = ${c};`);
  return { c: t, owned: true };
}

/**
 * Generates `e`. With `risky`, code that runs before the result is consumed may reassign
 * globals, so a borrowed global is retained into a temporary now (Python reads it first).
 */
export function genExpr(fs: FunctionState, e: Expression, risky = false): Operand {
  markProgress(e.range.start);
  switch (e.kind) {
    case 'Integer':
      return intLiteral(e.value);
    case 'Decimal':
      return { c: `SJG_DEC(${cDouble(e.value)})`, owned: false, imm: true };
    case 'Boolean':
      return { c: `SJG_BOOL(${e.value ? 1 : 0})`, owned: false, imm: true, bool: e.value ? 1 : 0 };
    case 'Null':
      return { c: 'SJG_NULL', owned: false, imm: true };
    case 'Text':
      return genText(fs, e.value);
    case 'List':
      return genList(fs, e);
    case 'Map':
      return genMap(fs, e);
    case 'Name':
      return genName(fs, e, risky);
    case 'Unary':
      return genUnary(fs, e);
    case 'Binary':
      return genBinary(fs, e.operator, e.left, e.right, e.operatorRange);
    case 'Logical':
      return { c: `SJG_BOOL(${genLogical(fs, e)})`, owned: false, imm: true };
    case 'Call':
      return genCall(fs, e);
    case 'Index':
      return genIndex(fs, e);
    case 'Error':
      throw new Error('back end: program with a parse error');
  }
}

const intLiteral = (v: bigint): Operand => ({ c: `SJG_INT(${cInt(v)})`, owned: false, int: v, imm: true });

/** A text literal: the cached slot once filled, else the runtime fills it (new reference). */
function genText(fs: FunctionState, text: string): Operand {
  const { slot, bytes, length } = fs.module.textLiteral(text);
  const t = fs.fresh();
  fs.line(`SJG_TEXT(${t}, ${slot}, ${bytes}, ${length});`);
  return { c: t, owned: true };
}

function genList(fs: FunctionState, e: ListLiteral): Operand {
  const list = temp(fs, `sj_list_new(${e.elements.length})`);
  for (const el of e.elements) {
    const v = genExpr(fs, el);
    fs.line(`sj_list_push(${list.c}, ${v.c});`);
    fs.release(v);
  }
  return list;
}

function genMap(fs: FunctionState, e: MapLiteral): Operand {
  const map = temp(fs, 'sj_map_new()');
  for (const entry of e.entries) {
    const k = genExpr(fs, entry.key);
    const v = genExpr(fs, entry.value);
    fs.pos(entry.key.range);
    fs.line(`sj_map_set(${map.c}, ${k.c}, ${v.c});`);
    fs.release(k);
    fs.release(v);
  }
  return map;
}

function genName(fs: FunctionState, e: NameExpression, risky: boolean): Operand {
  const b = e.binding;
  if (b.kind === 'builtin') return temp(fs, `sj_func_value(&sj_bf_${builtinC(b.name).roman})`);
  if (b.kind !== 'declaration') throw new Error('back end: unresolved name');
  const d = fs.module.declaration(b.id);
  if (d.kind === 'function') return temp(fs, `sj_func_value(&${functionObject(b.id)})`);
  const v = fs.variable(b.id);
  if (fs.intLocals.has(b.id)) return { c: v, owned: false, knownInt: true };
  if (e.mayBeUninitialised && fs.module.isStatic(b.id)) {
    fs.module.globalsNeedingFlag.add(b.id);
    fs.open(`if (SJ_UNLIKELY(!${globalSetFlag(b.id)}))`);
    fs.pos(e.range);
    fs.line(uninitialisedGlobalError());
    fs.close();
  }
  if (risky && fs.module.isStatic(b.id)) {
    const t = fs.fresh();
    fs.line(`SjValue ${t} = ${v}; SJG_RETAIN(${t});`);
    return { c: t, owned: true };
  }
  return { c: v, owned: false };
}

function genUnary(fs: FunctionState, e: Extract<Expression, { kind: 'Unary' }>): Operand {
  if (e.operator === '-' && e.operand.kind === 'Integer') return intLiteral(-e.operand.value);
  if (e.operator === '-' && e.operand.kind === 'Decimal') {
    return { c: `SJG_DEC(${cDouble(-e.operand.value)})`, owned: false, imm: true };
  }
  if (e.operator === 'not') {
    // Evaluated now: a condition may be a comparison of names that later code could change.
    const c = fs.fresh('c');
    fs.line(`bool ${c} = !${genCondition(fs, e.operand)};`);
    return { c: `SJG_BOOL(${c})`, owned: false, imm: true };
  }
  const v = genExpr(fs, e.operand);
  const t = fs.fresh();
  emitNegate(fs, t, v, posC(e.range));
  fs.release(v);
  return { c: t, owned: true };
}

const INT_RESULT = new Set<BinaryOperator>(['+', '-', '*', '//', '%']);

export function genBinary(
  fs: FunctionState,
  op: BinaryOperator,
  left: Expression,
  right: Expression,
  at: { start: { line: number; column: number } },
): Operand {
  const l = genExpr(fs, left, containsCall(right));
  const r = genExpr(fs, right);
  // The position is stored only off the fast path (the macros take it).
  const p = posC(at);
  let result: Operand;
  if (isComparison(op)) {
    result = { c: `SJG_BOOL(${comparison(op, l, r, p)})`, owned: false, imm: true };
    // The bool must be computed before the operands are released.
    const t = fs.fresh();
    fs.line(`SjValue ${t} = ${result.c};`);
    result = { c: t, owned: false };
  } else {
    const t = fs.fresh();
    emitArithmetic(fs, t, op, l, r, p);
    // Integer operands give an integer or raise (overflow, division by zero).
    result = { c: t, owned: true, knownInt: INT_RESULT.has(op) && isInt(l) && isInt(r) };
  }
  fs.release(l);
  fs.release(r);
  return result;
}

/** र / वा with short-circuit; returns a C bool variable set by the emitted code. */
function genLogical(fs: FunctionState, e: LogicalExpression): string {
  const c = fs.fresh('c');
  fs.line(`bool ${c} = ${genCondition(fs, e.left)};`);
  fs.open(`if (${e.operator === 'and' ? c : `!${c}`})`);
  fs.line(`${c} = ${genCondition(fs, e.right)};`);
  fs.close();
  return c;
}

/**
 * A condition (यदि, जबसम्म, operands of र / वा / होइन) as a C bool expression with every
 * temporary already released. Comparisons skip the boxed boolean.
 */
export function genCondition(fs: FunctionState, e: Expression): string {
  if (e.kind === 'Boolean') return e.value ? '1' : '0';
  if (e.kind === 'Logical') return genLogical(fs, e);
  if (e.kind === 'Unary' && e.operator === 'not') return `!${genCondition(fs, e.operand)}`;
  if (e.kind === 'Binary' && isComparison(e.operator)) {
    const l = genExpr(fs, e.left, containsCall(e.right));
    const r = genExpr(fs, e.right);
    const cmp = comparison(e.operator, l, r, posC(e.operatorRange));
    // Nothing to release: the comparison itself is the condition (one C test, no bool).
    if (!needsRelease(l) && !needsRelease(r)) return cmp;
    const c = fs.fresh('c');
    fs.line(`bool ${c} = ${cmp};`);
    fs.release(l);
    fs.release(r);
    return c;
  }
  const c = fs.fresh('c');
  if (e.kind === 'Index') {
    // o[i] as a condition: the element's truth read in place, no reference taken.
    const obj = genExpr(fs, e.object, containsCall(e.index));
    const idx = genExpr(fs, e.index);
    emitIndexTruth(fs, c, obj, idx, posC(e.range));
    fs.release(obj);
    fs.release(idx);
    return c;
  }
  const v = genExpr(fs, e);
  fs.line(`bool ${c} = ${truth(v, posC(e.range))};`);
  fs.release(v);
  return c;
}

/** Arguments in order; `allRisky` when user code runs before they are consumed (user calls). */
function genArgs(fs: FunctionState, args: Expression[], allRisky: boolean): Operand[] {
  return args.map((a, i) => genExpr(fs, a, allRisky || args.slice(i + 1).some(containsCall)));
}

function argArray(fs: FunctionState, args: Operand[]): string {
  if (args.length === 0) return 'NULL';
  const arr = fs.fresh('a');
  fs.line(`SjValue ${arr}[${args.length}] = {${args.map((a) => a.c).join(', ')}};`);
  return arr;
}

/**
 * a[i][j]: the row a[i] is borrowed, not retained, when a is a variable (it holds the row) and
 * nothing runs between reading the row and indexing it (j makes no call). Off the list fast
 * path the row is an owned value (a map's entry, a text's character) and is released after.
 */
function genNestedIndex(fs: FunctionState, e: IndexExpression, inner: IndexExpression): Operand {
  const obj = genExpr(fs, inner.object, containsCall(inner.index));
  const rowIdx = genExpr(fs, inner.index);
  const row = fs.fresh();
  // An owned container (a call's result) may be freed before the row is used: retain the row.
  const borrowed = !obj.owned;
  if (borrowed) emitIndexBorrowed(fs, row, obj, rowIdx, posC(inner.range));
  else emitIndex(fs, row, obj, rowIdx, posC(inner.range));
  fs.release(obj);
  fs.release(rowIdx);
  const idx = genExpr(fs, e.index);
  const t = fs.fresh();
  emitIndex(fs, t, { c: row, owned: false }, idx, posC(e.range));
  fs.line(borrowed ? `if (${row}_owned) SJG_RELEASE(${row});` : `SJG_RELEASE(${row});`);
  fs.release(idx);
  return { c: t, owned: true };
}

function genCall(fs: FunctionState, e: CallExpression): Operand {
  const t = e.target;
  let call: string;
  let args: Operand[];
  if (t.kind === 'function') {
    args = genArgs(fs, e.arguments, true);
    fs.pos(e.range);
    if (fs.module.byPointer) {
      const r = fs.fresh();
      fs.line(`SjValue ${r}; ${functionName(t.id)}(&${r}${args.map((a) => `, &${a.c}`).join('')});`);
      for (const a of args) fs.release(a);
      return { c: r, owned: true };
    }
    call = `${functionName(t.id)}(${args.map((a) => a.c).join(', ')})`;
  } else if (t.kind === 'builtin') {
    const b = builtinC(t.name);
    args = genArgs(fs, e.arguments, false);
    const cArgs = args.map((a) => a.c);
    while (!b.variadic && cArgs.length < b.params) cArgs.push('SJG_NULL');
    const list = b.variadic ? `${args.length}, ${argArray(fs, args)}` : cArgs.join(', ');
    fs.pos(e.range);
    call = `sj_b_${b.roman}(${list})`;
  } else if (t.kind === 'dynamic') {
    const callee = genExpr(fs, e.callee, e.arguments.some(containsCall));
    args = genArgs(fs, e.arguments, true);
    const arr = argArray(fs, args);
    fs.pos(e.range);
    call = `sj_call(${callee.c}, ${args.length}, ${arr})`;
    args = [callee, ...args];
  } else {
    throw new Error('back end: unresolved call');
  }
  const result = temp(fs, call);
  for (const a of args) fs.release(a);
  return result;
}

function genIndex(fs: FunctionState, e: IndexExpression): Operand {
  if (e.object.kind === 'Index' && !containsCall(e.index)) return genNestedIndex(fs, e, e.object);
  const obj = genExpr(fs, e.object, containsCall(e.index));
  const idx = genExpr(fs, e.index);
  const t = fs.fresh();
  emitIndex(fs, t, obj, idx, posC(e.range));
  fs.release(obj);
  fs.release(idx);
  return { c: t, owned: true };
}

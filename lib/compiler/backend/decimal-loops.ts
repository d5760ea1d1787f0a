// A typed copy of a range loop for decimal arithmetic on packed lists (a dot product's
// `स = स + क[k] * ख[k][j]`). When the body only assigns decimal locals from `+ - *` and unary
// `-` of decimal literals, decimal locals and list elements indexed by known integers, nothing
// in it can call user code, store into a list or raise an error while every operand is a
// decimal: so the tests that make that true are done once before the loop (the locals hold
// decimals, the lists are packed decimals or generic lists of rows; their data pointers and
// lengths cannot change while the loop runs, since nothing in it stores into a list or frees a
// value) and, per pass, only the bounds and the rows of a list of rows. The locals live in C
// doubles and are written back when the loop ends. The first pass whose test fails leaves the
// typed loop before doing anything, and the generic loop (emitted after it, sharing the range's
// counter) runs that pass and the rest: every error, widening and message stays the generic
// code's, at the same point of the run.
import type { Block, Expression, RangeLoop } from '../frontend/ast';
import type { FunctionState } from './context';
import { cDouble, cInt } from './escape';

interface Plan {
  /** Hoisted C declarations, and the tests that make them valid, done once before the loop. */
  setup: string[];
  entry: string[];
  /** Per-pass statements that `break` out of the typed loop when a test fails. */
  checks: string[];
  /** C double of each decimal local the body assigns (written back after the loop). */
  targets: Map<number, string>;
  scalars: Map<number, string>;
  packed: Map<number, { data: string; len: string }>;
  rows: Map<number, { items: string; len: string }>;
  ints: Map<number, string>;
}

/** Emits the typed loop before the generic one, if `s`'s body qualifies; `r`, `go`, `left` are
 *  the range's counter (statements.ts, SJG_RANGE_COUNT). */
export function emitTypedDecimalLoop(fs: FunctionState, s: RangeLoop, r: string, go: string, left: string): void {
  const plan = planLoop(fs, s.body, s.variable.declarationId, r);
  if (!plan) return;
  fs.open(`if (${[go, ...plan.entry].join(' && ')})`);
  for (const d of plan.setup) fs.line(d);
  fs.open(`for (; ${go}; SJG_RANGE_STEP(${r}, ${go}, ${left}))`);
  for (const c of plan.checks) fs.line(c);
  fs.close();
  for (const [id, d] of plan.targets) fs.line(`${fs.variable(id)}.as.d = ${d};`);
  fs.close();
}

function planLoop(fs: FunctionState, body: Block, loopVar: number, r: string): Plan | null {
  if (body.declarations.some((id) => id !== loopVar)) return null;
  const plan: Plan = {
    setup: [],
    entry: [],
    checks: [],
    targets: new Map(),
    scalars: new Map(),
    packed: new Map(),
    rows: new Map(),
    ints: new Map(),
  };
  const assigns: { target: number; value: Expression }[] = [];
  for (const st of body.statements) {
    if (st.kind !== 'Assignment' || st.target.binding.kind !== 'declaration') return null;
    const id = st.target.binding.id;
    if (id === loopVar || !isPlainLocal(fs, id)) return null;
    assigns.push({ target: id, value: st.value });
  }
  if (assigns.length === 0) return null;
  for (const { target } of assigns) {
    if (plan.targets.has(target)) continue;
    const d = fs.fresh('d');
    plan.targets.set(target, d);
    const v = fs.variable(target);
    plan.entry.push(`${v}.tag == SJ_DEC`);
    plan.setup.push(`double ${d} = ${v}.as.d;`);
  }
  // Each pass's checks come before any assignment: a failing pass must not have started.
  const stores: string[] = [];
  for (const { target, value } of assigns) {
    const c = decimalExpr(fs, plan, value, loopVar, r);
    if (c === null) return null;
    stores.push(`${plan.targets.get(target)} = ${c};`);
  }
  plan.checks.push(...stores);
  return plan;
}

/** A local held in a C variable of this function (not a global, not a borrowed parameter). */
function isPlainLocal(fs: FunctionState, id: number): boolean {
  const d = fs.module.declaration(id);
  return d.kind !== 'function' && !fs.module.isStatic(id) && !fs.borrowedParams.has(id);
}

/** A local only read in the loop (globals are excluded: they may be unset). */
function readOnlyLocal(fs: FunctionState, plan: Plan, e: Expression): number | null {
  if (e.kind !== 'Name' || e.binding.kind !== 'declaration') return null;
  const id = e.binding.id;
  const d = fs.module.declaration(id);
  if (d.kind === 'function' || fs.module.isStatic(id) || plan.targets.has(id)) return null;
  return id;
}

/** C double expression for `e`, or null when `e` is not a decimal expression of the kind above. */
function decimalExpr(fs: FunctionState, plan: Plan, e: Expression, loopVar: number, r: string): string | null {
  switch (e.kind) {
    case 'Decimal':
      return `(${cDouble(e.value)})`;
    case 'Unary': {
      if (e.operator !== '-') return null;
      const v = decimalExpr(fs, plan, e.operand, loopVar, r);
      return v === null ? null : `(-${v})`;
    }
    case 'Binary': {
      if (e.operator !== '+' && e.operator !== '-' && e.operator !== '*') return null;
      const l = decimalExpr(fs, plan, e.left, loopVar, r);
      const rr = l === null ? null : decimalExpr(fs, plan, e.right, loopVar, r);
      return rr === null ? null : `(${l} ${e.operator} ${rr})`;
    }
    case 'Name': {
      if (e.binding.kind === 'declaration' && plan.targets.has(e.binding.id)) return plan.targets.get(e.binding.id)!;
      const id = readOnlyLocal(fs, plan, e);
      if (id === null || id === loopVar) return null;
      let d = plan.scalars.get(id);
      if (!d) {
        d = fs.fresh('d');
        plan.scalars.set(id, d);
        plan.entry.push(`${fs.variable(id)}.tag == SJ_DEC`);
        plan.setup.push(`double ${d} = ${fs.variable(id)}.as.d;`);
      }
      return d;
    }
    case 'Index':
      return elementExpr(fs, plan, e.object, e.index, loopVar, r);
    default:
      return null;
  }
}

/** An integer index: a literal, the loop's own variable, or an enclosing range loop's (a known
 *  integer). Negative literals parse as a negation, which takes the generic path. */
function intIndex(fs: FunctionState, plan: Plan, e: Expression, loopVar: number, r: string): string | null {
  if (e.kind === 'Integer') return `(${cInt(e.value)})`;
  if (e.kind !== 'Name' || e.binding.kind !== 'declaration') return null;
  const id = e.binding.id;
  if (id === loopVar) return `${r}.cur`;
  if (!fs.intLocals.has(id) || plan.targets.has(id)) return null;
  let k = plan.ints.get(id);
  if (!k) {
    k = fs.fresh('k');
    plan.ints.set(id, k);
    plan.setup.push(`int64_t ${k} = ${fs.variable(id)}.as.i;`);
  }
  return k;
}

/** `object[index]` read as a double: a packed decimal list, or a row of a list of rows. */
function elementExpr(
  fs: FunctionState,
  plan: Plan,
  object: Expression,
  index: Expression,
  loopVar: number,
  r: string,
): string | null {
  const k = intIndex(fs, plan, index, loopVar, r);
  if (k === null) return null;
  if (object.kind === 'Index') {
    const outer = readOnlyLocal(fs, plan, object.object);
    const rowK = outer === null ? null : intIndex(fs, plan, object.index, loopVar, r);
    if (outer === null || rowK === null || plan.packed.has(outer)) return null;
    let rows = plan.rows.get(outer);
    if (!rows) {
      const v = fs.variable(outer);
      rows = { items: fs.fresh('q'), len: fs.fresh('m') };
      plan.rows.set(outer, rows);
      plan.entry.push(`${v}.tag == SJ_LIST`, `SJG_LIST(${v})->items != NULL`);
      plan.setup.push(`SjValue *${rows.items} = SJG_LIST(${v})->items; uint64_t ${rows.len} = SJG_LIST(${v})->len;`);
    }
    const w = fs.fresh('w');
    plan.checks.push(
      `if (SJ_UNLIKELY((uint64_t)${rowK} >= ${rows.len} || ${rows.items}[${rowK}].tag != SJ_LIST)) break;`,
    );
    plan.checks.push(`SjList *${w} = SJG_LIST(${rows.items}[${rowK}]);`);
    plan.checks.push(`if (SJ_UNLIKELY(${w}->decs == NULL || (uint64_t)${k} >= ${w}->len)) break;`);
    return `${w}->decs[${k}]`;
  }
  const id = readOnlyLocal(fs, plan, object);
  if (id === null || plan.rows.has(id)) return null;
  let p = plan.packed.get(id);
  if (!p) {
    const v = fs.variable(id);
    p = { data: fs.fresh('p'), len: fs.fresh('m') };
    plan.packed.set(id, p);
    plan.entry.push(`${v}.tag == SJ_LIST`, `SJG_LIST(${v})->decs != NULL`);
    plan.setup.push(`double *${p.data} = SJG_LIST(${v})->decs; uint64_t ${p.len} = SJG_LIST(${v})->len;`);
  }
  plan.checks.push(`if (SJ_UNLIKELY((uint64_t)${k} >= ${p.len})) break;`);
  return `${p.data}[${k}]`;
}

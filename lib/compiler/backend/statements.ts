// Statements and blocks → C. Every block releases the locals it declared when it ends;
// रोक / जारी release the blocks they leave; फर्काउ jumps to the function's exit, which
// releases every local (locals out of scope are खाली there, so releasing them is free).
import type {
  Assignment,
  Block,
  EachLoop,
  Expression,
  IfStatement,
  IndexAssignment,
  RangeLoop,
  RepeatLoop,
  Statement,
  VariableDeclaration,
  WhileStatement,
} from '../frontend/ast';
import { isInt, posC, type FunctionState } from './context';
import { containsCall, genCondition, genExpr } from './expressions';
import { cInt } from './escape';
import { emitTypedDecimalLoop } from './decimal-loops';
import { emitSetIndex } from './fastpaths';
import { markProgress } from '../frontend/progress';
import { globalSetFlag } from './mangle';
import { assignedIds } from './usage';

export function genBlock(
  fs: FunctionState,
  block: Block,
  opts: {
    loopBody?: boolean;
    iterator?: string | null;
    keepLocals?: boolean;
  } = {},
): void {
  fs.blocks.push({
    declarations: block.declarations,
    loopBody: opts.loopBody ?? false,
    iterator: opts.iterator ?? null,
  });
  for (const s of block.statements) genStatement(fs, s);
  // Globals live for the whole run; a function body's locals are released at its exit.
  if (!opts.keepLocals) for (const id of block.declarations) if (!fs.module.declaration(id).isGlobal) fs.clearLocal(id);
  fs.blocks.pop();
}

export function genStatement(fs: FunctionState, s: Statement): void {
  markProgress(s.range.start);
  switch (s.kind) {
    case 'VariableDeclaration':
      return genDeclaration(fs, s);
    case 'Assignment':
      return genAssignment(fs, s);
    case 'IndexAssignment':
      return genIndexAssignment(fs, s);
    case 'If':
      return genIf(fs, s);
    case 'While':
      return genWhile(fs, s);
    case 'RangeLoop':
      return genRange(fs, s);
    case 'EachLoop':
      return genEach(fs, s);
    case 'Repeat':
      return genRepeat(fs, s);
    case 'FunctionDeclaration':
      return; // emitted at top level by functions.ts
    case 'Return':
      return genReturn(fs, s.value);
    case 'Break':
      fs.unwind(fs.blocksToLoop());
      fs.line('break;');
      return;
    case 'Continue':
      fs.unwind(fs.blocksToLoop());
      fs.line('continue;');
      return;
    case 'ExpressionStatement': {
      fs.open('');
      fs.release(genExpr(fs, s.expression));
      fs.close();
    }
  }
}

function genDeclaration(fs: FunctionState, s: VariableDeclaration): void {
  const id = s.name.declarationId;
  fs.open('');
  const v = genExpr(fs, s.initializer);
  // A declaration runs once per entry of its block, and the block's exit cleared the slot.
  // Field-wise copies: tcc turns a struct assignment into a memmove call.
  fs.line(fs.store(fs.variable(id), v));
  // Functions (generated before top-level code) recorded which globals need the flag.
  if (fs.module.globalsNeedingFlag.has(id)) fs.line(`${globalSetFlag(id)} = true;`);
  fs.close();
}

function genAssignment(fs: FunctionState, s: Assignment): void {
  if (s.target.binding.kind !== 'declaration') throw new Error('back end: bad assignment target');
  const target = fs.variable(s.target.binding.id);
  const value = s.value;
  fs.open('');
  // x = x + e: append to the text in place when x holds its only reference.
  if (
    value.kind === 'Binary' &&
    value.operator === '+' &&
    value.left.kind === 'Name' &&
    value.left.binding.kind === 'declaration' &&
    value.left.binding.id === s.target.binding.id &&
    !value.left.mayBeUninitialised &&
    !containsCall(value.right)
  ) {
    const r = genExpr(fs, value.right);
    const sum = fs.fresh('s');
    const rInt = r.int !== undefined ? `(${cInt(r.int)})` : `${r.c}.as.i`;
    const rIsInt = isInt(r) ? '' : ` && ${r.c}.tag == SJ_INT`;
    const ovf = r.int !== undefined ? 'SJG_ADD_OVF' : 'SJG_ADD_OVFV';
    fs.line(`int64_t ${sum};`);
    // Two decimals add in place too (IEEE addition, as the runtime's slow path). The runtime's
    // path works on a copy, so the variable's address never escapes and gcc keeps it in registers.
    const decimals = isInt(r)
      ? ''
      : ` else if (${target}.tag == SJ_DEC && ${r.c}.tag == SJ_DEC) ${target}.as.d += ${r.c}.as.d;`;
    fs.line(
      `if (${target}.tag == SJ_INT${rIsInt} && !${ovf}(${target}.as.i, ${rInt}, &${sum})) ${target}.as.i = ${sum};${decimals} else { SjValue ${sum}_v; SJG_COPY(${sum}_v, ${target}); sj_pos = ${posC(value.operatorRange)}; sj_add_inplace(&${sum}_v, ${r.c}); SJG_COPY(${target}, ${sum}_v); }`,
    );
    fs.release(r);
  } else {
    // Evaluate (and own) the value first: it may read the variable being replaced.
    const op = genExpr(fs, value);
    const v = op.int !== undefined || op.bool !== undefined ? op : { ...op, c: fs.own(op), owned: true };
    fs.line(`SJG_RELEASE(${target}); ${fs.store(target, v)}`);
  }
  fs.close();
}

function genIndexAssignment(fs: FunctionState, s: IndexAssignment): void {
  fs.open('');
  const obj = genExpr(fs, s.target.object, containsCall(s.target.index) || containsCall(s.value));
  const idx = genExpr(fs, s.target.index, containsCall(s.value));
  const val = genExpr(fs, s.value);
  emitSetIndex(fs, obj, idx, val, posC(s.target.range));
  for (const op of [obj, idx, val]) fs.release(op);
  fs.close();
}

function genIf(fs: FunctionState, s: IfStatement, from = 0): void {
  // The condition's temporaries live in a C block of their own (inside the previous else).
  const branch = s.branches[from];
  fs.open('');
  const c = genCondition(fs, branch.condition);
  fs.open(`if (${c})`);
  genBlock(fs, branch.body);
  if (from + 1 < s.branches.length) {
    fs.reopen('else');
    genIf(fs, s, from + 1);
  } else if (s.elseBody) {
    fs.reopen('else');
    genBlock(fs, s.elseBody);
  }
  fs.close();
  fs.close();
}

function genWhile(fs: FunctionState, s: WhileStatement): void {
  fs.open('for (;;)');
  const c = genCondition(fs, s.condition);
  fs.line(`if (!${c}) break;`);
  genBlock(fs, s.body, { loopBody: true });
  fs.close();
}

function genRange(fs: FunctionState, s: RangeLoop): void {
  fs.open('');
  const start = genExpr(fs, s.start);
  const end = genExpr(fs, s.end);
  const step = s.step ? genExpr(fs, s.step) : { c: 'SJG_INT(1)', owned: false };
  const r = fs.fresh('r');
  fs.pos((s.step ?? s.start).range);
  // Initialised through a copy: the loop's own SjRange never has its address taken, so gcc keeps
  // its counter in a register instead of storing it on every pass.
  fs.line(
    `SjRange ${r}; { SjRange ${r}_i; sj_range_init(&${r}_i, ${start.c}, ${end.c}, ${step.c}); ${r}.cur = ${r}_i.cur; ${r}.end = ${r}_i.end; ${r}.step = ${r}_i.step; }`,
  );
  for (const op of [start, end, step]) fs.release(op);
  // The counter is hidden, so assigning to the variable changes nothing; the number of
  // iterations is known once the bounds are (SJG_RANGE_COUNT).
  const go = fs.fresh('go');
  const left = fs.fresh('n');
  fs.line(`SJG_RANGE_COUNT(${r}, ${go}, ${left});`);
  emitTypedDecimalLoop(fs, s, r, go, left);
  fs.open(`for (; ${go}; SJG_RANGE_STEP(${r}, ${go}, ${left}))`);
  const id = s.variable.declarationId;
  fs.line(`SJG_SETINT(${fs.variable(id)}, ${r}.cur);`);
  // A local the body never assigns holds an integer throughout the body.
  const intVar = !fs.module.isStatic(id) && !assignedIds(s.body).has(id);
  if (intVar) fs.intLocals.add(id);
  genBlock(fs, s.body, { loopBody: true });
  fs.intLocals.delete(id);
  fs.close();
  fs.close();
}

function genEach(fs: FunctionState, s: EachLoop): void {
  fs.open('');
  const coll = genExpr(fs, s.iterable);
  const it = fs.fresh('it');
  fs.pos(s.iterable.range);
  fs.line(`SjIter ${it}; sj_iter_init(&${it}, ${coll.c});`);
  fs.release(coll);
  fs.open(`while (sj_iter_next(&${it}, &${fs.variable(s.variable.declarationId)}))`);
  genBlock(fs, s.body, { loopBody: true, iterator: it });
  fs.close();
  fs.line(`sj_iter_end(&${it});`);
  fs.close();
}

function genRepeat(fs: FunctionState, s: RepeatLoop): void {
  fs.open('');
  const count = genExpr(fs, s.count);
  const n = fs.fresh('n');
  fs.pos(s.count.range);
  fs.line(`int64_t ${n} = sj_repeat_count(${count.c});`);
  fs.release(count);
  fs.open(`for (; ${n} > 0; ${n}--)`);
  genBlock(fs, s.body, { loopBody: true });
  fs.close();
  fs.close();
}

function genReturn(fs: FunctionState, value: Expression | null): void {
  fs.open('');
  if (value) {
    const v = genExpr(fs, value);
    fs.line(fs.store(fs.module.byPointer ? '*sj_r' : 'sj_ret', v));
  } else if (fs.module.byPointer) {
    fs.line('SJG_CLEAR(*sj_r);');
  }
  // Iterators hold a reference to their collection; the exit label does not know them.
  for (const it of fs.activeIterators()) fs.line(`sj_iter_end(&${it});`);
  fs.line('goto sj_exit;');
  fs.close();
}

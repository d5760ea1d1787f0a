// Which top-level variables a function can see. A global that no function reads or writes is
// only ever touched by program(), so it can live there as a C local: gcc then keeps it in a
// register through top-level loops (learners' programs are mostly top-level code), and no
// call can reassign it behind a borrowed read.
import type { Block, Expression, Program, Statement } from '../frontend/ast';

function expr(e: Expression, out: Set<number>): void {
  switch (e.kind) {
    case 'Name': if (e.binding.kind === 'declaration') out.add(e.binding.id); return;
    case 'List': e.elements.forEach((x) => expr(x, out)); return;
    case 'Map': e.entries.forEach((m) => { expr(m.key, out); expr(m.value, out); }); return;
    case 'Unary': expr(e.operand, out); return;
    case 'Binary': case 'Logical': expr(e.left, out); expr(e.right, out); return;
    case 'Call': expr(e.callee, out); e.arguments.forEach((x) => expr(x, out)); return;
    case 'Index': expr(e.object, out); expr(e.index, out); return;
    default: return;
  }
}

function block(b: Block, out: Set<number>): void {
  b.statements.forEach((s) => statement(s, out));
}

function statement(s: Statement, out: Set<number>): void {
  switch (s.kind) {
    case 'VariableDeclaration': expr(s.initializer, out); return;
    case 'Assignment': expr(s.target, out); expr(s.value, out); return;
    case 'IndexAssignment': expr(s.target, out); expr(s.value, out); return;
    case 'If': s.branches.forEach((b) => { expr(b.condition, out); block(b.body, out); }); if (s.elseBody) block(s.elseBody, out); return;
    case 'While': expr(s.condition, out); block(s.body, out); return;
    case 'RangeLoop': expr(s.start, out); expr(s.end, out); if (s.step) expr(s.step, out); block(s.body, out); return;
    case 'EachLoop': expr(s.iterable, out); block(s.body, out); return;
    case 'Repeat': expr(s.count, out); block(s.body, out); return;
    case 'Return': if (s.value) expr(s.value, out); return;
    case 'ExpressionStatement': expr(s.expression, out); return;
    default: return;
  }
}

/** Ids of the globals that some function body mentions (reads, writes or calls). */
export function globalsSeenByFunctions(program: Program): Set<number> {
  const seen = new Set<number>();
  for (const f of program.functions) block(f.body, seen);
  return new Set(program.globals.filter((id) => seen.has(id)));
}

/** Ids assigned anywhere in a block (parameters assigned must be owned copies). */
export function assignedIds(block: Block, out = new Set<number>()): Set<number> {
  const visit = (s: Statement) => {
    switch (s.kind) {
      case 'Assignment':
        if (s.target.binding.kind === 'declaration') out.add(s.target.binding.id);
        break;
      case 'If': s.branches.forEach((b) => assignedIds(b.body, out)); if (s.elseBody) assignedIds(s.elseBody, out); break;
      case 'While': case 'RangeLoop': case 'EachLoop': case 'Repeat': assignedIds(s.body, out); break;
      default: break;
    }
  };
  block.statements.forEach(visit);
  return out;
}

// Which top-level variables a function can see. A global that no function reads or writes is
// only ever touched by program(), so it can live there as a C local: gcc then keeps it in a
// register through top-level loops (learners' programs are mostly top-level code), and no
// call can reassign it behind a borrowed read.
import type { Block, Program } from '../frontend/ast';
import { forEachChild, type Node } from '../frontend/walk';

/** Ids of the declarations `node` and its descendants mention (read, write or call). */
function mentionedIds(node: Node, out: Set<number>): void {
  if (node.kind === 'Name' && node.binding.kind === 'declaration') out.add(node.binding.id);
  forEachChild(node, (child) => mentionedIds(child, out));
}

/** Ids of the globals that some function body mentions (reads, writes or calls). */
export function globalsSeenByFunctions(program: Program): Set<number> {
  const seen = new Set<number>();
  for (const f of program.functions) mentionedIds(f.body, seen);
  return new Set(program.globals.filter((id) => seen.has(id)));
}

/** Ids assigned anywhere in a block (parameters assigned must be owned copies). */
export function assignedIds(block: Block, out = new Set<number>()): Set<number> {
  const visit = (node: Node): void => {
    if (node.kind === 'Assignment' && node.target.binding.kind === 'declaration') out.add(node.target.binding.id);
    forEachChild(node, visit);
  };
  visit(block);
  return out;
}

// How far the compiler got in the source: the phases mark the token, statement or expression
// they are working on, so that a failure inside the compiler (a bug) is reported at the
// position it reached instead of as a stack trace. Compilation is synchronous, so one
// compilation at a time runs on a thread and one variable serves.
import type { Position } from './ast';

const START: Position = { line: 1, column: 1 };
let reached: Position = START;

export function startProgress(): void {
  reached = START;
}

export function markProgress(position: Position): void {
  reached = position;
}

export function progressReached(): Position {
  return reached;
}

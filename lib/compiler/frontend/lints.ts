// Warnings about operations that are certain to fail at run time, visible from literals alone:
// text + number, division by a literal zero, a literal that is not a boolean used as a
// condition. The design makes these runtime errors; the warning shows them while typing.

import type * as ast from './ast';
import { DiagnosticBag, Messages } from './diagnostics';
import { markProgress } from './progress';
import { forEachChild, isStatement, type Node } from './walk';

export function lintProgram(program: ast.Program, diagnostics: DiagnosticBag): void {
  lintNode(program, false, diagnostics);
}

function lintNode(node: Node, isCondition: boolean, diagnostics: DiagnosticBag): void {
  if (isStatement(node)) markProgress(node.range.start);
  if (isCondition && NOT_BOOLEAN.has(node.kind)) diagnostics.report(Messages.conditionNotBoolean, node.range);
  if (node.kind === 'Binary') lintArithmetic(node, diagnostics);
  const conditions = conditionsOf(node);
  forEachChild(node, (child) => lintNode(child, conditions.includes(child), diagnostics));
}

const NOT_BOOLEAN: ReadonlySet<string> = new Set(['Integer', 'Decimal', 'Text', 'Null', 'List', 'Map']);

// A condition (यदि, जबसम्म, and the operands of र, वा, होइन) must be a boolean.
function conditionsOf(node: Node): Node[] {
  switch (node.kind) {
    case 'If':
      return node.branches.map((branch) => branch.condition);
    case 'While':
      return [node.condition];
    case 'Logical':
      return [node.left, node.right];
    case 'Unary':
      return node.operator === 'not' ? [node.operand] : [];
    default:
      return [];
  }
}

function isNumber(e: ast.Expression): boolean {
  return e.kind === 'Integer' || e.kind === 'Decimal';
}

function isZero(e: ast.Expression): boolean {
  return (e.kind === 'Integer' && e.value === 0n) || (e.kind === 'Decimal' && e.value === 0);
}

function lintArithmetic(e: ast.BinaryExpression, diagnostics: DiagnosticBag): void {
  const mixesTextAndNumber =
    (e.left.kind === 'Text' && isNumber(e.right)) || (isNumber(e.left) && e.right.kind === 'Text');
  if (e.operator === '+' && mixesTextAndNumber) diagnostics.report(Messages.textPlusNumber, e.operatorRange);
  const divides = e.operator === '/' || e.operator === '//' || e.operator === '%';
  if (divides && isZero(e.right)) diagnostics.report(Messages.divisionByZero, e.right.range);
}

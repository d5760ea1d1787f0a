// Warnings about operations that are certain to fail at run time, visible from literals alone:
// text + number, division by a literal zero, a literal that is not a boolean used as a
// condition. The design makes these runtime errors; the warning shows them while typing.

import type * as ast from './ast';
import { DiagnosticBag, Messages } from './diagnostics';
import { markProgress } from './progress';

export function lintProgram(program: ast.Program, diagnostics: DiagnosticBag): void {
  for (const statement of program.body.statements) lintStatement(statement, diagnostics);
}

function lintBlock(block: ast.Block, diagnostics: DiagnosticBag): void {
  for (const statement of block.statements) lintStatement(statement, diagnostics);
}

function lintStatement(statement: ast.Statement, diagnostics: DiagnosticBag): void {
  markProgress(statement.range.start);
  switch (statement.kind) {
    case 'VariableDeclaration': return lintExpression(statement.initializer, diagnostics);
    case 'Assignment': return lintExpression(statement.value, diagnostics);
    case 'IndexAssignment':
      lintExpression(statement.target, diagnostics);
      return lintExpression(statement.value, diagnostics);
    case 'If':
      for (const branch of statement.branches) {
        lintCondition(branch.condition, diagnostics);
        lintBlock(branch.body, diagnostics);
      }
      return statement.elseBody ? lintBlock(statement.elseBody, diagnostics) : undefined;
    case 'While':
      lintCondition(statement.condition, diagnostics);
      return lintBlock(statement.body, diagnostics);
    case 'RangeLoop':
      lintExpression(statement.start, diagnostics);
      lintExpression(statement.end, diagnostics);
      if (statement.step) lintExpression(statement.step, diagnostics);
      return lintBlock(statement.body, diagnostics);
    case 'EachLoop':
      lintExpression(statement.iterable, diagnostics);
      return lintBlock(statement.body, diagnostics);
    case 'Repeat':
      lintExpression(statement.count, diagnostics);
      return lintBlock(statement.body, diagnostics);
    case 'FunctionDeclaration': return lintBlock(statement.body, diagnostics);
    case 'Return': return statement.value ? lintExpression(statement.value, diagnostics) : undefined;
    case 'ExpressionStatement': return lintExpression(statement.expression, diagnostics);
    default: return;
  }
}

function lintExpression(expression: ast.Expression, diagnostics: DiagnosticBag): void {
  switch (expression.kind) {
    case 'Binary':
      lintArithmetic(expression, diagnostics);
      lintExpression(expression.left, diagnostics);
      return lintExpression(expression.right, diagnostics);
    case 'Logical':
      lintCondition(expression.left, diagnostics);
      return lintCondition(expression.right, diagnostics);
    case 'Unary':
      if (expression.operator === 'not') return lintCondition(expression.operand, diagnostics);
      return lintExpression(expression.operand, diagnostics);
    case 'Call':
      lintExpression(expression.callee, diagnostics);
      for (const argument of expression.arguments) lintExpression(argument, diagnostics);
      return;
    case 'Index':
      lintExpression(expression.object, diagnostics);
      return lintExpression(expression.index, diagnostics);
    case 'List':
      for (const element of expression.elements) lintExpression(element, diagnostics);
      return;
    case 'Map':
      for (const entry of expression.entries) {
        lintExpression(entry.key, diagnostics);
        lintExpression(entry.value, diagnostics);
      }
      return;
    default: return;
  }
}

const NOT_BOOLEAN: ReadonlySet<string> = new Set(['Integer', 'Decimal', 'Text', 'Null', 'List', 'Map']);

// A condition (यदि, जबसम्म, and the operands of र, वा, होइन) must be a boolean.
function lintCondition(condition: ast.Expression, diagnostics: DiagnosticBag): void {
  if (NOT_BOOLEAN.has(condition.kind)) diagnostics.report(Messages.conditionNotBoolean, condition.range);
  lintExpression(condition, diagnostics);
}

function isNumber(e: ast.Expression): boolean {
  return e.kind === 'Integer' || e.kind === 'Decimal';
}

function isZero(e: ast.Expression): boolean {
  return (e.kind === 'Integer' && e.value === 0n) || (e.kind === 'Decimal' && e.value === 0);
}

function lintArithmetic(e: ast.BinaryExpression, diagnostics: DiagnosticBag): void {
  const mixesTextAndNumber = (e.left.kind === 'Text' && isNumber(e.right)) || (isNumber(e.left) && e.right.kind === 'Text');
  if (e.operator === '+' && mixesTextAndNumber) diagnostics.report(Messages.textPlusNumber, e.operatorRange);
  const divides = e.operator === '/' || e.operator === '//' || e.operator === '%';
  if (divides && isZero(e.right)) diagnostics.report(Messages.divisionByZero, e.right.range);
}

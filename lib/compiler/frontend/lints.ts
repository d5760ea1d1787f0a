// Warnings about operations that are certain to fail at run time, visible from literals alone:
// text + number, division by a literal zero, a literal that is not a boolean used as a
// condition. The design makes these runtime errors; the warning shows them while typing.

import type * as ast from './ast';
import { DiagnosticBag, Messages } from './diagnostics';

export function lintProgram(program: ast.Program, diagnostics: DiagnosticBag): void {
  for (const statement of program.body.statements) lintStatement(statement, diagnostics);
}

function lintBlock(block: ast.Block, diagnostics: DiagnosticBag): void {
  for (const statement of block.statements) lintStatement(statement, diagnostics);
}

function lintStatement(statement: ast.Statement, diagnostics: DiagnosticBag): void {
  const expression = (e: ast.Expression | null) => e && lintExpression(e, diagnostics);
  const condition = (e: ast.Expression) => lintCondition(e, diagnostics);
  switch (statement.kind) {
    case 'VariableDeclaration': return void expression(statement.initializer);
    case 'Assignment': return void expression(statement.value);
    case 'IndexAssignment':
      expression(statement.target);
      return void expression(statement.value);
    case 'If':
      for (const branch of statement.branches) {
        condition(branch.condition);
        lintBlock(branch.body, diagnostics);
      }
      return statement.elseBody ? lintBlock(statement.elseBody, diagnostics) : undefined;
    case 'While':
      condition(statement.condition);
      return lintBlock(statement.body, diagnostics);
    case 'RangeLoop':
      [statement.start, statement.end, statement.step].forEach(expression);
      return lintBlock(statement.body, diagnostics);
    case 'EachLoop':
      expression(statement.iterable);
      return lintBlock(statement.body, diagnostics);
    case 'Repeat':
      expression(statement.count);
      return lintBlock(statement.body, diagnostics);
    case 'FunctionDeclaration': return lintBlock(statement.body, diagnostics);
    case 'Return': return void expression(statement.value);
    case 'ExpressionStatement': return void expression(statement.expression);
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
      return expression.arguments.forEach((argument) => lintExpression(argument, diagnostics));
    case 'Index':
      lintExpression(expression.object, diagnostics);
      return lintExpression(expression.index, diagnostics);
    case 'List': return expression.elements.forEach((element) => lintExpression(element, diagnostics));
    case 'Map':
      return expression.entries.forEach((entry) => {
        lintExpression(entry.key, diagnostics);
        lintExpression(entry.value, diagnostics);
      });
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

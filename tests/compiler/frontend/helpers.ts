// Shared helpers for the front-end tests.
import { compileFrontEnd } from '@/lib/compiler/frontend';
import type { Expression, Program, Statement } from '@/lib/compiler/frontend/ast';

export function parseOk(source: string): Program {
  const { program, diagnostics } = compileFrontEnd(source);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!program || errors.length > 0) throw new Error(`unexpected errors: ${JSON.stringify(errors)}`);
  return program;
}

export function errorCodes(source: string): string[] {
  return compileFrontEnd(source)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.code);
}

// The expression of `देखाउ(<source>)`, as a parenthesised prefix form.
// `prelude` declares the names the expression uses.
export function shape(expressionSource: string, prelude = ''): string {
  const program = parseOk(`${prelude}\nदेखाउ(${expressionSource})`);
  const statements = program.body.statements;
  const statement = statements[statements.length - 1] as Statement & { kind: 'ExpressionStatement' };
  const call = statement.expression as Expression & { kind: 'Call' };
  return show(call.arguments[0]);
}

export function show(e: Expression): string {
  switch (e.kind) {
    case 'Integer':
      return e.value.toString();
    case 'Decimal':
      return e.text;
    case 'Text':
      return JSON.stringify(e.value);
    case 'Boolean':
      return e.value ? 'true' : 'false';
    case 'Null':
      return 'null';
    case 'Name':
      return e.name;
    case 'List':
      return `[${e.elements.map(show).join(' ')}]`;
    case 'Map':
      return `{${e.entries.map((en) => `${show(en.key)}:${show(en.value)}`).join(' ')}}`;
    case 'Unary':
      return `(${e.operator} ${show(e.operand)})`;
    case 'Binary':
    case 'Logical':
      return `(${e.operator} ${show(e.left)} ${show(e.right)})`;
    case 'Call':
      return `(call ${show(e.callee)}${e.arguments.map((a) => ' ' + show(a)).join('')})`;
    case 'Index':
      return `(index ${show(e.object)} ${show(e.index)})`;
    case 'Error':
      return '<error>';
  }
}

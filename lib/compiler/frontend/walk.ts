// The one place that knows which nodes a node holds, as the TypeScript compiler's
// `forEachChild`: every pass that walks the tree (checker, lints, the back end's usage
// analysis) recurses through here, so a new node kind is taught to all of them at once.
// Browser-safe.
import type * as ast from './ast';

/** Every node of the tree: what `forEachChild` visits. */
export type Node = ast.Program | ast.Block | ast.Statement | ast.Expression | ast.DeclaredName;
export type NodeKind = Node['kind'];

/**
 * Calls `visit` on each child of `node`, in source order (a pass that needs another order,
 * such as the checker evaluating an initializer before declaring its name, handles that node
 * itself). Stops at the first child for which `visit` returns a value other than `undefined`,
 * and returns that value (as TypeScript's `forEachChild`).
 */
export function forEachChild<T>(node: Node, visit: (child: Node) => T | undefined): T | undefined {
  switch (node.kind) {
    case 'Program':
      return visit(node.body);
    case 'Block':
      return each(node.statements, visit);
    case 'VariableDeclaration':
      return visit(node.name) ?? visit(node.initializer);
    case 'Assignment':
    case 'IndexAssignment':
      return visit(node.target) ?? visit(node.value);
    case 'If':
      return ifChildren(node, visit);
    case 'While':
      return visit(node.condition) ?? visit(node.body);
    case 'RangeLoop':
      return (
        visit(node.variable) ?? visit(node.start) ?? visit(node.end) ?? optional(node.step, visit) ?? visit(node.body)
      );
    case 'EachLoop':
      return visit(node.variable) ?? visit(node.iterable) ?? visit(node.body);
    case 'Repeat':
      return visit(node.count) ?? visit(node.body);
    case 'FunctionDeclaration':
      return visit(node.name) ?? each(node.parameters, visit) ?? visit(node.body);
    case 'Return':
      return optional(node.value, visit);
    case 'ExpressionStatement':
      return visit(node.expression);
    case 'List':
      return each(node.elements, visit);
    case 'Map':
      return mapChildren(node, visit);
    case 'Unary':
      return visit(node.operand);
    case 'Binary':
    case 'Logical':
      return visit(node.left) ?? visit(node.right);
    case 'Call':
      return visit(node.callee) ?? each(node.arguments, visit);
    case 'Index':
      return visit(node.object) ?? visit(node.index);
    case 'Break':
    case 'Continue':
    case 'Integer':
    case 'Decimal':
    case 'Text':
    case 'Boolean':
    case 'Null':
    case 'Name':
    case 'Error':
    case 'DeclaredName':
      return undefined;
    default:
      return unhandled(node);
  }
}

function each<T>(nodes: readonly Node[], visit: (child: Node) => T | undefined): T | undefined {
  for (const node of nodes) {
    const result = visit(node);
    if (result !== undefined) return result;
  }
  return undefined;
}

function optional<T>(node: Node | null, visit: (child: Node) => T | undefined): T | undefined {
  return node ? visit(node) : undefined;
}

function ifChildren<T>(node: ast.IfStatement, visit: (child: Node) => T | undefined): T | undefined {
  for (const branch of node.branches) {
    const result = visit(branch.condition) ?? visit(branch.body);
    if (result !== undefined) return result;
  }
  return optional(node.elseBody, visit);
}

function mapChildren<T>(node: ast.MapLiteral, visit: (child: Node) => T | undefined): T | undefined {
  for (const entry of node.entries) {
    const result = visit(entry.key) ?? visit(entry.value);
    if (result !== undefined) return result;
  }
  return undefined;
}

// A node kind added to the tree but not to the switch above makes `node` not `never` here,
// and the build fails.
function unhandled(node: never): never {
  throw new Error(`forEachChild: unknown node kind ${(node as { kind: string }).kind}`);
}

const STATEMENT_KINDS: Record<ast.Statement['kind'], true> = {
  VariableDeclaration: true,
  Assignment: true,
  IndexAssignment: true,
  If: true,
  While: true,
  RangeLoop: true,
  EachLoop: true,
  Repeat: true,
  FunctionDeclaration: true,
  Return: true,
  Break: true,
  Continue: true,
  ExpressionStatement: true,
};

const EXPRESSION_KINDS: Record<ast.Expression['kind'], true> = {
  Integer: true,
  Decimal: true,
  Text: true,
  Boolean: true,
  Null: true,
  List: true,
  Map: true,
  Name: true,
  Unary: true,
  Binary: true,
  Logical: true,
  Call: true,
  Index: true,
  Error: true,
};

export function isStatement(node: Node): node is ast.Statement {
  return node.kind in STATEMENT_KINDS;
}

export function isExpression(node: Node): node is ast.Expression {
  return node.kind in EXPRESSION_KINDS;
}

// forEachChild must reach every node a node holds: the passes that recurse through it (checker,
// lints, the back end's usage analysis) would otherwise skip part of the program silently.
import { describe, expect, it } from 'vitest';
import { analyseFrontEnd } from '@/lib/compiler/frontend';
import { forEachChild, isExpression, isStatement, type Node, type NodeKind } from '@/lib/compiler/frontend/walk';
import { parseOk } from './helpers';

// Typed as a record so that a node kind added to the tree must be listed here to compile.
const NODE_KINDS: Record<NodeKind, true> = {
  Program: true,
  Block: true,
  DeclaredName: true,
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

function isNode(value: unknown): value is Node {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, range } = value as { kind?: unknown; range?: unknown };
  return typeof kind === 'string' && Object.hasOwn(NODE_KINDS, kind) && range !== undefined;
}

// The nodes `node` holds, found by looking at every property rather than by knowing the shapes.
// `Program.functions` only indexes declarations that its body holds.
function nodesHeldBy(node: Node): Node[] {
  const found: Node[] = [];
  const seen = new Set<object>();
  const search = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (value !== node && isNode(value)) {
      found.push(value);
      return;
    }
    for (const [key, property] of Object.entries(value)) {
      if (!(value === node && node.kind === 'Program' && key === 'functions')) search(property);
    }
  };
  search(node);
  return found;
}

function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  forEachChild(node, (child) => {
    children.push(child);
  });
  return children;
}

function allNodes(root: Node): Node[] {
  const nodes = [root];
  for (let i = 0; i < nodes.length; i++) nodes.push(...nodesHeldBy(nodes[i]));
  return nodes;
}

const EVERY_CONSTRUCT = [
  'राख क = १',
  'स्थिर ख = २.५',
  'क = ३',
  'राख ल = [१, "पाठ", सत्य, खाली]',
  'ल[०] = {"क": -क}',
  'यदि क > १ र होइन असत्य भने',
  'देखाउ(ल[१])',
  'नत्र यदि क > २ भने',
  'देखाउ(२)',
  'नत्र',
  'देखाउ(३)',
  'अन्त्य',
  'जबसम्म असत्य',
  'रोक',
  'अन्त्य',
  'हरेक i = १० देखि १ सम्म कदम -१',
  'जारी',
  'अन्त्य',
  'हरेक x ल मा',
  'देखाउ(x, ख)',
  'अन्त्य',
  'दोहोर्याउ ३ पटक',
  'अन्त्य',
  'कार्य f(a, b)',
  'फर्काउ a + b',
  'अन्त्य',
  'f(१, २)',
].join('\n');

describe('forEachChild', () => {
  const clean = parseOk(EVERY_CONSTRUCT);
  const broken = analyseFrontEnd('यदि + भने\nअन्त्य').tree;
  const nodes = [...allNodes(clean), ...allNodes(broken)];

  it('is exercised here on every node kind', () => {
    expect(new Set(nodes.map((node) => node.kind))).toEqual(new Set(Object.keys(NODE_KINDS)));
  });

  it('visits exactly the nodes each node holds, each once', () => {
    for (const node of nodes) {
      const children = childrenOf(node);
      const held = nodesHeldBy(node);
      expect(new Set(children).size, node.kind).toBe(children.length);
      expect(children.length, node.kind).toBe(held.length);
      for (const child of held) expect(children.includes(child), `${node.kind} → ${child.kind}`).toBe(true);
    }
  });

  it('visits children in source order', () => {
    const after = (a: Node, b: Node) =>
      a.range.start.line > b.range.start.line ||
      (a.range.start.line === b.range.start.line && a.range.start.column >= b.range.start.column);
    for (const node of nodes) {
      const children = childrenOf(node);
      for (let i = 1; i < children.length; i++) expect(after(children[i], children[i - 1]), node.kind).toBe(true);
    }
  });

  it('stops at the first child for which the visitor returns a value', () => {
    const statements = clean.body.statements;
    const visited: Node[] = [];
    const found = forEachChild(clean.body, (child) => {
      visited.push(child);
      return child.kind === 'Assignment' ? child : undefined;
    });
    expect(found).toBe(statements[2]);
    expect(visited).toEqual(statements.slice(0, 3));
  });

  it('tells statements (what blocks hold) from expressions', () => {
    const statements = new Set<Node>(nodes.flatMap((node) => (node.kind === 'Block' ? node.statements : [])));
    for (const node of nodes) {
      const expected = statements.has(node)
        ? 'statement'
        : ['Program', 'Block', 'DeclaredName'].includes(node.kind)
          ? 'neither'
          : 'expression';
      const sorted = isStatement(node)
        ? isExpression(node)
          ? 'both'
          : 'statement'
        : isExpression(node)
          ? 'expression'
          : 'neither';
      expect(sorted, node.kind).toBe(expected);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { check } from '@/lib/compiler';
import { compileFrontEnd } from '@/lib/compiler/frontend';
import type {
  CallExpression,
  ExpressionStatement,
  FunctionDeclaration,
  NameExpression,
  Program,
  VariableDeclaration,
} from '@/lib/compiler/frontend/ast';
import { errorCodes, parseOk } from './helpers';

function declarationNamed(program: Program, name: string) {
  const found = program.declarations.filter((d) => d.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

// Nodes in source order, each once (Program.functions repeats the function nodes of the body).
function nodesWhere<T>(program: Program, test: (node: { kind?: string; [key: string]: unknown }) => boolean): T[] {
  const found = new Set<T>();
  JSON.stringify(program.body, (_, value) => {
    if (value && typeof value === 'object' && test(value)) found.add(value);
    return typeof value === 'bigint' ? value.toString() : value;
  });
  return [...found];
}

function findNames(program: Program, name: string): NameExpression[] {
  return nodesWhere(program, (n) => n.kind === 'Name' && n.name === name);
}

describe('checker: scopes', () => {
  it('lets an inner block shadow and restores the outer name after it', () => {
    const program = parseOk('राख क = १\nयदि सत्य भने\n  राख क = "भित्र"\n  देखाउ(क)\nअन्त्य\nदेखाउ(क)');
    const [inner, outer] = findNames(program, 'क').map((n) => n.binding);
    const ids = program.declarations.filter((d) => d.name === 'क').map((d) => d.id);
    expect(inner).toEqual({ kind: 'declaration', id: ids[1] });
    expect(outer).toEqual({ kind: 'declaration', id: ids[0] });
  });

  it('forgets a block variable after its block', () => {
    expect(errorCodes('यदि सत्य भने\n  राख क = १\n  देखाउ(क)\nअन्त्य\nदेखाउ(क)')).toEqual(['E2001']);
  });

  it('gives a loop its own variable, unknown after the loop', () => {
    expect(errorCodes('हरेक i = १ देखि ३ सम्म\n  देखाउ(i)\nअन्त्य\nदेखाउ(i)')).toEqual(['E2001']);
    expect(errorCodes('हरेक i = १ देखि ३ सम्म\n  राख i = २\n  देखाउ(i)\nअन्त्य')).toEqual(['E2004']);
  });

  it('lets functions be called before their definition, and recurse', () => {
    const program = parseOk(
      'देखाउ(तथ्य(५))\nकार्य तथ्य(n)\n  यदि n <= १ भने\n    फर्काउ १\n  अन्त्य\n  फर्काउ n * तथ्य(n - १)\nअन्त्य',
    );
    const fn = declarationNamed(program, 'तथ्य');
    const calls = nodesWhere<CallExpression>(
      program,
      (n) => n.kind === 'Call' && (n.callee as NameExpression).name === 'तथ्य',
    );
    expect(calls.map((c) => c.target)).toEqual([
      { kind: 'function', id: fn.id },
      { kind: 'function', id: fn.id },
    ]);
  });

  it('shows a function every top-level variable, even one declared after it', () => {
    const program = parseOk('कार्य f()\n  देखाउ(ग)\nअन्त्य\nराख ग = १\nf()');
    const [use] = findNames(program, 'ग');
    expect(use.binding).toEqual({ kind: 'declaration', id: declarationNamed(program, 'ग').id });
    expect(use.mayBeUninitialised).toBe(true);
  });

  it('does not show a function the variables of top-level blocks', () => {
    expect(errorCodes('यदि सत्य भने\n  राख क = १\n  देखाउ(क)\nअन्त्य\nकार्य f()\n  देखाउ(क)\nअन्त्य')).toEqual(['E2001']);
  });

  it('does not show a function the locals of another function', () => {
    expect(errorCodes('कार्य f()\n  राख क = १\n  फर्काउ क\nअन्त्य\nकार्य g()\n  फर्काउ क\nअन्त्य')).toEqual(['E2001']);
  });

  it('lets a function assign a global, and reports a constant or function as target', () => {
    expect(errorCodes('राख क = १\nकार्य f()\n  क = २\nअन्त्य\nf()\nदेखाउ(क)')).toEqual([]);
    expect(errorCodes('स्थिर क = १\nकार्य f()\n  क = २\nअन्त्य\nf()\nदेखाउ(क)')).toEqual(['E2005']);
  });

  it('declares a variable after its value, so राख क = क uses the outer क', () => {
    const program = parseOk('राख क = १\nयदि सत्य भने\n  राख क = क + १\n  देखाउ(क)\nअन्त्य');
    const [inInitializer] = findNames(program, 'क');
    expect(inInitializer.binding).toEqual({ kind: 'declaration', id: program.declarations[0].id });
    expect(errorCodes('राख क = क')).toEqual(['E2012']);
  });

  it('reports a redeclaration in one block but not a parameter shadowed in a nested block', () => {
    expect(errorCodes('कार्य f(क)\n  राख क = १\nअन्त्य')).toEqual(['E2004']);
    expect(errorCodes('कार्य f(क)\n  यदि सत्य भने\n    राख क = १\n    देखाउ(क)\n  अन्त्य\nअन्त्य')).toEqual([]);
    expect(errorCodes('कार्य f()\nअन्त्य\nकार्य f()\nअन्त्य')).toEqual(['E2004']);
  });
});

describe('checker: calls, loops and functions', () => {
  it('checks arity of known functions and builtins, not of calls through values', () => {
    expect(errorCodes('कार्य f(a, b)\n  फर्काउ a\nअन्त्य\nf(१)\nf(१, २, ३)')).toEqual(['E2007', 'E2007']);
    expect(errorCodes('पढ(१)\nटुक्रा("क", १)\nदेखाउ()\nअधिकतम(१, २, ३, ४)')).toEqual(['E2007', 'E2007']);
    expect(errorCodes('कार्य f(a)\n  फर्काउ a\nअन्त्य\nराख g = f\ng(१, २)')).toEqual([]);
  });

  it('marks functions used as values and calls through variables as dynamic', () => {
    const program = parseOk('कार्य f(a)\n  फर्काउ a\nअन्त्य\nकार्य h()\nअन्त्य\nराख g = f\nदेखाउ(g(१))\nh()');
    const [f, h] = program.functions;
    expect(f.usedAsValue).toBe(true);
    expect(h.usedAsValue).toBe(false);
    const print = (program.body.statements[3] as ExpressionStatement).expression as CallExpression;
    expect((print.arguments[0] as CallExpression).target).toEqual({ kind: 'dynamic' });
    expect(print.target).toEqual({ kind: 'builtin', name: 'देखाउ' });
  });

  it('accepts a builtin as a value, resolved to the builtin; its name still cannot be assigned to', () => {
    const source = 'राख f = लम्बाइ\nदेखाउ(f("नमस्ते"), देखाउ, [अधिकतम])\nकार्य g(h)\n  फर्काउ h(सङ्ख्या)\nअन्त्य\nदेखाउ(g(पाठ))';
    const { diagnostics } = compileFrontEnd(source);
    expect(diagnostics).toEqual([]);
    const program = parseOk(source);
    expect(findNames(program, 'लम्बाइ').map((n) => n.binding)).toEqual([{ kind: 'builtin', name: 'लम्बाइ' }]);
    expect(findNames(program, 'सङ्ख्या').map((n) => n.binding)).toEqual([{ kind: 'builtin', name: 'संख्या' }]);
    const print = (program.body.statements[1] as ExpressionStatement).expression as CallExpression;
    expect((print.arguments[0] as CallExpression).target).toEqual({ kind: 'dynamic' });
    expect(errorCodes('लम्बाइ = देखाउ')).toEqual(['E2014']);
    expect(errorCodes('राख f = लम्बाइ\nf(१, २)')).toEqual([]); // checked when it runs
  });

  it('allows रोक and जारी in every kind of loop, nested in if, not in a function inside nothing', () => {
    for (const loop of ['जबसम्म सत्य', 'दोहोर्याउ २ पटक', 'हरेक i = १ देखि २ सम्म', 'हरेक x [१] मा']) {
      expect(errorCodes(`${loop}\n  यदि सत्य भने\n    रोक\n  नत्र\n    जारी\n  अन्त्य\nअन्त्य`), loop).toEqual([]);
    }
    expect(errorCodes('जबसम्म सत्य\n  रोक\nअन्त्य\nकार्य f()\n  रोक\nअन्त्य')).toEqual(['E2008']);
  });

  it('allows फर्काउ anywhere inside a function, with or without a value', () => {
    expect(errorCodes('कार्य f()\n  जबसम्म सत्य\n    फर्काउ\n  अन्त्य\n  फर्काउ १\nअन्त्य')).toEqual([]);
  });
});

describe('checker: what the back end reads', () => {
  const program = () =>
    parseOk(
      [
        'राख ग = १',
        'स्थिर प = २',
        'कार्य f(a, b)',
        '  राख l = a',
        '  हरेक i = १ देखि b सम्म',
        '    स्थिर c = i',
        '    देखाउ(c, l, ग, प)',
        '  अन्त्य',
        'अन्त्य',
        'यदि सत्य भने',
        '  राख m = f(१, २)',
        '  देखाउ(m)',
        'अन्त्य',
      ].join('\n'),
    );

  it('gives every declaration a dense id, a kind and where it lives', () => {
    const p = program();
    expect(p.declarations.map((d) => d.id)).toEqual(p.declarations.map((_, i) => i));
    const summary = Object.fromEntries(p.declarations.map((d) => [d.name, [d.kind, d.isGlobal, d.ownerFunction]]));
    const f = declarationNamed(p, 'f').id;
    expect(summary).toEqual({
      ग: ['globalVariable', true, null],
      प: ['constant', true, null],
      f: ['function', true, null],
      a: ['parameter', false, f],
      b: ['parameter', false, f],
      l: ['localVariable', false, f],
      i: ['loopVariable', false, f],
      c: ['constant', false, f],
      m: ['localVariable', false, null],
    });
  });

  it('lists globals, functions, function locals and main locals', () => {
    const p = program();
    const id = (name: string) => declarationNamed(p, name).id;
    expect(p.globals).toEqual([id('ग'), id('प')]);
    expect(p.functions.map((fn) => fn.name.declarationId)).toEqual([id('f')]);
    expect(p.functions[0].locals).toEqual([id('l'), id('i'), id('c')]);
    expect(p.mainLocals).toEqual([id('m')]);
    const fn = p.body.statements[2] as FunctionDeclaration;
    expect(fn.body.declarations).toEqual([id('a'), id('b'), id('l')]);
    expect((fn.body.statements[1] as { body: { declarations: number[] } }).body.declarations).toEqual([
      id('i'),
      id('c'),
    ]);
  });

  it('flags only reads of globals inside functions as maybe uninitialised', () => {
    const p = program();
    expect(findNames(p, 'ग').map((n) => n.mayBeUninitialised)).toEqual([true]);
    expect(findNames(p, 'l').map((n) => n.mayBeUninitialised)).toEqual([false]);
    const top = parseOk('राख ग = १\nदेखाउ(ग)');
    expect(findNames(top, 'ग')[0].mayBeUninitialised).toBe(false);
  });

  it('hands out no program when there is an error, but does with warnings', () => {
    expect(parseOk('राख अप्रयुक्त = १').declarations).toHaveLength(1);
    expect(check('राख अप्रयुक्त = १').map((d) => d.severity)).toEqual(['warning']);
    expect(errorCodes('देखाउ(x)')).toEqual(['E2001']);
  });

  it('keeps the name as written for messages but compares by key', () => {
    const p = parseOk('राख कुञ्जी = १\nदेखाउ(कुंजी)');
    const declaration = (p.body.statements[0] as VariableDeclaration).name;
    expect(declaration.name).toBe('कुञ्जी');
    expect(findNames(p, 'कुंजी')[0].binding).toEqual({ kind: 'declaration', id: declaration.declarationId });
  });
});

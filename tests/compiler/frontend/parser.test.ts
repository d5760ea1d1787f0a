import { describe, expect, it } from 'vitest';
import { check } from '@/lib/compiler';
import { analyseFrontEnd } from '@/lib/compiler/frontend';
import type { IfStatement, RangeLoop, FunctionDeclaration, Statement } from '@/lib/compiler/frontend/ast';
import { errorCodes, parseOk, shape } from './helpers';

describe('parser: precedence (reference §4)', () => {
  it.each([
    ['-२ ** २', '(- (** 2 2))'],
    ['२ ** ३ ** २', '(** 2 (** 3 2))'],
    ['२ ** -१', '(** 2 (- 1))'],
    ['१ + २ * ३', '(+ 1 (* 2 3))'],
    ['१ - २ - ३', '(- (- 1 2) 3)'],
    ['७ // २ % ३ * ४ / ५', '(/ (* (% (// 7 2) 3) 4) 5)'],
    ['-क * ख', '(* (- क) ख)'],
    ['क + ख == ग * घ', '(== (+ क ख) (* ग घ))'],
    ['होइन क == ख', '(not (== क ख))'],
    ['क र ख वा ग', '(or (and क ख) ग)'],
    ['क वा ख र ग', '(or क (and ख ग))'],
    ['होइन क र ख', '(and (not क) ख)'],
    ['(क + ख) * ग', '(* (+ क ख) ग)'],
    ['f(१)(२)[३]', '(index (call (call f 1) 2) 3)'],
    ['-f(१)[२] ** २', '(- (** (index (call f 1) 2) 2))'],
  ])('%s parses as %s', (source, expected) => {
    const prelude = 'राख क = १; राख ख = १; राख ग = १; राख घ = १\nकार्य f(x)\n  फर्काउ f\nअन्त्य';
    expect(shape(source, prelude)).toBe(expected);
  });

  it('parses literals of every kind', () => {
    expect(shape('[१, "क", सत्य, असत्य, खाली, २.५, {"क": [१], २: {}},]')).toBe(
      '[1 "क" true false null 2.5 {"क":[1] 2:{}}]',
    );
  });

  it('rejects chained comparisons of every operator pair', () => {
    for (const [a, b] of [
      ['<', '<'],
      ['==', '=='],
      ['<=', '!='],
      ['>', '>='],
    ]) {
      expect(errorCodes(`देखाउ(१ ${a} २ ${b} ३)`)).toEqual(['E1104']);
    }
  });
});

describe('parser: statements', () => {
  it('builds every statement kind with its parts', () => {
    const program = parseOk(
      [
        'राख क = १',
        'स्थिर ख = २',
        'क = ३',
        'राख ल = [१]',
        'ल[०] = ४',
        'यदि क > १ भने',
        'देखाउ(१)',
        'नत्र यदि क > २ भने',
        'देखाउ(२)',
        'नत्र यदि सत्य भने',
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
        'कार्य f(a, b,)',
        'फर्काउ',
        'अन्त्य',
        'f(१, २)',
      ].join('\n'),
    );
    const kinds = program.body.statements.map((s) => s.kind);
    expect(kinds).toEqual([
      'VariableDeclaration',
      'VariableDeclaration',
      'Assignment',
      'VariableDeclaration',
      'IndexAssignment',
      'If',
      'While',
      'RangeLoop',
      'EachLoop',
      'Repeat',
      'FunctionDeclaration',
      'ExpressionStatement',
    ]);
    const ifStatement = program.body.statements[5] as IfStatement;
    expect(ifStatement.branches).toHaveLength(3);
    expect(ifStatement.elseBody?.statements).toHaveLength(1);
    const range = program.body.statements[7] as RangeLoop;
    expect(range.step?.kind).toBe('Unary');
    const fn = program.body.statements[10] as FunctionDeclaration;
    expect(fn.parameters.map((p) => p.name)).toEqual(['a', 'b']);
    expect((fn.body.statements[0] as Statement & { kind: 'Return' }).value).toBeNull();
  });

  it('allows ; between statements and newlines inside brackets', () => {
    const program = parseOk('राख क = [१,\n  २,\n]; देखाउ(क,\n  क); देखाउ({\n"क": १\n})');
    expect(program.body.statements).toHaveLength(3);
  });

  it('accepts a block written on one line', () => {
    const program = parseOk('यदि सत्य भने देखाउ(१) अन्त्य; दोहोर्याउ २ पटक; देखाउ(२); अन्त्य');
    expect(program.body.statements.map((s) => s.kind)).toEqual(['If', 'Repeat']);
  });

  it('records source ranges of statements and expressions', () => {
    const program = parseOk('राख क = १\n  देखाउ(क + १)');
    const call = program.body.statements[1];
    expect(call.range).toEqual({ start: { line: 2, column: 3 }, end: { line: 2, column: 15 } });
  });

  it('takes a particle glued to the name before it and goes on', () => {
    const source = 'राख सूची = [१]\nहरेक x सूचीमा\n  देखाउ(x)\nअन्त्य\nराख क = १\nहरेक i = कदेखि ३सम्म\n  देखाउ(i)\nअन्त्य';
    const diagnostics = check(source);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['E1108', 2, 8],
      ['E1108', 6, 10],
    ]);
  });

  it('reports "=" in a condition once', () => {
    expect(errorCodes('राख क = १\nजबसम्म क = १\n  रोक\nअन्त्य')).toEqual(['E1111']);
  });
});

describe('parser: recovery', () => {
  it('reports several independent errors in one pass', () => {
    const diagnostics = check('राख क = \nदेखाउ(क\nराख ख = १ +\nदेखाउ(ख)))\n');
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['E1101', 1, 9],
      ['E1110', 2, 6],
      ['E1101', 3, 12],
      ['E1106', 4, 9],
    ]);
  });

  it('keeps a block paired with its अन्त्य when its header is broken', () => {
    const source = 'यदि (१ + भने\n  देखाउ(१)\nअन्त्य\nदेखाउ(२)';
    expect(check(source).map((d) => d.code)).toEqual(['E1101']);
  });

  it('reports an unclosed block at its opening keyword, once', () => {
    const source = 'देखाउ(१)\nजबसम्म सत्य\n  यदि सत्य भने\n    रोक\n  अन्त्य\n';
    expect(check(source).map((d) => [d.code, d.line, d.column])).toEqual([['E1103', 2, 1]]);
  });

  it('blames the block whose अन्त्य went missing, using indentation', () => {
    const source = 'कार्य f()\n    यदि सत्य भने\n        देखाउ(१)\nअन्त्य\nf()\n';
    expect(check(source).map((d) => [d.code, d.line, d.column])).toEqual([['E1103', 2, 5]]);
  });

  it('does not call a function nested because of a missing अन्त्य "nested"', () => {
    const source = 'कार्य f()\n  देखाउ(१)\nकार्य g()\n  देखाउ(२)\nअन्त्य\n';
    expect(check(source).map((d) => [d.code, d.line])).toEqual([['E1103', 1]]);
  });

  it('reports a stray नत्र and अन्त्य', () => {
    expect(errorCodes('नत्र\nजबसम्म सत्य\n  नत्र\nअन्त्य\nअन्त्य')).toEqual(['E1107', 'E1107', 'E1107']);
  });

  it('reads romanised keywords as the Devanagari ones after reporting them', () => {
    const diagnostics = check('yadi सत्य bhane\n  देखाउ(१)\nantya');
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['E1109', 1, 1],
      ['E1109', 1, 11],
      ['E1109', 3, 1],
    ]);
  });
});

describe('parser: statement ends', () => {
  it('wants a statement end after अन्त्य even when the block recovered inside', () => {
    const diagnostics = check('यदि सत्य भने\n  देखाउ(१ +)\nअन्त्य देखाउ(२)');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['E1101', 2],
      ['E1106', 3],
    ]);
  });
});

describe('parser: nesting limits', () => {
  it('parses nesting up to the limits', () => {
    expect(errorCodes(`देखाउ(${'('.repeat(150)}१${')'.repeat(150)})`)).toEqual([]);
    expect(errorCodes(`देखाउ(${Array(150).fill('१').join(' + ')})`)).toEqual([]);
    // A left-associative chain is not nesting: 999 operators in a row parse and check.
    expect(errorCodes(`देखाउ(${Array(1000).fill('१').join(' + ')})`)).toEqual([]);
    expect(errorCodes(`देखाउ(${Array(1000).fill('सत्य').join(' र ')})`)).toEqual([]);
    expect(errorCodes(`देखाउ(${Array(500).fill('२ * ३').join(' - ')})`)).toEqual([]);
    expect(errorCodes(`${'यदि सत्य भने\n'.repeat(90)}देखाउ(१)\n${'अन्त्य\n'.repeat(90)}`)).toEqual([]);
  });

  it('reports absurd nesting once instead of running out of stack', () => {
    const cases = [
      `देखाउ(${'-'.repeat(10000)}१)`,
      `देखाउ(${'होइन '.repeat(10000)}सत्य)`,
      `देखाउ(२${' ** २'.repeat(10000)})`,
      `देखाउ(${'['.repeat(10000)}${']'.repeat(10000)})`,
      `${'यदि सत्य भने\n'.repeat(10000)}${'अन्त्य\n'.repeat(10000)}देखाउ(१)`,
    ];
    for (const source of cases) expect(errorCodes(source)).toEqual(['E1112']);
  });

  it('bounds a chain of operators once, at the operator past the limit', () => {
    for (const op of ['+', '*', 'वा']) {
      const terms = Array(10000).fill(op === 'वा' ? 'सत्य' : '१');
      expect(errorCodes(`देखाउ(${terms.join(` ${op} `)})`)).toEqual(['E1120']);
    }
  });

  it('skips a too-deep block with its नत्र branches and goes on after it', () => {
    const source = `${'यदि सत्य भने\n'.repeat(101)}देखाउ(१)\nनत्र यदि असत्य भने\nनत्र\n${'अन्त्य\n'.repeat(101)}देखाउ(क)`;
    expect(check(source).map((d) => [d.code, d.line])).toEqual([
      ['E1112', 101],
      ['E2001', 206],
    ]);
  });
});

describe('parser: नत्रयदि', () => {
  it('reads नत्रयदि written as one word as नत्र यदि, after reporting it', () => {
    const source = 'राख क = १\nयदि क == ० भने\n  देखाउ(०)\nनत्रयदि क == १ भने\n  देखाउ(१)\nअन्त्य';
    expect(check(source).map((d) => [d.code, d.line, d.column, d.messageEn])).toEqual([
      ['E1108', 4, 1, 'Write "यदि" as a separate word: "नत्र यदि"'],
    ]);
  });
});

describe('parser: habits from other statements', () => {
  it('reports a भने after a जबसम्म condition once and keeps the loop', () => {
    const diagnostics = check('राख क = ०\nजबसम्म क < ३ भने\n  क = क + १\nअन्त्य\nदेखाउ(क)');
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['E1107', 2, 14]]);
  });
});

describe('parser: names that end like a particle', () => {
  it('does not split a declared name such as सीमा when मा is missing', () => {
    const diagnostics = check('राख सीमा = [१]\nहरेक x सीमा\n  देखाउ(x)\nअन्त्य');
    expect(diagnostics.map((d) => [d.code, d.messageEn])).toEqual([['E1102', 'Expected "मा", found a new line']]);
  });
});

describe('parser: broken function headers', () => {
  it('keeps the name and the parameters parsed so far, and does not check calls for arity', () => {
    const source = 'कार्य जोडफल(क, ख\n  फर्काउ क + ख\nअन्त्य\nदेखाउ(जोडफल(१, २))';
    expect(check(source).map((d) => [d.code, d.line])).toEqual([['E1110', 1]]);
    expect(check('कार्य नमस्कार\n  देखाउ("नमस्ते")\nअन्त्य\nनमस्कार()').map((d) => d.code)).toEqual(['E1102']);
  });
});

describe('parser: a header bracket left open', () => {
  it('keeps the body lines that follow in the block', () => {
    const { tree } = analyseFrontEnd('कार्य जोडफल(क, ख\n  फर्काउ क + ख\nअन्त्य');
    const fn = tree.body.statements[0] as FunctionDeclaration;
    expect(fn.body.statements.map((s) => s.kind)).toEqual(['Return']);
  });
});

describe('parser: a branch after the final नत्र', () => {
  it('is reported once, and the यदि still ends at its अन्त्य', () => {
    const source = 'राख क = १\nयदि क == १ भने\n  देखाउ(१)\nनत्र\n  देखाउ(२)\nनत्र यदि क == ३ भने\n  देखाउ(३)\nअन्त्य\nदेखाउ(क)';
    expect(check(source).map((d) => [d.code, d.line, d.column])).toEqual([['E1107', 6, 1]]);
  });
});

describe('parser: lists of items', () => {
  it('asks for a comma or the closing bracket between items', () => {
    const [d] = check('राख क = १\nदेखाउ(क क)');
    expect([d.code, d.column, d.messageEn]).toEqual(['E1102', 9, 'Expected "," or ")", found "क"']);
  });
});

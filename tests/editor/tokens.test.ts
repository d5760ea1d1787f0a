// @vitest-environment jsdom
// Line → expected tokens, through Monaco's own tokenizer (monaco.editor.tokenize), as in
// monaco-editor's language definition tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { registerSajilo, SAJILO_LANGUAGE_ID } from '@/lib/editor';
import type { MonacoApi } from '@/lib/editor';
import { loadMonaco } from './support/monaco';

let monaco: MonacoApi;

beforeAll(async () => {
  monaco = await loadMonaco();
  registerSajilo(monaco);
});

interface ExpectedToken {
  startIndex: number;
  type: string;
}

function tokensOf(line: string): ExpectedToken[] {
  const [lineTokens] = monaco.editor.tokenize(line, SAJILO_LANGUAGE_ID);
  return lineTokens.map((t) => ({ startIndex: t.offset, type: t.type }));
}

const t = (startIndex: number, type: string): ExpectedToken => ({ startIndex, type: `${type}.saj` });

describe('Sajilo tokens', () => {
  it.each<[string, ExpectedToken[]]>([
    [
      'राख क = १२',
      [
        t(0, 'keyword'),
        t(3, 'white'),
        t(4, 'identifier'),
        t(5, 'white'),
        t(6, 'operator'),
        t(7, 'white'),
        t(8, 'number'),
      ],
    ],
    [
      'यदि क > 3.14 भने',
      [
        t(0, 'keyword'),
        t(3, 'white'),
        t(4, 'identifier'),
        t(5, 'white'),
        t(6, 'operator'),
        t(7, 'white'),
        t(8, 'number.float'),
        t(12, 'white'),
        t(13, 'keyword'),
      ],
    ],
    ['३.१४', [t(0, 'number.float')]],
    ['१2३', [t(0, 'number')]],
    [
      'देखाउ("नमस्ते")',
      [t(0, 'predefined'), t(5, 'delimiter.parenthesis'), t(6, 'string'), t(14, 'delimiter.parenthesis')],
    ],
    ['# टिप्पणी yadi', [t(0, 'comment')]],
    [
      'क = "a\\nb\\u{0915}"',
      [
        t(0, 'identifier'),
        t(1, 'white'),
        t(2, 'operator'),
        t(3, 'white'),
        t(4, 'string'),
        t(6, 'string.escape'),
        t(8, 'string'),
        t(9, 'string.escape'),
        t(17, 'string'),
      ],
    ],
    ['"\\q"', [t(0, 'string'), t(1, 'string.invalid'), t(3, 'string')]],
    ['"खुला', [t(0, 'string.invalid')]],
    [
      'x // २ ** ३ != ४',
      [
        t(0, 'identifier'),
        t(1, 'white'),
        t(2, 'operator'),
        t(4, 'white'),
        t(5, 'number'),
        t(6, 'white'),
        t(7, 'operator'),
        t(9, 'white'),
        t(10, 'number'),
        t(11, 'white'),
        t(12, 'operator'),
        t(14, 'white'),
        t(15, 'number'),
      ],
    ],
    [
      '[१, २]',
      [
        t(0, 'delimiter.square'),
        t(1, 'number'),
        t(2, 'delimiter'),
        t(3, 'white'),
        t(4, 'number'),
        t(5, 'delimiter.square'),
      ],
    ],
    [
      '{"क": सत्य}',
      [
        t(0, 'delimiter.curly'),
        t(1, 'string'),
        t(4, 'delimiter'),
        t(5, 'white'),
        t(6, 'keyword'),
        t(10, 'delimiter.curly'),
      ],
    ],
  ])('%s', (line, expected) => {
    expect(tokensOf(line)).toEqual(expected);
  });

  it('marks characters that are not Sajilo, like the danda typed for a decimal point', () => {
    expect(tokensOf('३।१४')).toEqual([t(0, 'number'), t(1, 'invalid'), t(2, 'number')]);
  });

  it('a name containing combining marks is one identifier', () => {
    expect(tokensOf('नमस्ते_१')).toEqual([t(0, 'identifier')]);
  });

  it('a keyword inside a longer name is part of the name', () => {
    expect(tokensOf('रमा')).toEqual([t(0, 'identifier')]);
    expect(tokensOf('माया')).toEqual([t(0, 'identifier')]);
    expect(tokensOf('यदिको')).toEqual([t(0, 'identifier')]);
  });

  it('every keyword and builtin of the compiler is highlighted', async () => {
    const { KEYWORDS, BUILTINS } = await import('@/lib/editor/compiler-bridge');
    for (const k of KEYWORDS) expect(tokensOf(k.word), k.word).toEqual([t(0, 'keyword')]);
    for (const b of BUILTINS) expect(tokensOf(b.name), b.name).toEqual([t(0, 'predefined')]);
  });

  it('accepts the other spellings the compiler accepts (ZWJ, class nasal)', () => {
    expect(tokensOf('दोहोर्\u200Dयाउ')).toEqual([t(0, 'keyword')]);
    expect(tokensOf('अंत्य')).toEqual([t(0, 'keyword')]);
    expect(tokensOf('सङ्ख्या')).toEqual([t(0, 'predefined')]);
  });
});

describe('Monarch and Unicode (monaco-editor 0.57)', () => {
  it("ignores the u flag of a rule's own RegExp: only `unicode: true` enables \\p{…}", () => {
    // A fresh definition each time: Monarch keeps compiled state on the object it is given.
    const rules = () => ({
      tokenizer: {
        root: [
          [/\p{L}+/u, 'word'],
          [/./u, 'other'],
        ],
      },
    });
    monaco.languages.register({ id: 'probe-without-unicode' });
    monaco.languages.setMonarchTokensProvider('probe-without-unicode', rules() as never);
    monaco.languages.register({ id: 'probe-with-unicode' });
    monaco.languages.setMonarchTokensProvider('probe-with-unicode', { unicode: true, ...rules() } as never);
    const typeOf = (id: string) => monaco.editor.tokenize('नमस्ते', id)[0][0].type;
    expect(typeOf('probe-without-unicode')).toBe('other.probe-without-unicode');
    expect(typeOf('probe-with-unicode')).toBe('word.probe-with-unicode');
  });
});

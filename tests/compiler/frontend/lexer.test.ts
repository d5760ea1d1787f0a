import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '@/lib/compiler/frontend/diagnostics';
import { tokenize } from '@/lib/compiler/frontend/lexer';
import { normaliseSource } from '@/lib/compiler/frontend/source';
import type { Token } from '@/lib/compiler/frontend/tokens';

function lex(source: string): { tokens: Token[]; codes: string[] } {
  const bag = new DiagnosticBag();
  const tokens = tokenize(normaliseSource(source), bag);
  return { tokens, codes: bag.items.map((d) => d.code) };
}

function kinds(source: string): string[] {
  return lex(source).tokens.map((t) => (t.kind === 'keyword' ? `kw:${t.key}` : t.kind));
}

describe('lexer', () => {
  it('reads both digit sets, alone and mixed, as the same numbers', () => {
    const values = lex('१२ 12 १2 ३.१४ 3.14')
      .tokens.slice(0, 5)
      .map((t) => t.value);
    expect(values).toEqual([12n, 12n, 12n, 3.14, 3.14]);
  });

  it('reads a literal that mixes the sets in any place, integer or decimal', () => {
    const { tokens, codes } = lex('1२3 १2३ 1.२5 १.5 1२.3४ 9२23372036854775807');
    expect(tokens.slice(0, 6).map((t) => t.value)).toEqual([123n, 123n, 1.25, 1.5, 12.34, 9223372036854775807n]);
    expect(codes).toEqual([]);
    expect(lex('9२23372036854775808').codes).toEqual(['E1005']);
  });

  it('keeps the largest 64-bit integer and rejects one more', () => {
    expect(lex('9223372036854775807').tokens[0].value).toBe(9223372036854775807n);
    expect(lex('९२२३३७२०३६८५४७७५८०८').codes).toEqual(['E1005']);
  });

  it('decodes exactly the allowed escapes', () => {
    const [text] = lex('"a\\nb\\tc\\\\d\\"e\\u{928}\\u{1F600}\\u{0041}"').tokens;
    expect(text.value).toBe('a\nb\tc\\d"eन😀A');
  });

  it('rejects other escapes, bad \\u forms and surrogates', () => {
    for (const bad of ['"\\a"', '"\\x41"', '"\\u0041"', '"\\u{}"', '"\\u{1234567}"', '"\\u{DFFF}"', '"\\u{110000}"']) {
      expect(lex(bad).codes.length, bad).toBe(1);
    }
  });

  it('ends a text at the end of its line', () => {
    const { tokens, codes } = lex('"abc\nराख');
    expect(codes).toEqual(['E1002']);
    expect(tokens.map((t) => t.kind)).toEqual(['text', 'newline', 'keyword', 'eof']);
  });

  it('reads every operator, longest first', () => {
    expect(kinds('// ** == != <= >= + - * / % < > = ( ) [ ] { } , : ;').slice(0, -1)).toEqual([
      '//',
      '**',
      '==',
      '!=',
      '<=',
      '>=',
      '+',
      '-',
      '*',
      '/',
      '%',
      '<',
      '>',
      '=',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      ',',
      ':',
      ';',
    ]);
  });

  it('skips comments and collapses blank lines into one newline', () => {
    expect(kinds('क # टिप्पणी "not a text"\n\n\r\nख')).toEqual(['identifier', 'newline', 'identifier', 'eof']);
  });

  it('reads identifiers with marks, digits, underscores and joiners', () => {
    const { tokens } = lex('_क१ नाम२_x सङ्ख्याहरू दोहोर्\u200dयाउ');
    expect(tokens.slice(0, 4).map((t) => t.kind)).toEqual(['identifier', 'identifier', 'identifier', 'keyword']);
    expect(tokens[3].key).toBe('दोहोर्याउ');
  });

  it('treats anusvara and class nasal spellings of keywords alike', () => {
    // No keyword has a class nasal, so build one: the key of a variable must match both ways.
    const [a, b] = lex('सङ्ख्या संख्या').tokens;
    expect(a.key).toBe(b.key);
    expect(a.text).not.toBe(b.text);
  });

  it('reports a danda and foreign operators with their own messages', () => {
    expect(lex('क।').codes).toEqual(['E1006']);
    expect(lex('क && ख || होइन !ग').codes).toEqual(['E1008', 'E1008', 'E1008']);
    expect(kinds('क && ख')).toEqual(['identifier', 'kw:र', 'identifier', 'eof']);
  });

  it('gives UTF-16 columns of the text as typed, even where NFC changes it', () => {
    // "e" + combining acute becomes one character under NFC; y is still reported at column 13.
    const { tokens } = lex('देखाउ("e\u0301", y)');
    const y = tokens.find((t) => t.text === 'y')!;
    expect(y.range.start).toEqual({ line: 1, column: 13 });
    expect(tokens.find((t) => t.kind === 'text')!.value).toBe('é');
  });

  it('maps columns after a composed Devanagari nukta to the original text', () => {
    const source = 'न\u093cया = ?';
    const { tokens } = lex(source);
    expect(tokens[0].text).toBe('ऩया');
    expect(tokens[1].range.start.column).toBe(source.indexOf('=') + 1);
  });

  it('counts columns in UTF-16 units for characters outside the BMP', () => {
    const { tokens } = lex('"😀" क');
    expect(tokens[1].range.start.column).toBe(6);
  });
});

describe('lexer: the full-stop key of the Nepali keyboard', () => {
  it('reads ३।१४ as the decimal ३.१४ after reporting it', () => {
    const { tokens, codes } = lex('३।१४');
    expect(codes).toEqual(['E1009']);
    expect(tokens[0]).toMatchObject({ kind: 'decimal', value: 3.14 });
  });
});

describe('lexer: identifier characters follow the Unicode categories', () => {
  const part = /^[\p{L}\p{Mn}\p{Mc}\p{Nd}_\u200c\u200d]$/u;
  const start = /^[\p{L}_]$/u;
  const codes = [
    ...Array.from({ length: 0x80 }, (_, i) => i),
    ...Array.from({ length: 0x80 }, (_, i) => 0x900 + i),
    0x200c,
    0x200d,
    0x0b95,
    0x4e2d,
  ];

  it.each(codes.map((code) => [code.toString(16), code] as const))('U+%s', (_, code) => {
    const ch = String.fromCharCode(code);
    const nfc = ch.normalize('NFC'); // क़ (U+0958) and its kin decompose to letter + nukta
    // A keyword counts when written as itself (र), not when it stands in for `!`, `&`, `|`.
    const isWord = (t: Token, text: string) =>
      t.text === text && (t.kind === 'identifier' || (t.kind === 'keyword' && t.key === t.text));
    const inside = lex(`क${ch}ख`).tokens;
    expect(inside.length === 2 && isWord(inside[0], `क${ch}ख`.normalize('NFC'))).toBe(part.test(ch));
    expect(isWord(lex(ch).tokens[0], nfc)).toBe(start.test(ch));
  });
});

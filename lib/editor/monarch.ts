// Monarch tokens for Sajilo. Data built from the compiler's word lists, no runtime Monaco.
// Monarch compiles every rule with the definition's own flags and drops the flags of the
// RegExp objects given to it: `unicode: true` is what makes \p{…} work (tested).
import type { languages } from 'monaco-editor/editor/editor.api';
import { DIGIT_CLASS, NAME_PATTERN } from './compiler-bridge';
import { wordsPattern } from './spelling';

export const TOKEN = {
  keyword: 'keyword',
  builtin: 'predefined',
  identifier: 'identifier',
  number: 'number',
  float: 'number.float',
  string: 'string',
  escape: 'string.escape',
  invalidEscape: 'string.invalid',
  unterminatedString: 'string.invalid',
  comment: 'comment',
  operator: 'operator',
  delimiter: 'delimiter',
  invalid: 'invalid',
} as const;

const DIGIT = `[${DIGIT_CLASS}]`;

export function sajiloMonarch(keywords: readonly string[], builtins: readonly string[]): languages.IMonarchLanguage {
  return {
    defaultToken: TOKEN.invalid,
    unicode: true,
    tokenPostfix: '.saj',
    brackets: [
      { open: '(', close: ')', token: 'delimiter.parenthesis' },
      { open: '[', close: ']', token: 'delimiter.square' },
      { open: '{', close: '}', token: 'delimiter.curly' },
    ],
    tokenizer: {
      root: [
        [/[ \t\r\n]+/, 'white'],
        [/#.*$/, TOKEN.comment],
        [new RegExp(wordsPattern(keywords)), TOKEN.keyword],
        [new RegExp(wordsPattern(builtins)), TOKEN.builtin],
        [new RegExp(NAME_PATTERN), TOKEN.identifier],
        [new RegExp(`${DIGIT}+\\.${DIGIT}+`), TOKEN.float],
        [new RegExp(`${DIGIT}+`), TOKEN.number],
        [/"(?:[^"\\]|\\.)*$/, TOKEN.unterminatedString], // texts end on their line
        [/"/, TOKEN.string, '@string'],
        [/[()[\]{}]/, '@brackets'],
        [/\*\*|\/\/|==|!=|<=|>=|[+\-*/%<>=]/, TOKEN.operator],
        [/[,:;]/, TOKEN.delimiter],
      ],
      string: [
        [/[^\\"]+/, TOKEN.string],
        [/\\(?:[nt\\"]|u\{[0-9a-fA-F]{1,6}\})/, TOKEN.escape],
        [/\\./, TOKEN.invalidEscape],
        [/"/, TOKEN.string, '@pop'],
      ],
    },
  } as languages.IMonarchLanguage;
}

// Tokens: what the lexer produces and the parser reads.

import type { SourceRange } from './ast';
import type { LocalisedArgument } from './diagnostics';
import { BLOCK_BRANCH_KEYWORD, BLOCK_CLOSING_KEYWORD, BLOCK_OPENING_KEYWORDS, KEYWORDS } from '../language';
import { nameKey } from './source';

export type Punctuation =
  | '+'
  | '-'
  | '*'
  | '/'
  | '//'
  | '%'
  | '**'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '='
  | '('
  | ')'
  | '['
  | ']'
  | '{'
  | '}'
  | ','
  | ':'
  | ';';

export type TokenKind = 'identifier' | 'keyword' | 'integer' | 'decimal' | 'text' | 'newline' | 'eof' | Punctuation;

export interface Token {
  kind: TokenKind;
  text: string; // the token's normalised source text
  // identifier: its comparison key; keyword: the keyword's canonical word (e.g. 'यदि')
  key: string;
  value: bigint | number | string | null; // integer, decimal or decoded text
  range: SourceRange; // in the text as the user typed it
}

// Punctuation, longest first so that `//` wins over `/`.
export const PUNCTUATION: readonly Punctuation[] = [
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
];

// Comparison key → canonical keyword.
export const KEYWORD_BY_KEY: ReadonlyMap<string, string> = new Map(KEYWORDS.map((k) => [nameKey(k.word), k.word]));

// Keywords that can only begin a statement or end a block: never inside an expression.
export const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set([
  'राख',
  'स्थिर',
  ...BLOCK_OPENING_KEYWORDS,
  BLOCK_BRANCH_KEYWORD,
  BLOCK_CLOSING_KEYWORD,
  'फर्काउ',
  'रोक',
  'जारी',
]);

export function isKeyword(token: Token, word: string): boolean {
  return token.kind === 'keyword' && token.key === word;
}

// How a token is named in "found …" messages.
export function describeToken(token: Token): LocalisedArgument {
  if (token.kind === 'newline') return { ne: 'नयाँ पङ्क्ति', en: 'a new line' };
  if (token.kind === 'eof') return { ne: 'कार्यक्रमको अन्त्य', en: 'the end of the program' };
  const chars = Array.from(token.text);
  const text = chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : token.text; // long texts, shortened
  return { ne: `"${text}"`, en: `"${text}"` };
}

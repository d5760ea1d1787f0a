// Monaco language configuration: comments, brackets, auto-closing, words, indentation.
// Takes the monaco namespace for its IndentAction enum (no runtime Monaco import).
import type { languages } from 'monaco-editor/editor/editor.api';
import { DIGIT_CLASS, NAME_PATTERN } from './compiler-bridge';
import { DECREASE_INDENT, INCREASE_INDENT } from './indentation';

type LanguagesApi = Pick<typeof languages, 'IndentAction'>;

/** A word for Monaco (double-click, word-based suggestions): a name in any script, or a number. */
export const WORD_PATTERN = new RegExp(`${NAME_PATTERN}|[${DIGIT_CLASS}]+(?:\\.[${DIGIT_CLASS}]+)?`, 'u');

const BRACKETS: readonly languages.CharacterPair[] = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
];

const AUTO_CLOSING_PAIRS: readonly languages.IAutoClosingPairConditional[] = [
  { open: '(', close: ')' },
  { open: '[', close: ']' },
  { open: '{', close: '}' },
  { open: '"', close: '"', notIn: ['string', 'comment'] },
];

/** Characters that Monaco's typing may turn into more than themselves: an opener it closes,
 *  a bracket it re-indents the line for (an "electric" character). */
export const CHARACTERS_MONACO_EXPANDS: ReadonlySet<string> = new Set([
  ...BRACKETS.flat(),
  ...AUTO_CLOSING_PAIRS.map((pair) => pair.open),
]);

export function sajiloLanguageConfiguration(languagesApi: LanguagesApi): languages.LanguageConfiguration {
  return {
    comments: { lineComment: '#' },
    brackets: [...BRACKETS],
    autoClosingPairs: [...AUTO_CLOSING_PAIRS],
    surroundingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '{', close: '}' },
      { open: '"', close: '"' },
    ],
    wordPattern: WORD_PATTERN,
    indentationRules: {
      increaseIndentPattern: INCREASE_INDENT,
      decreaseIndentPattern: DECREASE_INDENT,
    },
    onEnterRules: [{ beforeText: INCREASE_INDENT, action: { indentAction: languagesApi.IndentAction.Indent } }],
  };
}

// The word around a cursor, Latin or Devanagari, in Monaco's 1-based columns (UTF-16 units).

import { NAME_CONTINUE_CLASS } from './compiler-bridge';

const WORD_CHAR = new RegExp(`[${NAME_CONTINUE_CLASS}]`, 'u');

export interface WordSpan {
  /** First column of the word. */
  startColumn: number;
  /** Column just after the word. */
  endColumn: number;
  /** The part of the word before the cursor. */
  prefix: string;
  /** The whole word. */
  word: string;
}

/** The word touching `column` on `lineText` (empty span at the cursor when there is none). */
export function wordAt(lineText: string, column: number): WordSpan {
  const cursor = Math.max(0, Math.min(column - 1, lineText.length));
  let start = cursor;
  while (start > 0 && WORD_CHAR.test(lineText[start - 1])) start--;
  let end = cursor;
  while (end < lineText.length && WORD_CHAR.test(lineText[end])) end++;
  return {
    startColumn: start + 1,
    endColumn: end + 1,
    prefix: lineText.slice(start, cursor),
    word: lineText.slice(start, end),
  };
}

export function isLatinWord(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text);
}

// The editor's one door into the compiler front end (contract: docs/interfaces.md).
// Everything the editor knows about the language's words comes through here, never retyped.
import { KEYWORDS } from '../compiler';
import type { analyse, check } from '../compiler';

export {
  KEYWORDS,
  BUILTINS,
  BLOCK_OPENING_KEYWORDS,
  BLOCK_BRANCH_KEYWORD,
  BLOCK_CLOSING_KEYWORD,
  NAME_START_CLASS,
  NAME_CONTINUE_CLASS,
  NAME_PATTERN,
  DIGIT_CLASS,
  NASAL_CLASSES,
  nameKeyOfText,
} from '../compiler';
export type { KeywordInfo, BuiltinInfo, Diagnostic, SymbolInfo } from '../compiler';

/** The front end's analyse() or anything with its shape (tests pass small fakes). */
export type Analyse = typeof analyse;
/** The front end's check(). */
export type Check = typeof check;

/**
 * The Devanagari keyword whose romanised form is `roman` (`keyword('yadi')` is यदि), so the
 * editor's grammar knowledge (which words open blocks, snippet bodies) names keywords without
 * retyping them. Throws at load time if the compiler's table no longer has the word.
 */
export function keyword(roman: string): string {
  const found = KEYWORDS.find((k) => k.roman === roman);
  if (!found) throw new Error(`the compiler has no keyword romanised as "${roman}"`);
  return found.word;
}

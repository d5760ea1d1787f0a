// Sajilo compares names loosely (language guide §1): ZWJ/ZWNJ are ignored, and a class nasal
// with virama before a consonant of its own class counts as anusvara (सङ्ख्या = संख्या).
// The rule and the name key live in the compiler front end; this module turns a word into a
// regex source that accepts every spelling of it, so the highlighter, indentation rules and
// block matcher agree with the compiler.
import { NAME_CONTINUE_CLASS, NASAL_CLASSES, nameKeyOfText } from './compiler-bridge';

const VIRAMA = '\u094D';
const ANUSVARA = '\u0902';
const JOINERS = '[\\u200C\\u200D]*';

function classNasalOf(consonant: string): string | null {
  return NASAL_CLASSES.find(([, consonants]) => consonants.includes(consonant))?.[0] ?? null;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Regex source matching every accepted spelling of `word` (no anchors, no flags needed),
 * joiners after it included: the lexer reads them as part of the word and ignores them.
 */
export function spellingPattern(word: string): string {
  const chars = [...nameKeyOfText(word)];
  const parts = chars.map((char, i) => {
    const nasal = char === ANUSVARA ? classNasalOf(chars[i + 1] ?? '') : null;
    return nasal ? `(?:${ANUSVARA}|${nasal}${JOINERS}${VIRAMA})` : escapeRegex(char);
  });
  return parts.join(JOINERS) + JOINERS;
}

/** Regex source matching any one of `words` as a whole word (longest spelling first). */
export function wordsPattern(words: readonly string[]): string {
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(spellingPattern);
  return `(?:${alternatives.join('|')})(?![${NAME_CONTINUE_CLASS}])`;
}

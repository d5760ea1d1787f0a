// Sajilo compares names loosely (language guide §1): ZWJ/ZWNJ are ignored, and a class nasal
// with virama before a consonant of its own class counts as anusvara (सङ्ख्या = संख्या).
// This module turns a word into a regex source that accepts every spelling of it, so the
// highlighter, indentation rules and block matcher agree with the compiler.

const VIRAMA = '\u094D';
const ANUSVARA = '\u0902';
const JOINERS = '[\\u200C\\u200D]*';

/** Class nasal → the consonants of its class (क–घ, च–झ, ट–ढ, त–ध, प–भ). */
const NASAL_CLASSES: readonly (readonly [nasal: string, consonants: string])[] = [
  ['ङ', 'कखगघ'],
  ['ञ', 'चछजझ'],
  ['ण', 'टठडढ'],
  ['न', 'तथदध'],
  ['म', 'पफबभ'],
];

function classNasalOf(consonant: string): string | null {
  return NASAL_CLASSES.find(([, consonants]) => consonants.includes(consonant))?.[0] ?? null;
}

/** The comparison form of a name: joiners removed, class nasals written as anusvara. */
export function canonicalSpelling(word: string): string {
  const chars = [...word.replace(/[\u200C\u200D]/g, '')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const nextConsonant = chars[i + 2];
    if (chars[i + 1] === VIRAMA && nextConsonant && classNasalOf(nextConsonant) === chars[i]) {
      out += ANUSVARA;
      i += 1; // skip the virama; the consonant follows as usual
      continue;
    }
    out += chars[i];
  }
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source matching every accepted spelling of `word` (no anchors, no flags needed). */
export function spellingPattern(word: string): string {
  const chars = [...canonicalSpelling(word)];
  const parts = chars.map((char, i) => {
    const nasal = char === ANUSVARA ? classNasalOf(chars[i + 1] ?? '') : null;
    return nasal ? `(?:${ANUSVARA}|${nasal}${JOINERS}${VIRAMA})` : escapeRegex(char);
  });
  return parts.join(JOINERS);
}

/** Characters that may continue a name (language guide §1), as a regex character class body. */
export const NAME_CONTINUE_CLASS = '\\p{L}\\p{Mn}\\p{Mc}\\p{Nd}_\\u200C\\u200D';
/** Characters that may start a name. */
export const NAME_START_CLASS = '\\p{L}_';

/** Regex source matching any one of `words` as a whole word (longest spelling first). */
export function wordsPattern(words: readonly string[]): string {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map(spellingPattern);
  return `(?:${alternatives.join('|')})(?![${NAME_CONTINUE_CLASS}])`;
}

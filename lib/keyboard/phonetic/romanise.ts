// Devanagari → the phonetic scheme's Latin (the spelling `transliterate` turns back into the
// word), and the folded keys the candidate list compares, so `dekhau`, `dekhaau` and
// `dekhaaun` all find देखाउ.
import { CONSONANTS, NASAL_BEFORE, SIGNS, VIRAMA, VOWELS } from './scheme';

/** Devanagari → the first spelling the scheme lists for it. */
function firstSpellings(
  pairs: readonly (readonly [spelling: string, text: string])[],
): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [spelling, text] of pairs) if (text !== '' && !(text in out)) out[text] = spelling;
  return out;
}

const CONSONANT_SPELLINGS = firstSpellings(Object.entries(CONSONANTS));
const VOWEL_LETTERS = firstSpellings(Object.entries(VOWELS).map(([spelling, v]) => [spelling, v.letter]));
const VOWEL_SIGNS = firstSpellings(Object.entries(VOWELS).map(([spelling, v]) => [spelling, v.sign]));
const OTHER_SIGNS: Readonly<Record<string, string>> = { ...firstSpellings(Object.entries(SIGNS)), ऽ: '' };
const IGNORED = /[\u200C\u200D\u093C]/g; // joiners and nukta
const JNY = 'ज्ञ'; // one letter for the scheme, three code points here
const DEVANAGARI_ZERO = 0x0966;

/**
 * The scheme's Latin for a Devanagari word: `transliterate(romanise(w)) === w` for the words
 * of the language. Characters outside Devanagari pass through.
 */
export function romanise(word: string): string {
  const chars = [...word.replace(IGNORED, '').replaceAll(JNY, '\u0000')];
  let out = '';
  chars.forEach((char, i) => {
    const next = chars[i + 1];
    const consonant =
      char === '\u0000'
        ? CONSONANT_SPELLINGS[JNY]
        : (nasalSpelling(char, next, chars[i + 2]) ?? CONSONANT_SPELLINGS[char]);
    if (consonant !== undefined) {
      // The inherent vowel is spelt inside a word; at its end the scheme implies it.
      const ownVowel = next === undefined || next === VIRAMA || VOWEL_SIGNS[next] !== undefined;
      out += ownVowel ? consonant : consonant + 'a';
      // ग्य is spelt with its halant, since `gy` alone is ज्ञ.
      if (char === 'ग' && next === VIRAMA && chars[i + 2] === 'य') out += 'q';
      return;
    }
    if (char === VIRAMA) {
      // A halant before another consonant is implied by the scheme; elsewhere it is spelt.
      if (chars[i - 1] === 'ग' && next === 'य') return;
      if (next === undefined || (CONSONANT_SPELLINGS[next] === undefined && next !== '\u0000')) out += 'q';
      return;
    }
    const code = char.codePointAt(0)! - DEVANAGARI_ZERO;
    if (code >= 0 && code <= 9) {
      out += String(code);
      return;
    }
    out += VOWEL_LETTERS[char] ?? VOWEL_SIGNS[char] ?? OTHER_SIGNS[char] ?? char;
  });
  return out;
}

const VOWEL = 'aeiou';
const isVowel = (c: string | undefined) => c !== undefined && VOWEL.includes(c);

/** A class nasal + halant before its own class is spelt `n` (NASAL_BEFORE); final ङ is `ng`. */
function nasalSpelling(char: string, next: string | undefined, afterNext: string | undefined): string | undefined {
  if (char === 'ङ' && next === undefined) return 'ng';
  if (
    (char === 'ङ' || char === 'ञ' || char === 'ण') &&
    next === VIRAMA &&
    afterNext !== undefined &&
    NASAL_BEFORE[afterNext] === char
  )
    return 'n';
  return undefined;
}

/**
 * Spellings learners mix up, folded to one form: case, a final inherent `a`, long and short vowels
 * (aa/a, ii/ee/i, uu/oo/u), w/v, z/j, f/ph, x/ksh, anusvara and chandrabindu as n, and a
 * chandrabindu-like final n after i, u, e, o (`dekhaaun` = `dekhau`).
 */
export function mediumKey(latin: string): string {
  let key = latin
    .replace(/M+/g, 'n')
    .toLowerCase()
    .replace(/aa/g, 'a')
    .replace(/ii|ee/g, 'i')
    .replace(/uu|oo/g, 'u')
    .replace(/w/g, 'v')
    .replace(/z/g, 'j')
    .replace(/f/g, 'ph')
    .replace(/x/g, 'ksh')
    .replace(/q/g, '');
  // A final inherent `a` is written or not at will (`rakha` = `rakh`).
  if (key.length > 1 && key.endsWith('a') && !isVowel(key[key.length - 2])) key = key.slice(0, -1);
  if (key.length > 1 && key.endsWith('n') && 'ieou'.includes(key[key.length - 2])) key = key.slice(0, -1);
  return key;
}

/**
 * A looser key on top of mediumKey: aspirates (kh/k, sh/s, …), b/v, doubled letters, n/m,
 * ज्ञ spellings, and the short `a` after a consonant, which
 * learners write or drop at will (`jabsamma` = `jabasamma`).
 */
export function looseKey(latin: string): string {
  const medium = mediumKey(latin)
    .replace(/jny|jn/g, 'gy')
    .replace(/v/g, 'b')
    .replace(/([bcdgjkpst])h+/g, '$1')
    .replace(/(.)\1+/g, '$1');
  let consonants = '';
  for (let i = 0; i < medium.length; i++) {
    if (medium[i] === 'a' && i > 0 && !isVowel(medium[i - 1])) continue;
    consonants += medium[i];
  }
  // n and m are one nasal here: anusvara is spelt either way (`samkhya`, `sankhya`), and a
  // key that does not look ahead keeps prefixes prefixes (for completions).
  return consonants.replace(/m/g, 'n');
}

// Latin → Devanagari by the published phonetic scheme (scheme.ts): deterministic, longest
// match first, case-sensitive where the scheme gives case a meaning and case-blind elsewhere.
// Runs of ASCII letters are words; everything else passes through (digits become Devanagari
// digits unless asked otherwise).
import {
  AFTER_VOCALIC_R,
  AT_WORD_END,
  CONSONANTS,
  NASAL_BEFORE,
  DEVANAGARI_DIGITS,
  HALANT_LETTER,
  LONG_A_INSIDE_WORD,
  SIGNS,
  SYLLABLES,
  VIRAMA,
  VOCALIC_R_AFTER_CONSONANT,
  VOWELS,
  type VowelEntry,
} from './scheme';

export interface TransliterateOptions {
  /** Keep digits 0–9 as they are instead of typing ०–९. */
  latinDigits?: boolean;
}

type Piece =
  | { kind: 'vowel'; entry: VowelEntry }
  | { kind: 'consonant'; text: string; spelling: string }
  | { kind: 'syllable'; text: string }
  | { kind: 'sign'; text: string }
  | { kind: 'halant' };

const PIECES = new Map<string, Piece>();
for (const [spelling, entry] of Object.entries(VOWELS)) PIECES.set(spelling, { kind: 'vowel', entry });
for (const [spelling, text] of Object.entries(CONSONANTS)) PIECES.set(spelling, { kind: 'consonant', text, spelling });
for (const [spelling, text] of Object.entries(SYLLABLES)) PIECES.set(spelling, { kind: 'syllable', text });
for (const [spelling, text] of Object.entries(SIGNS)) PIECES.set(spelling, { kind: 'sign', text });
PIECES.set(HALANT_LETTER, { kind: 'halant' });
const LONGEST_SPELLING = Math.max(...[...PIECES.keys()].map((key) => key.length));
const SHORT_A = VOWELS.a;
const LONG_A = VOWELS.aa;

/** The piece spelt at `start`: longest spelling first, exact case before lower case. */
function pieceAt(word: string, start: number): { piece: Piece; length: number } {
  const rest = word.slice(start);
  const atEnd = AT_WORD_END[rest];
  if (atEnd !== undefined) return { piece: { kind: 'consonant', text: atEnd, spelling: rest }, length: rest.length };
  for (let length = Math.min(LONGEST_SPELLING, word.length - start); length > 0; length--) {
    const spelling = word.slice(start, start + length);
    const piece = PIECES.get(spelling) ?? PIECES.get(spelling.toLowerCase());
    if (piece) return { piece, length };
  }
  // Every ASCII letter has a piece of length 1; this is only reached for a stray character.
  return { piece: { kind: 'syllable', text: word[start] }, length: 1 };
}

function isVocalicR(word: string, at: number): boolean {
  return word.startsWith(VOCALIC_R_AFTER_CONSONANT, at) && word[at + 2] !== 'i' && word[at + 2] !== 'I';
}

/** One run of ASCII letters → Devanagari. */
export function transliterateWord(word: string): string {
  let out = '';
  // The consonant just written, still carrying its inherent vowel (a following consonant
  // joins it with a halant).
  let open: { spelling: string } | null = null;
  let at = 0;
  while (at < word.length) {
    if (open && isVocalicR(word, at)) {
      out += VOWELS.R.sign;
      open = null;
      at += VOCALIC_R_AFTER_CONSONANT.length;
      continue;
    }
    const { piece, length } = pieceAt(word, at);
    at += length;
    switch (piece.kind) {
      case 'consonant': {
        const afterVocalicR = out.endsWith(VOWELS.R.sign) || out.endsWith(VOWELS.R.letter);
        const text = (afterVocalicR ? AFTER_VOCALIC_R[piece.spelling] : undefined) ?? piece.text;
        const nasal = open?.spelling === 'n' ? NASAL_BEFORE[text] : undefined;
        if (nasal) out = out.slice(0, -CONSONANTS.n.length) + nasal;
        if (open) out += VIRAMA;
        out += text;
        open = { spelling: piece.spelling };
        break;
      }
      case 'vowel': {
        if (!open) {
          out += piece.entry.letter;
          break;
        }
        const longA = LONG_A_INSIDE_WORD[open.spelling];
        if (longA && piece.entry === SHORT_A) {
          if (at < word.length) out += LONG_A.sign;
          else out = out.slice(0, out.length - CONSONANTS[open.spelling].length) + longA.atWordEnd;
        } else {
          out += piece.entry.sign;
        }
        open = null;
        break;
      }
      case 'syllable':
        if (open) out += VIRAMA;
        out += piece.text;
        open = null;
        break;
      case 'sign':
        out += piece.text;
        open = null;
        break;
      case 'halant':
        out += VIRAMA;
        open = null;
        break;
    }
  }
  return out;
}

const LETTER_RUN = /[A-Za-z]+/g;
const ASCII_DIGIT = /[0-9]/g;

/**
 * Latin text → Devanagari by the phonetic scheme: letters are transliterated word by word,
 * digits become ०–९ (unless `latinDigits`), everything else (ASCII symbols, spaces,
 * Devanagari already typed) is kept as it is.
 */
export function transliterate(latin: string, options: TransliterateOptions = {}): string {
  const words = latin.replace(LETTER_RUN, transliterateWord);
  return options.latinDigits ? words : words.replace(ASCII_DIGIT, (d) => DEVANAGARI_DIGITS[Number(d)]);
}

// Devanagari → a plain Latin spelling, and a loose comparison, so `yadi`, `dekhau` or `phal`
// find यदि, देखाउ or a user's फल in completion. Not a transliteration standard: only good
// enough to match what a learner types for a word.

const CONSONANTS: Readonly<Record<string, string>> = {
  क: 'k',
  ख: 'kh',
  ग: 'g',
  घ: 'gh',
  ङ: 'ng',
  च: 'ch',
  छ: 'chh',
  ज: 'j',
  झ: 'jh',
  ञ: 'ny',
  ट: 't',
  ठ: 'th',
  ड: 'd',
  ढ: 'dh',
  ण: 'n',
  त: 't',
  थ: 'th',
  द: 'd',
  ध: 'dh',
  न: 'n',
  प: 'p',
  फ: 'ph',
  ब: 'b',
  भ: 'bh',
  म: 'm',
  य: 'y',
  र: 'r',
  ल: 'l',
  व: 'v',
  श: 'sh',
  ष: 'sh',
  स: 's',
  ह: 'h',
  ळ: 'l',
};
const VOWELS: Readonly<Record<string, string>> = {
  अ: 'a',
  आ: 'aa',
  इ: 'i',
  ई: 'ii',
  उ: 'u',
  ऊ: 'uu',
  ऋ: 'ri',
  ए: 'e',
  ऐ: 'ai',
  ओ: 'o',
  औ: 'au',
};
const VOWEL_SIGNS: Readonly<Record<string, string>> = {
  'ा': 'aa',
  'ि': 'i',
  'ी': 'ii',
  'ु': 'u',
  'ू': 'uu',
  'ृ': 'ri',
  'े': 'e',
  'ै': 'ai',
  'ो': 'o',
  'ौ': 'au',
};
const SIGNS: Readonly<Record<string, string>> = { 'ं': 'n', 'ँ': 'n', 'ः': 'h', ऽ: '' };
const VIRAMA = '्';
const DEVANAGARI_DIGIT_ZERO = 0x0966;

function digitToLatin(char: string): string | null {
  const offset = char.codePointAt(0)! - DEVANAGARI_DIGIT_ZERO;
  return offset >= 0 && offset <= 9 ? String(offset) : null;
}

/** A Latin spelling of a Devanagari word (inherent vowel written as `a`). Latin passes through. */
export function romanise(word: string): string {
  const chars = [...word.replace(/[\u200C\u200D\u093C]/g, '')];
  let out = '';
  chars.forEach((char, i) => {
    const consonant = CONSONANTS[char];
    if (consonant !== undefined) {
      const next = chars[i + 1];
      const hasOwnVowel = next !== undefined && (next === VIRAMA || VOWEL_SIGNS[next] !== undefined);
      out += hasOwnVowel ? consonant : consonant + 'a';
      return;
    }
    out += VOWELS[char] ?? VOWEL_SIGNS[char] ?? SIGNS[char] ?? digitToLatin(char) ?? (char === VIRAMA ? '' : char);
  });
  return out;
}

/** Folds the spellings learners mix up: long/short vowels, w/v, f/ph, case. */
export function looseLatin(text: string): string {
  return text
    .toLowerCase()
    .replace(/aa/g, 'a')
    .replace(/ee|ii/g, 'i')
    .replace(/oo|uu/g, 'u')
    .replace(/w/g, 'v')
    .replace(/f/g, 'ph')
    .replace(/z/g, 'j');
}

/** Whether typed Latin `prefix` starts any of the Latin spellings given. */
export function latinPrefixMatches(prefix: string, spellings: readonly string[]): boolean {
  const wanted = looseLatin(prefix);
  return spellings.some((spelling) => looseLatin(spelling).startsWith(wanted));
}

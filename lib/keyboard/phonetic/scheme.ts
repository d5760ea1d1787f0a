// Sajilo's phonetic scheme, as data: which Latin letters type which Devanagari. ITRANS /
// Harvard-Kyoto conventions (as in @indic-transliteration/sanscript's ITRANS table), tailored
// to Nepali and to a code editor:
//   - letters only: every ASCII symbol stays itself, so halant, anusvara, chandrabindu and
//     visarga are spelt with letters (q, M, MM, H) instead of ITRANS's `.h`, `.N`, `~`;
//   - a consonant at the end of a word keeps its inherent vowel (`ram` → रम, not रम्): Nepali
//     writes final halant rarely, and `q` spells it when wanted;
//   - lower case is enough for everyday words; upper case picks the retroflex and long forms
//     (T ट, D ड, N ण, Sh ष, A आ, I ई, U ऊ), as in ITRANS and Nepali phonetic keyboards;
//   - Nepali habits: `w` = `v` (व), `z` = `j` (ज), `f` = `ph` (फ), `x` = `ksh` (क्ष),
//     `gy`/`jny` = ज्ञ, `ri` after a consonant = ृ (`krishi` कृषि), `shri` = श्री, and `n`
//     before a consonant takes that consonant's nasal (`jangal` जङ्गल, `kunjii` कुञ्जी).
// The engine (transliterate.ts) reads these tables by longest match; romanise.ts reads them
// backwards (the first spelling listed for a letter is the one it writes); docs/keyboard.md
// prints them. Every entry is NFC.

/** A vowel: its letter at the start of a syllable, and its sign after a consonant. */
export interface VowelEntry {
  readonly letter: string;
  /** '' for the inherent vowel `a`. */
  readonly sign: string;
}

export const VOWELS: Readonly<Record<string, VowelEntry>> = {
  a: { letter: 'अ', sign: '' },
  aa: { letter: 'आ', sign: 'ा' },
  A: { letter: 'आ', sign: 'ा' },
  i: { letter: 'इ', sign: 'ि' },
  ii: { letter: 'ई', sign: 'ी' },
  ee: { letter: 'ई', sign: 'ी' },
  I: { letter: 'ई', sign: 'ी' },
  u: { letter: 'उ', sign: 'ु' },
  uu: { letter: 'ऊ', sign: 'ू' },
  oo: { letter: 'ऊ', sign: 'ू' },
  U: { letter: 'ऊ', sign: 'ू' },
  e: { letter: 'ए', sign: 'े' },
  ai: { letter: 'ऐ', sign: 'ै' },
  o: { letter: 'ओ', sign: 'ो' },
  au: { letter: 'औ', sign: 'ौ' },
  ou: { letter: 'औ', sign: 'ौ' },
  Ri: { letter: 'ऋ', sign: 'ृ' },
  R: { letter: 'ऋ', sign: 'ृ' },
};

/**
 * `ri` directly after a consonant is the vowel ृ (`krishi` कृषि, `prithvi` पृथ्वी), unless a
 * second `i` follows (`mantrii` मन्त्री). Elsewhere `ri` is र + ि (`hari` हरि). र + ि after a
 * consonant is spelt with an explicit halant: `kqriyaa` क्रिया.
 */
export const VOCALIC_R_AFTER_CONSONANT = 'ri';

/**
 * Consonants spelt differently right after the vowel ृ/ऋ, where Nepali spelling has the
 * retroflex: `krishi` कृषि, `drishti` दृष्टि, `Rishi` ऋषि, `krishna` कृष्ण.
 */
export const AFTER_VOCALIC_R: Readonly<Record<string, string>> = { sh: 'ष' };

/** Consonants (and the conjuncts Nepali treats as letters), written without halant. */
export const CONSONANTS: Readonly<Record<string, string>> = {
  k: 'क',
  kh: 'ख',
  g: 'ग',
  gh: 'घ',
  NG: 'ङ',
  ch: 'च',
  c: 'च',
  chh: 'छ',
  Ch: 'छ',
  j: 'ज',
  jh: 'झ',
  z: 'ज',
  JN: 'ञ',
  T: 'ट',
  Th: 'ठ',
  D: 'ड',
  Dh: 'ढ',
  N: 'ण',
  t: 'त',
  th: 'थ',
  d: 'द',
  dh: 'ध',
  n: 'न',
  p: 'प',
  ph: 'फ',
  f: 'फ',
  b: 'ब',
  bh: 'भ',
  m: 'म',
  y: 'य',
  r: 'र',
  l: 'ल',
  v: 'व',
  w: 'व',
  sh: 'श',
  Sh: 'ष',
  shh: 'ष',
  s: 'स',
  h: 'ह',
  x: 'क्ष',
  ksh: 'क्ष',
  kSh: 'क्ष',
  gy: 'ज्ञ',
  jny: 'ज्ञ',
  GY: 'ज्ञ',
};

/**
 * Consonants after which a short `a` inside a word is read long, as Nepali says them:
 * `gyan` ज्ञान, `vigyan` विज्ञान, `jnyan` ज्ञान. At the end of a word the `a` stays the inherent
 * vowel (`yajnya` यज्ञ), and `gya` there is ग्य (`bhagya` भाग्य, `yogya` योग्य).
 */
export const LONG_A_INSIDE_WORD: Readonly<Record<string, { readonly atWordEnd: string }>> = {
  gy: { atWordEnd: 'ग्य' },
  jny: { atWordEnd: 'ज्ञ' },
  GY: { atWordEnd: 'ज्ञ' },
};

/**
 * `n` before a consonant of another class is written with that class's nasal, as Nepali
 * spelling wants: `jangal` जङ्गल, `sankhyaa` सङ्ख्या, `kunjii` कुञ्जी, `ghanTaa` घण्टा.
 * Not before च and छ: the verb forms `hunchha` हुन्छ, `jaanchhu` जान्छु keep न् (ञ्च is `JNch`).
 */
export const NASAL_BEFORE: Readonly<Record<string, string>> = {
  क: 'ङ',
  ख: 'ङ',
  ग: 'ङ',
  घ: 'ङ',
  ज: 'ञ',
  झ: 'ञ',
  ट: 'ण',
  ठ: 'ण',
  ड: 'ण',
  ढ: 'ण',
};

/** Spellings with their own meaning at the very end of a word: `rang` रङ, `sing` सिङ. */
export const AT_WORD_END: Readonly<Record<string, string>> = { ng: 'ङ' };

/** Whole syllables the letter-by-letter rules would spell otherwise. */
export const SYLLABLES: Readonly<Record<string, string>> = {
  shri: 'श्री',
  shrii: 'श्री',
  shree: 'श्री',
};

/** Signs that follow a vowel (or a consonant's inherent vowel). */
export const SIGNS: Readonly<Record<string, string>> = {
  M: 'ं', // anusvara
  MM: 'ँ', // chandrabindu ("M twice")
  H: 'ः', // visarga
  OM: 'ॐ',
};

/** Explicit halant: `bhagavaanq` भगवान्, `gqya` ग्य (a consonant + halant, no inherent vowel). */
export const HALANT_LETTER = 'q';

export const VIRAMA = '्';

export const DEVANAGARI_DIGITS = '०१२३४५६७८९';

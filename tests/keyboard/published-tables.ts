// The published layouts as their sources write them: US key character → Devanagari output.
// Romanized: Madan Puraskar Pustakalaya's Nepali Unicode Romanized, as in m17n-db ne-rom.mim
// (keys that file leaves out type their ASCII character). Traditional: MPP's Nepali Unicode
// Traditional, as in m17n-db ne-trad.mim (Shift+R द्व, see docs/keyboard.md).
export const ZWJ = '\u200D';
export const ZWNJ = '\u200C';

export const ROMANIZED_PUBLISHED: Readonly<Record<string, string>> = {
  '`': '़', '~': 'ऽ',
  '1': '१', '2': '२', '3': '३', '4': '४', '5': '५', '6': '६', '7': '७', '8': '८', '9': '९', '0': '०',
  '!': '!', '@': '@', '#': '#', '$': 'रु', '%': '%', '^': '^', '&': '&', '*': '*', '(': '(', ')': ')',
  '-': '-', '_': '_', '=': ZWJ, '+': ZWNJ,
  q: 'ट', w: 'ौ', e: 'े', r: 'र', t: 'त', y: 'य', u: 'ु', i: 'ि', o: 'ो', p: 'प',
  Q: 'ठ', W: 'औ', E: 'ै', R: 'ृ', T: 'थ', Y: 'ञ', U: 'ू', I: 'ी', O: 'ओ', P: 'फ',
  '[': 'इ', '{': 'ई', ']': 'ए', '}': 'ऐ', '\\': 'ॐ', '|': 'ः',
  a: 'ा', s: 'स', d: 'द', f: 'उ', g: 'ग', h: 'ह', j: 'ज', k: 'क', l: 'ल',
  A: 'आ', S: 'श', D: 'ध', F: 'ऊ', G: 'घ', H: 'अ', J: 'झ', K: 'ख', L: '॥',
  ';': ';', ':': ':', "'": "'", '"': '"',
  z: 'ष', x: 'ड', c: 'छ', v: 'व', b: 'ब', n: 'न', m: 'म',
  Z: 'ऋ', X: 'ढ', C: 'च', V: 'ँ', B: 'भ', N: 'ण', M: 'ं',
  ',': ',', '<': 'ङ', '.': '।', '>': '॥', '/': '्', '?': '?',
};

export const TRADITIONAL_PUBLISHED: Readonly<Record<string, string>> = {
  '`': 'ञ', '~': '॥',
  '1': '१', '2': '२', '3': '३', '4': '४', '5': '५', '6': '६', '7': '७', '8': '८', '9': '९', '0': '०',
  '!': 'ज्ञ', '@': 'ई', '#': 'घ', '$': 'द्ध', '%': 'छ', '^': 'ट', '&': 'ठ', '*': 'ड', '(': 'ढ', ')': 'ण',
  '-': 'औ', '_': 'ओ', '=': ZWJ, '+': ZWNJ,
  q: 'त्र', w: 'ध', e: 'भ', r: 'च', t: 'त', y: 'थ', u: 'ग', i: 'ष', o: 'य', p: 'उ',
  Q: 'त्त', W: 'ड्ढ', E: 'ऐ', R: 'द्व', T: 'ट्ट', Y: 'ठ्ठ', U: 'ऊ', I: 'क्ष', O: 'इ', P: 'ए',
  '[': 'र्', '{': 'ृ', ']': 'े', '}': 'ै', '\\': '्', '|': 'ं',
  a: 'ब', s: 'क', d: 'म', f: 'ा', g: 'न', h: 'ज', j: 'व', k: 'प', l: 'ि',
  A: 'आ', S: 'ङ्क', D: 'ङ्ग', F: 'ँ', G: 'द्द', H: 'झ', J: 'ो', K: 'फ', L: 'ी',
  ';': 'स', ':': 'ट्ठ', "'": 'ु', '"': 'ू',
  z: 'श', x: 'ह', c: 'अ', v: 'ख', b: 'द', n: 'ल', m: 'ः',
  Z: 'क्क', X: 'ह्य', C: 'ऋ', V: 'ॐ', B: 'ौ', N: 'द्य', M: 'ड्ड',
  ',': 'ऽ', '<': 'ङ', '.': '।', '>': 'श्र', '/': 'र', '?': 'रु',
};

/** Sajilo's documented departures from the published layouts (docs/keyboard.md). */
export const PROGRAMMING_OVERRIDES: Readonly<Record<string, string>> = { '=': '=', '+': '+' };

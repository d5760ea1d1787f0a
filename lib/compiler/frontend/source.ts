// Source text: NFC normalisation that remembers where each column came from, and the
// names: the characters they are made of, and their comparison key (ZWJ/ZWNJ ignored,
// class nasal + virama read as anusvara). Every other place takes these from here.

// NFC never changes line breaks, so lines keep their numbers; only columns inside a line
// can move. `columnMaps` holds, for each line whose text changed, the original 0-based
// column of every normalised 0-based column (one extra entry for the end of the line).
export interface NormalisedSource {
  text: string;
  columnMaps: Map<number, Int32Array>; // keyed by 1-based line
}

const LINE_BREAK = /\r\n|\r|\n/g;

export function normaliseSource(original: string): NormalisedSource {
  const text = original.normalize('NFC');
  const columnMaps = new Map<number, Int32Array>();
  if (text === original) return { text, columnMaps };
  const originalLines = original.split(LINE_BREAK);
  const normalLines = text.split(LINE_BREAK);
  for (let i = 0; i < normalLines.length; i++) {
    const before = originalLines[i] ?? '';
    if (normalLines[i] !== before) columnMaps.set(i + 1, mapLineColumns(before, normalLines[i]));
  }
  return { text, columnMaps };
}

// NFC of a line equals the concatenation of the NFC of its pieces when every piece starts with
// an ASCII character: ASCII characters are starters that nothing before them composes with (an
// ASCII letter may compose with the marks after it, which stay in its piece). So each piece
// "ASCII character + the non-ASCII run after it" is normalised alone, and a column inside a
// piece that changed maps to the same offset in the original piece, clamped to it.
function mapLineColumns(original: string, normalised: string): Int32Array {
  const map = new Int32Array(normalised.length + 1);
  let o = 0;
  let n = 0;
  while (o < original.length && n < normalised.length) {
    const end = pieceEnd(original, o);
    const piece = original.slice(o, end);
    const length = end - o === 1 ? 1 : piece.normalize('NFC').length;
    for (let k = 0; k < length && n + k < normalised.length; k++) map[n + k] = o + Math.min(k, piece.length - 1);
    o = end;
    n += length;
  }
  map[normalised.length] = original.length;
  return map;
}

function pieceEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text.charCodeAt(i) >= 0x80) i++;
  return i;
}

// Original 1-based column of a normalised 1-based column on a 1-based line.
export function originalColumn(source: NormalisedSource, line: number, column: number): number {
  if (source.columnMaps.size === 0) return column;
  const map = source.columnMaps.get(line);
  if (!map) return column;
  const index = Math.min(Math.max(column - 1, 0), map.length - 1);
  return map[index] + 1;
}

// What names are made of (language guide §1): a letter or `_`, then letters, combining marks
// (Mn, Mc), decimal digits (Nd, Devanagari ones included), `_`, ZWNJ and ZWJ. As bodies of a
// regex character class (flag u), so the lexer and the editor's highlighter, word finder and
// indentation rules build their expressions from the same two strings.
export const NAME_START_CLASS = '\\p{L}_';
export const NAME_CONTINUE_CLASS = '\\p{L}\\p{Mn}\\p{Mc}\\p{Nd}_\\u200c\\u200d';
/** A whole name, as a regex source (flag u). */
export const NAME_PATTERN = `[${NAME_START_CLASS}][${NAME_CONTINUE_CLASS}]*`;
/** The digits of numbers: Latin and Devanagari (०–९), as a character class body. */
export const DIGIT_CLASS = '0-9\\u0966-\\u096f';

// A class nasal and the consonants of its class (क–घ, च–झ, ट–ढ, त–ध, प–भ): with virama
// before one of them it counts as anusvara when names are compared.
export const NASAL_CLASSES: readonly (readonly [nasal: string, consonants: string])[] = [
  ['ङ', 'कखगघ'],
  ['ञ', 'चछजझ'],
  ['ण', 'टठडढ'],
  ['न', 'तथदध'],
  ['म', 'पफबभ'],
];

const JOINERS = /[\u200c\u200d]/g;
const CLASS_NASAL = new RegExp(
  NASAL_CLASSES.map(([nasal, consonants]) => `${nasal}्(?=[${consonants}])`).join('|'),
  'g',
);

// The form in which names are compared: `सङ्ख्या` and `संख्या`, `दोहोर्‍याउ` and
// `दोहोर्याउ` have the same key. The input must already be NFC (the lexer's text is).
export function nameKey(name: string): string {
  let key = name;
  if (key.includes('\u200c') || key.includes('\u200d')) key = key.replace(JOINERS, '').normalize('NFC');
  if (key.includes('्')) key = key.replace(CLASS_NASAL, 'ं');
  return key;
}

// nameKey of text that may not be NFC: a word from the editor's buffer, the keyboard or the
// back end's callers.
export function nameKeyOfText(text: string): string {
  return nameKey(text.normalize('NFC'));
}

// Source text: NFC normalisation that remembers where each column came from, and the
// comparison key of names (ZWJ/ZWNJ ignored, class nasal + virama read as anusvara).

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
  const lines = original.split(LINE_BREAK);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.normalize('NFC') !== line) columnMaps.set(i + 1, mapLineColumns(line));
  }
  return { text, columnMaps };
}

// NFC of a string equals the concatenation of the NFC of its pieces when every piece starts
// with an ASCII character: ASCII characters are starters that never compose with what
// precedes them. So each piece "ASCII char + following non-ASCII run" is normalised alone,
// and columns inside a piece that changed map to the piece's columns, clamped.
function mapLineColumns(line: string): Int32Array {
  const pieces = line.match(/[\x00-\x7f]?[^\x00-\x7f]*/g) ?? [];
  const normalisedLength = line.normalize('NFC').length;
  const map = new Int32Array(normalisedLength + 1);
  let original = 0;
  let normalised = 0;
  for (const piece of pieces) {
    if (piece === '') continue;
    const nfc = piece.normalize('NFC');
    for (let k = 0; k < nfc.length && normalised + k < normalisedLength; k++) {
      map[normalised + k] = original + Math.min(k, piece.length - 1);
    }
    original += piece.length;
    normalised += nfc.length;
  }
  map[normalisedLength] = line.length;
  return map;
}

// Original 1-based column of a normalised 1-based column on a 1-based line.
export function originalColumn(source: NormalisedSource, line: number, column: number): number {
  if (source.columnMaps.size === 0) return column;
  const map = source.columnMaps.get(line);
  if (!map) return column;
  const index = Math.min(Math.max(column - 1, 0), map.length - 1);
  return map[index] + 1;
}

const JOINERS = /[\u200c\u200d]/g;
// ङ्, ञ्, ण्, न्, म् directly before a consonant of their own class (क–घ, च–झ, ट–ढ, त–ध, प–भ).
const CLASS_NASAL = /ङ्(?=[क-घ])|ञ्(?=[च-झ])|ण्(?=[ट-ढ])|न्(?=[त-ध])|म्(?=[प-भ])/g;

// The form in which names are compared: `सङ्ख्या` and `संख्या`, `दोहोर्‍याउ` and
// `दोहोर्याउ` have the same key. The input must already be NFC.
export function nameKey(name: string): string {
  let key = name;
  if (key.includes('\u200c') || key.includes('\u200d')) key = key.replace(JOINERS, '').normalize('NFC');
  if (key.includes('्')) key = key.replace(CLASS_NASAL, 'ं');
  return key;
}

// Quick fixes for the front end's diagnostics, Monaco-free: the danda typed for a decimal
// point (E1009) and the "did you mean …?" suggestions for misspelt names and keywords.

/** What a marker carries that a fix needs (Monaco's IMarkerData has these fields). */
export interface FixableMarker {
  code?: string | { value: string };
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export interface QuickFix {
  titleNe: string;
  titleEn: string;
  replacement: string;
}

const DANDA_AS_DECIMAL_POINT = 'E1009';
/** The English half of a suggestion message: `did you mean "देखाउ"?` */
const DID_YOU_MEAN = /did you mean "([^"]+)"\?/;

function codeOf(marker: FixableMarker): string | undefined {
  return typeof marker.code === 'object' ? marker.code.value : marker.code;
}

function replaceWith(text: string): QuickFix {
  return { titleNe: `"${text}" लेख्नुहोस्`, titleEn: `Change to "${text}"`, replacement: text };
}

/** The fixes for one marker (empty when there are none). Each replaces the marker's range. */
export function quickFixesFor(marker: FixableMarker): QuickFix[] {
  if (codeOf(marker) === DANDA_AS_DECIMAL_POINT) return [replaceWith('.')];
  const suggestion = DID_YOU_MEAN.exec(marker.message)?.[1];
  return suggestion ? [replaceWith(suggestion)] : [];
}

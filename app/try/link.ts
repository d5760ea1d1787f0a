// Links that open a piece of Sajilo code in the IDE (/try?code=…), e.g. from the guide.
export const MAX_TRY_CODE_CHARS = 8000;

export function tryHref(code: string): string {
  return `/try?code=${encodeURIComponent(code.slice(0, MAX_TRY_CODE_CHARS))}`;
}

/** A short stable name for a piece of code, so each tried example keeps its own draft. */
export function codeKey(code: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

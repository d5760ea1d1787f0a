// Sources that once stalled the front end: one very long name declared and used misspelt
// (the "did you mean" search compared the two in time length × length), and a file of one
// character that is not in the language (one diagnostic per character). Shared by the tests
// and the benchmarks so both measure the same programs.

/** A program of about `bytes` UTF-8 bytes: `राख <long name> = १` and a use with its last letter changed. */
export function longMisspeltName(bytes: number): string {
  // Each क is 3 bytes in UTF-8; the two occurrences share the budget.
  const length = Math.max(4, Math.floor((bytes - 64) / 6));
  const name = 'क'.repeat(length);
  return `राख ${name} = १\nदेखाउ(${name.slice(0, -1)}ख)\n`;
}

/** `bytes` characters of `@`, each an unexpected character. */
export function atSigns(bytes: number): string {
  return '@'.repeat(bytes);
}

export const KIB = 1024;

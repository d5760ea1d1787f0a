// The id of a guide heading, as GitHub makes it (lower case; punctuation other than '-' and
// '_' dropped; each space a '-'), so the contents' links work on /guide and on GitHub alike.
export function headingId(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

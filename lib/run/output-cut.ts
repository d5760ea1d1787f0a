// Output the sandbox cut at its byte limit ends on a whole character already (sandbox/index.ts
// drops a split UTF-8 sequence); here it also ends on a whole grapheme cluster, so that a
// Devanagari conjunct ("पङ्क्ति") is never shown half-written ("पङ्क").

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` without its last grapheme cluster, which the cut may have ended early: nothing tells
 * whether the next (lost) bytes would have extended it. A final newline is complete as it is.
 */
export function cutAtGraphemeBoundary(text: string): string {
  if (!text || text.endsWith('\n')) return text;
  // Only the tail matters: segment the last few hundred code units (a cluster is short).
  const from = Math.max(0, text.length - 256);
  let last = -1;
  for (const s of segmenter.segment(text.slice(from))) last = s.index;
  return last < 0 ? text : text.slice(0, from + last);
}

/**
 * The same cut for output streamed while the program runs: each chunk's last grapheme cluster
 * is held back until more output comes (it may still grow: a virama and a consonant can follow),
 * so that the chunks joined always equal the result's text, cut or not.
 */
export class GraphemeHoldback {
  private held = '';

  push(chunk: string): string {
    const text = this.held + chunk;
    const shown = cutAtGraphemeBoundary(text);
    this.held = text.slice(shown.length);
    return shown;
  }

  /** At the end: what was held back, unless the output limit cut the output right there. */
  end(truncated: boolean): string {
    const rest = this.held;
    this.held = '';
    return truncated ? '' : rest;
  }
}

// "Did you mean …?": the closest real word to a misspelt one, by edit distance on
// comparison keys, and by romanised form for names typed in latin letters.

import { BUILTINS, ENGLISH_EQUIVALENTS, KEYWORDS } from '../language';
import { nameKey } from './source';

// Names longer than this (in code points) get no "did you mean": nobody mistypes one letter of
// a 60-letter name, and every comparison stays cheap however long a hostile name is.
export const MAX_SUGGESTED_NAME_LENGTH = 48;

// Optimal string alignment distance (Levenshtein plus adjacent transposition), on code points,
// computed only within `cutoff` of the diagonal: any answer above `cutoff` is `cutoff + 1`.
// Time is length × (2 × cutoff + 1), not length × length.
export function editDistance(a: string, b: string, cutoff = Infinity): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const band = Math.min(cutoff, Math.max(x.length, y.length));
  if (Math.abs(x.length - y.length) > band) return band + 1;
  const beyond = band + 1; // any cell outside the band: "more than the cutoff"
  // Three rows reused in turn; each row writes its band and one cell either side, which is
  // everything the next two rows read.
  let before = new Array<number>(y.length + 1).fill(beyond);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => (j <= band ? j : beyond));
  let current = new Array<number>(y.length + 1).fill(beyond);
  for (let i = 1; i <= x.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(y.length, i + band);
    current[from - 1] = from === 1 && i <= band ? i : beyond;
    if (to < y.length) current[to + 1] = beyond;
    let rowMinimum = current[from - 1];
    for (let j = from; j <= to; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = Math.min(d, beyond);
      if (current[j] < rowMinimum) rowMinimum = current[j];
    }
    // Every alignment passes through this row (a transposition from the row before it costs
    // at least as much as a cell of this one), so the cutoff is already exceeded.
    if (rowMinimum > band) return beyond;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[y.length], beyond);
}

function tooLongToSuggest(text: string): boolean {
  // UTF-16 length bounds the code-point length from above and below (at most 2 units each).
  return (
    text.length > 2 * MAX_SUGGESTED_NAME_LENGTH ||
    (text.length > MAX_SUGGESTED_NAME_LENGTH && Array.from(text).length > MAX_SUGGESTED_NAME_LENGTH)
  );
}

// How many edits a word of this length may be away and still be a likely misspelling:
// one- and two-letter names are too short to guess from.
function allowedDistance(key: string): number {
  const length = Array.from(key).length;
  if (length <= 2) return 0;
  return length <= 5 ? 1 : 2;
}

// The closest of `candidates` (real words, as written) to `name`, or null.
export function closestWord(name: string, candidates: Iterable<string>): string | null {
  if (tooLongToSuggest(name)) return null;
  const key = nameKey(name);
  const limit = allowedDistance(key);
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (tooLongToSuggest(candidate)) continue;
    const candidateKey = nameKey(candidate);
    // A word cut short (`अन्त` for `अन्त्य`) counts as one edit away.
    const truncated = key.length >= 3 && candidateKey.startsWith(key);
    if (!truncated && Math.abs(candidateKey.length - key.length) > limit) continue; // cannot be close
    const distance = truncated ? Math.min(1, limit) : editDistance(key, candidateKey, limit);
    if (distance < bestDistance && distance > 0) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

interface RomanisedWord {
  roman: string;
  word: string;
}

const ROMANISED: readonly RomanisedWord[] = [
  ...KEYWORDS.map((k) => ({ roman: k.roman, word: k.word })),
  ...BUILTINS.map((b) => ({ roman: b.roman, word: b.name })),
];

// `yadi` → `यदि`, `dekhau` → `देखाउ`, also one or two letters off (`dekhaau`).
export function fromRomanised(name: string, allowed: (word: string) => boolean = () => true): string | null {
  if (tooLongToSuggest(name) || !/^[A-Za-z_]+$/.test(name)) return null;
  const english = Object.hasOwn(ENGLISH_EQUIVALENTS, name) ? ENGLISH_EQUIVALENTS[name] : undefined;
  if (english && allowed(english)) return english;
  const lower = name.toLowerCase();
  const limit = lower.length <= 3 ? 0 : lower.length <= 6 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const { roman, word } of ROMANISED) {
    if (!allowed(word)) continue;
    const distance = editDistance(lower, roman, limit);
    if (distance < bestDistance) {
      best = word;
      bestDistance = distance;
    }
  }
  return best;
}

const KEYWORD_WORDS = KEYWORDS.map((k) => k.word);
const KEYWORD_SET = new Set(KEYWORD_WORDS);

// The keyword a misspelt word most likely stands for, or null.
export function closestKeyword(name: string): string | null {
  return closestWord(name, KEYWORD_WORDS) ?? fromRomanised(name, (w) => KEYWORD_SET.has(w));
}

// Particles written after a word; joined to a name (`फलहरूमा`) they should stand apart.
export const PARTICLES: readonly string[] = ['मा', 'देखि', 'सम्म', 'भने', 'पटक'];

// If `name` is a word with a particle glued on, the two parts; else null.
export function splitParticle(name: string): { word: string; particle: string } | null {
  for (const particle of PARTICLES) {
    if (name.length > particle.length && name.endsWith(particle)) {
      return { word: name.slice(0, -particle.length), particle };
    }
  }
  return null;
}

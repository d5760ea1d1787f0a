// "Did you mean …?": the closest real word to a misspelt one, by edit distance on
// comparison keys, and by romanised form for names typed in latin letters.

import { BUILTINS, KEYWORDS } from '../language';
import { nameKey } from './source';

// Optimal string alignment distance (Levenshtein plus adjacent transposition), on code points.
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        current[j] = Math.min(current[j], before[j - 2] + 1);
      }
    }
    before = previous;
    previous = current;
  }
  return previous[y.length];
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
  const key = nameKey(name);
  const limit = allowedDistance(key);
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > limit + 2) continue; // too different to be a typo
    const distance = editDistance(key, nameKey(candidate));
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
  if (!/^[A-Za-z_]+$/.test(name)) return null;
  const lower = name.toLowerCase();
  const limit = lower.length <= 3 ? 0 : lower.length <= 6 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const { roman, word } of ROMANISED) {
    if (!allowed(word)) continue;
    const distance = editDistance(lower, roman);
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

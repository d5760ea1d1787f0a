// The candidate list shown while a word is typed phonetically: the language's keywords and
// builtins and the program's names whose romanisation matches the Latin loosely, then the
// rule-based spelling (and a few alternative spellings), then words the Latin begins.
// Keys are computed once per word list (CandidateIndex), so a keystroke costs a map lookup
// and a binary search, whatever the size of the program.
import { BUILTINS, KEYWORDS } from '@/lib/compiler/language';
import { nameKey } from '@/lib/compiler/frontend/source';
import { looseKey, mediumKey, romanise } from './romanise';
import { transliterate } from './transliterate';

export type CandidateSource = 'keyword' | 'builtin' | 'name' | 'rule';
/** Where the text being typed is: code, or inside a text literal or a comment. */
export type TypingContext = 'code' | 'string' | 'comment';

export interface PhoneticCandidate {
  text: string;
  source: CandidateSource;
}

export interface CandidateOptions {
  /** Names already in the program (variables, functions, parameters), as written. */
  names?: readonly string[];
  /** 'code' (default) lists the program's words first; texts and comments the rule spelling. */
  context?: TypingContext;
  latinDigits?: boolean;
}

/** Candidates offered at most (the digits 1–9 pick them). */
export const MAX_CANDIDATES = 9;
/** Loose-only matches need a loose key this long. */
const LOOSE_MIN_LETTERS = 2;
/** Words the Latin only begins are offered once its loose key has this many letters. */
const COMPLETION_MIN_LETTERS = 2;

interface Entry {
  text: string;
  key: string; // the compiler's name key: words that are the same name compare equal
  source: Exclude<CandidateSource, 'rule'>;
  spellings: ReadonlySet<string>;
  mediumKeys: ReadonlySet<string>;
  looseKey: string;
}

const SOURCE_RANK: Readonly<Record<CandidateSource, number>> = { keyword: 0, builtin: 1, name: 2, rule: 3 };

function entry(text: string, source: Entry['source'], extraSpellings: readonly string[]): Entry {
  const latin = romanise(text);
  const spellings = new Set(
    [latin, /[^aeiouAEIOU]$/.test(latin) ? latin + 'a' : latin, ...extraSpellings].map((s) => s.toLowerCase()),
  );
  return {
    text,
    key: nameKey(text),
    source,
    spellings,
    mediumKeys: new Set([...spellings].map(mediumKey)),
    looseKey: looseKey(latin),
  };
}

function compareEntries(a: Entry, b: Entry): number {
  return (
    SOURCE_RANK[a.source] - SOURCE_RANK[b.source] ||
    a.text.length - b.text.length ||
    (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)
  );
}

/**
 * Entries of names seen before, so a new names array (after each edit) costs lookups, not
 * romanisations. Bounded: cleared when it grows past NAME_CACHE_LIMIT.
 */
const nameEntries = new Map<string, Entry>();
const NAME_CACHE_LIMIT = 100_000;

function nameEntry(name: string): Entry {
  let e = nameEntries.get(name);
  if (!e) {
    if (nameEntries.size >= NAME_CACHE_LIMIT) nameEntries.clear();
    e = entry(name, 'name', []);
    nameEntries.set(name, e);
  }
  return e;
}

const LANGUAGE_ENTRIES: readonly Entry[] = [
  ...KEYWORDS.map((k) => entry(k.word, 'keyword', [k.roman])),
  ...BUILTINS.map((b) => entry(b.name, 'builtin', [b.roman])),
];

/** The words of the language and of one program, with their keys computed once. */
export class CandidateIndex {
  private readonly byLooseKey = new Map<string, Entry[]>();
  /** Every entry by loose key, sorted, for prefix search. */
  private readonly sorted: Entry[];

  constructor(names: readonly string[] = []) {
    const seen = new Set<string>();
    const entries: Entry[] = [];
    for (const e of LANGUAGE_ENTRIES) {
      seen.add(e.key);
      entries.push(e);
    }
    for (const name of names) {
      if (name === '') continue;
      const e = nameEntry(name);
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      entries.push(e);
    }
    for (const e of entries) {
      const bucket = this.byLooseKey.get(e.looseKey);
      if (bucket) bucket.push(e);
      else this.byLooseKey.set(e.looseKey, [e]);
    }
    this.sorted = entries.sort((a, b) =>
      a.looseKey < b.looseKey ? -1 : a.looseKey > b.looseKey ? 1 : compareEntries(a, b),
    );
  }

  /** The candidates for a Latin word, best first, at most `max`. */
  candidates(
    latin: string,
    context: TypingContext = 'code',
    max = MAX_CANDIDATES,
    latinDigits = false,
  ): PhoneticCandidate[] {
    if (latin === '' || max <= 0) return [];
    const rule = transliterate(latin, { latinDigits });
    const ruleKey = nameKey(rule);
    const lower = latin.toLowerCase();
    const medium = mediumKey(latin);
    const loose = looseKey(latin);

    const tiered: { entry: Entry; tier: number }[] = [];
    for (const e of this.byLooseKey.get(loose) ?? []) {
      const tier = e.key === ruleKey || e.spellings.has(lower) ? 0 : e.mediumKeys.has(medium) ? 1 : 2;
      // One-letter loose keys match too much (`ba` would find वा): only closer matches there.
      if (tier < 2 || loose.length >= LOOSE_MIN_LETTERS) tiered.push({ entry: e, tier });
    }
    tiered.sort((a, b) => a.tier - b.tier || compareEntries(a.entry, b.entry));
    const matches = tiered.map(({ entry: e }) => e);

    const out: PhoneticCandidate[] = [];
    const taken = new Set<string>();
    const add = (text: string, source: CandidateSource) => {
      const key = nameKey(text);
      if (out.length >= max || taken.has(key)) return;
      taken.add(key);
      out.push({ text, source });
    };
    const addRule = () => {
      add(rule, this.sourceOf(ruleKey, matches));
      for (const variant of ruleVariants(latin, latinDigits)) add(variant, 'rule');
    };

    if (context === 'code') {
      for (const e of matches) add(e.text, e.source);
      addRule();
      if (loose.length >= COMPLETION_MIN_LETTERS) for (const e of this.completions(loose, max)) add(e.text, e.source);
    } else {
      addRule();
      for (const e of matches) add(e.text, e.source);
    }
    return out;
  }

  private sourceOf(key: string, matches: readonly Entry[]): CandidateSource {
    return matches.find((e) => e.key === key)?.source ?? 'rule';
  }

  /** Entries whose loose key starts with `prefix` (and is longer), closest first. */
  private completions(prefix: string, max: number): Entry[] {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid].looseKey < prefix) low = mid + 1;
      else high = mid;
    }
    const found: Entry[] = [];
    for (let i = low; i < this.sorted.length && found.length < max * 4; i++) {
      const e = this.sorted[i];
      if (!e.looseKey.startsWith(prefix)) break;
      if (e.looseKey !== prefix) found.push(e);
    }
    return found.sort((a, b) => a.looseKey.length - b.looseKey.length || compareEntries(a, b)).slice(0, max);
  }
}

/**
 * Other spellings the same Latin often means, offered after the rule's: र + ि instead of ृ
 * (`kriya` क्रिया), ग्य instead of ज्ञ (`yogyataa` योग्यता), and the opposite.
 */
const VARIANT_REWRITES: readonly (readonly [RegExp, string])[] = [
  [/([b-df-hj-np-tv-z])ri(?![iI])/g, '$1qri'],
  [/gy/g, 'gqy'],
];

function ruleVariants(latin: string, latinDigits: boolean): string[] {
  const variants: string[] = [];
  for (const [pattern, replacement] of VARIANT_REWRITES) {
    const rewritten = latin.replace(pattern, replacement);
    if (rewritten !== latin) variants.push(transliterate(rewritten, { latinDigits }));
  }
  return variants;
}

const indexes = new WeakMap<readonly string[], CandidateIndex>();
let languageOnly: CandidateIndex | null = null;

/** The index for a names array, built once per array (pass the same array until names change). */
export function candidateIndex(names?: readonly string[]): CandidateIndex {
  if (!names || names.length === 0) return (languageOnly ??= new CandidateIndex());
  let index = indexes.get(names);
  if (!index) {
    index = new CandidateIndex(names);
    indexes.set(names, index);
  }
  return index;
}

/**
 * Candidates for a Latin word typed phonetically, best first: in code, the keywords, builtins
 * and `names` whose romanisation matches loosely, then the rule-based spelling (and its
 * alternatives), then longer words the Latin begins; in texts and comments the rule-based
 * spelling comes first. Never empty for a non-empty word.
 */
export function phoneticCandidates(
  latin: string,
  options: CandidateOptions = {},
  max = MAX_CANDIDATES,
): PhoneticCandidate[] {
  return candidateIndex(options.names).candidates(latin, options.context ?? 'code', max, options.latinDigits ?? false);
}

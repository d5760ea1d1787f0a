// Completion proposals, Monaco-free: keywords, builtins, names in scope and block snippets,
// matched by Devanagari prefix or by a romanised prefix (`yadi` → यदि).
import { BUILTINS, KEYWORDS, nameKeyOfText } from './compiler-bridge';
import type { Analyse, SymbolInfo } from './compiler-bridge';
import { latinPrefixMatches, romanise } from './romanise';
import { symbolsInScope } from './scope';
import { SNIPPETS } from './snippets';
import { SYMBOL_KIND_TEXT } from './symbol-kinds';
import { pick } from './ui-language';
import type { UiLanguage } from './ui-language';
import { isLatinWord, wordAt } from './word-at';
import type { WordSpan } from './word-at';

export type CompletionKind = 'keyword' | 'builtin' | 'snippet' | SymbolInfo['kind'];

export interface SajiloCompletion {
  label: string;
  kind: CompletionKind;
  detail: string;
  documentation?: string;
  insertText: string;
  isSnippet: boolean;
  /** What Monaco filters the typed word against. */
  filterText: string;
  sortText: string;
}

export interface CompletionResult {
  word: WordSpan;
  items: SajiloCompletion[];
  /** True: the list depends on more than Monaco's own filter (romanised prefixes, exact words). */
  incomplete: boolean;
}

interface Candidate extends Omit<SajiloCompletion, 'filterText'> {
  /** The Devanagari word the candidate inserts or starts with. */
  word: string;
  /** Latin spellings that should find it. */
  romanSpellings: string[];
}

const SORT_GROUP: Readonly<Record<CompletionKind, string>> = {
  parameter: '1',
  variable: '1',
  constant: '1',
  function: '1',
  keyword: '2',
  builtin: '3',
  snippet: '4',
};

function keywordCandidates(ui: UiLanguage): Candidate[] {
  return KEYWORDS.map((k) => ({
    label: k.word,
    kind: 'keyword',
    word: k.word,
    insertText: k.word,
    isSnippet: false,
    detail: `${k.roman} — ${pick(ui, k.meaningNe, k.meaningEn)}`,
    romanSpellings: [k.roman, romanise(k.word)],
    sortText: SORT_GROUP.keyword + k.word,
  }));
}

function builtinCandidates(ui: UiLanguage): Candidate[] {
  return BUILTINS.map((b) => ({
    label: b.name,
    kind: 'builtin',
    word: b.name,
    insertText: b.name,
    isSnippet: false,
    detail: b.signature,
    documentation: pick(ui, b.docNe, b.docEn),
    romanSpellings: [b.roman, romanise(b.name)],
    sortText: SORT_GROUP.builtin + b.name,
  }));
}

function snippetCandidates(ui: UiLanguage): Candidate[] {
  return SNIPPETS.map((s, index) => ({
    label: s.label,
    kind: 'snippet',
    word: s.keyword,
    insertText: s.body,
    isSnippet: true,
    detail: pick(ui, s.descriptionNe, s.descriptionEn),
    romanSpellings: [s.roman, romanise(s.keyword)],
    sortText: SORT_GROUP.snippet + String(index).padStart(2, '0'),
  }));
}

function symbolCandidates(symbols: readonly SymbolInfo[], ui: UiLanguage): Candidate[] {
  return symbols.map((s) => {
    const [ne, en] = SYMBOL_KIND_TEXT[s.kind];
    return {
      label: s.name,
      kind: s.kind,
      word: s.name,
      insertText: s.name,
      isSnippet: false,
      detail: pick(ui, ne, en),
      romanSpellings: [romanise(s.name)],
      sortText: SORT_GROUP[s.kind] + s.name,
    };
  });
}

function matches(candidate: Candidate, prefix: string): boolean {
  if (prefix === '') return true;
  if (isLatinWord(prefix)) return latinPrefixMatches(prefix, candidate.romanSpellings);
  return nameKeyOfText(candidate.word).startsWith(nameKeyOfText(prefix));
}

/**
 * A plain entry that would insert exactly the word already typed: offering it only opens a
 * list that takes the next key press, so it is left out (snippets still expand the word).
 */
function completesNothing(candidate: Candidate, word: WordSpan): boolean {
  return !candidate.isSnippet && word.prefix !== '' && word.prefix === word.word && candidate.insertText === word.word;
}

/** The text Monaco's fuzzy filter should see so that a matched candidate stays listed. */
function filterTextFor(candidate: Candidate, prefix: string): string {
  if (!isLatinWord(prefix)) return candidate.word;
  const literal = candidate.romanSpellings.find((s) => s.toLowerCase().startsWith(prefix.toLowerCase()));
  return literal ?? prefix;
}

function toCompletion(candidate: Candidate, prefix: string): SajiloCompletion {
  const { word: _word, romanSpellings: _spellings, ...item } = candidate;
  return { ...item, filterText: filterTextFor(candidate, prefix) };
}

export interface CompletionRequest {
  /** The whole text: read for the cursor's line unless `lineText` is given, analysed unless `symbols` are. */
  source: string;
  /** 1-based cursor position. */
  line: number;
  column: number;
  uiLanguage: UiLanguage;
  analyse?: Analyse;
  /** The cursor's line, when the caller has it at hand. */
  lineText?: string;
  /** The program's declarations from an earlier analysis (tracked-symbols.ts): used instead of analysing `source`. */
  symbols?: readonly SymbolInfo[];
}

export function completionsAt(request: CompletionRequest): CompletionResult {
  const { source, line, column, uiLanguage } = request;
  const lineText = request.lineText ?? source.split(/\r?\n/)[line - 1] ?? '';
  const word = wordAt(lineText, column);
  const declared = request.symbols ?? request.analyse?.(source).symbols;
  const symbols = declared ? symbolsInScope(declared, line, column, word.startColumn) : [];
  const candidates = [
    ...symbolCandidates(symbols, uiLanguage),
    ...keywordCandidates(uiLanguage),
    ...builtinCandidates(uiLanguage),
    ...snippetCandidates(uiLanguage),
  ];
  const items = candidates
    .filter((c) => matches(c, word.prefix) && !completesNothing(c, word))
    .map((c) => toCompletion(c, word.prefix));
  // Always asked again on the next key: a romanised prefix needs our matching, and a word
  // typed in full must drop its own entry (an exact match opens no list).
  return { word, items, incomplete: true };
}

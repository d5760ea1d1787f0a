// Hover documentation for keywords and builtins, in the UI language first and the other
// language after it. Monaco-free: returns Markdown strings and a column span.
import { BUILTINS, KEYWORDS, nameKeyOfText } from './compiler-bridge';
import type { SymbolInfo } from './compiler-bridge';
import { SYMBOL_KIND_TEXT } from './symbol-kinds';
import type { UiLanguage } from './ui-language';
import { wordAt } from './word-at';

export interface SajiloHover {
  startColumn: number;
  endColumn: number;
  /** Markdown paragraphs. */
  contents: string[];
}

const CODE_FENCE = '```';

function inOrder(ui: UiLanguage, ne: string, en: string): [string, string] {
  return ui === 'en' ? [en, ne] : [ne, en];
}

function keywordHover(word: string, ui: UiLanguage): string[] | null {
  const keyword = KEYWORDS.find((k) => nameKeyOfText(k.word) === word);
  if (!keyword) return null;
  const [first, second] = inOrder(ui, keyword.meaningNe, keyword.meaningEn);
  const title = ui === 'en' ? 'keyword' : 'मुख्य शब्द';
  return [`**${keyword.word}** (${keyword.roman}) — ${title}`, first, `_${second}_`];
}

function builtinHover(word: string, ui: UiLanguage): string[] | null {
  const builtin = BUILTINS.find((b) => nameKeyOfText(b.name) === word);
  if (!builtin) return null;
  const [first, second] = inOrder(ui, builtin.docNe, builtin.docEn);
  return [`${CODE_FENCE}sajilo\n${builtin.signature}\n${CODE_FENCE}`, first, `_${second}_`];
}

/** Documentation for the keyword or builtin under the cursor, or null. */
export function hoverAt(lineText: string, column: number, uiLanguage: UiLanguage): SajiloHover | null {
  const span = wordAt(lineText, column);
  if (span.word === '') return null;
  const word = nameKeyOfText(span.word);
  const contents = keywordHover(word, uiLanguage) ?? builtinHover(word, uiLanguage);
  return contents && { startColumn: span.startColumn, endColumn: span.endColumn, contents };
}

function devanagariDigits(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0x0966 + Number(d)));
}

/**
 * What a user-declared name under the cursor is and where it was declared, from the
 * symbols visible at the cursor (see symbolsInScope), or null.
 */
export function symbolHoverAt(
  lineText: string,
  column: number,
  visibleSymbols: readonly SymbolInfo[],
  uiLanguage: UiLanguage,
): SajiloHover | null {
  const span = wordAt(lineText, column);
  if (span.word === '') return null;
  const symbol = visibleSymbols.find((s) => nameKeyOfText(s.name) === nameKeyOfText(span.word));
  if (!symbol) return null;
  const [kindNe, kindEn] = SYMBOL_KIND_TEXT[symbol.kind];
  const declared =
    uiLanguage === 'en'
      ? `${kindEn}, declared on line ${symbol.line}`
      : `${kindNe}, पङ्क्ति ${devanagariDigits(symbol.line)} मा घोषणा`;
  return { startColumn: span.startColumn, endColumn: span.endColumn, contents: [`**${symbol.name}** — ${declared}`] };
}

// How the editor names the kinds of user-declared names, in Nepali and English.
import type { SymbolInfo } from './compiler-bridge';

export const SYMBOL_KIND_TEXT: Readonly<Record<SymbolInfo['kind'], readonly [ne: string, en: string]>> = {
  variable: ['चल', 'variable'],
  constant: ['स्थिर', 'constant'],
  function: ['कार्य', 'function'],
  parameter: ['प्यारामिटर', 'parameter'],
};

// The editor's one door into the compiler front end (contract: docs/interfaces.md).
// Everything the editor knows about the language's words comes through here, never retyped.
import type { analyse, check } from '../compiler';

export { KEYWORDS, BUILTINS } from '../compiler';
export type { KeywordInfo, BuiltinInfo, Diagnostic, SymbolInfo } from '../compiler';

/** The front end's analyse() or anything with its shape (tests pass small fakes). */
export type Analyse = typeof analyse;
/** The front end's check(). */
export type Check = typeof check;

// Sajilo language support for Monaco. Every function takes the `monaco` namespace as a
// parameter; nothing here imports Monaco at run time.
export { registerSajilo } from './register';
export type { SajiloRegistrationOptions } from './register';
export { SAJILO_LANGUAGE_ID, SAJILO_EXTENSIONS } from './language-id';
export { sajiloMonarch, TOKEN } from './monarch';
export { sajiloLanguageConfiguration, WORD_PATTERN } from './language-configuration';
export { INCREASE_INDENT, DECREASE_INDENT } from './indentation';
export { completionsAt } from './completion';
export { symbolsInScope } from './scope';
export type { CompletionKind, CompletionRequest, CompletionResult, SajiloCompletion } from './completion';
export { SNIPPETS } from './snippets';
export { hoverAt, symbolHoverAt } from './hover';
export { quickFixesFor } from './quick-fixes';
export type { QuickFix, FixableMarker } from './quick-fixes';
export type { SajiloHover } from './hover';
export { toMarker, toMarkers, diagnosticMessage, SAJILO_MARKER_OWNER } from './markers';
export { createLiveChecker, DEFAULT_LIVE_CHECK_DELAY_MS } from './live-check';
export type { LiveChecker, LiveCheckOptions, ModelLike, TimerLike } from './live-check';
export { attachLiveDiagnostics } from './live-diagnostics';
export type { LiveDiagnostics, LiveDiagnosticsOptions } from './live-diagnostics';
export { findBlocks, foldingRanges, matchingKeywords } from './blocks';
export type { Block, KeywordSite, LineRange } from './blocks';
export { wordAt } from './word-at';
export { romanise } from './romanise';
export { canonicalSpelling, spellingPattern } from './spelling';
export type { UiLanguage } from './ui-language';
export type { Analyse, Check, Diagnostic, SymbolInfo } from './compiler-bridge';
export type { MonacoApi } from './monaco-types';

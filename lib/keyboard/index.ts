// Sajilo's input engine: how key presses become Devanagari, shared by the code editor and
// every text field. Framework-free (no Monaco, React or DOM imports); docs/keyboard.md has the
// tables and the full description.
//
// Layouts (LayoutId): 'phonetic' (the default), 'nepali-romanized', 'nepali-traditional', 'off'.
//
// Phonetic typing (lib/keyboard/phonetic):
//   transliterate(latin, { latinDigits? }): string
//       the published Latin → Devanagari scheme (namaste → नमस्ते, samma → सम्म,
//       kshetra/xetra → क्षेत्र, gyan/jnyan → ज्ञान, shri → श्री, krishi → कृषि); digits → ०–९;
//       every ASCII symbol and non-Latin character passes through unchanged.
//   phoneticCandidates(latin, { names?, context?, latinDigits? }, max = 9): PhoneticCandidate[]
//       { text, source: 'keyword' | 'builtin' | 'name' | 'rule' }, best first: in code the
//       language's words and the program's names matching loosely (dekhau/dekhaau/dekhaaun →
//       देखाउ), then the rule spelling and its alternatives, then longer words the Latin
//       begins; in 'string'/'comment' the rule spelling first. Keys are built once per names
//       array (pass the same array until the names change).
//   new PhoneticComposer({ names?: () => string[], latinDigits?: () => boolean, latinInText? })
//       .key(event, context) → { handled, insert, composition }: feed every keydown; insert
//       `insert` (replacing the shown Latin), swallow the key when `handled`, else let it act.
//       .composition ({ latin, candidates, selected } | null), .commit(), .choose(i),
//       .cancel(), .latinInText (Alt+L / Option+L toggles it inside texts and comments).
//   romanise(devanagari): the scheme's Latin for a word (transliterate(romanise(w)) === w).
//
// Fixed layouts:
//   mapLayoutKey(input, layoutId, context, { latinDigits? }): string | null
//       the code-symbol rule: in code, Alt/Option + a symbol or digit key types its US
//       character and the । ॥ keys type . and >; in texts and comments the published layout.
//   mapKey(input, layoutId): the published layout alone (AltGr layer included), as before.
//   toKeyInput(event): KeyboardEvent → KeyInput (code + modifiers; AltGraph; IME).
//   keyboardRows(layoutId), displayLabel(text): the on-screen keyboard.
export type { KeyCode, KeyInput, KeyLevel, KeyPair, LayoutData, LayoutId } from './types';
export { LAYOUTS, DEFAULT_LAYOUT_ID, isLayoutId, layoutData, nextLayoutId } from './layouts';
export type { LayoutInfo } from './layouts';
export { mapKey, keyOutput, keyLevel } from './map-key';
export { mapLayoutKey, hasUseInCode, codeSymbolKeys, CODE_SYMBOL_RULE_STRING } from './code-symbols';
export type { LayoutKeyOptions } from './code-symbols';
export { toKeyInput } from './key-event';
export type { KeyboardEventLike, KeyInputOptions } from './key-event';
export { keyboardRows, displayLabel } from './on-screen';
export type { OnScreenKey } from './on-screen';
export { KEY_ROWS, TYPING_KEYS, US_QWERTY } from './physical-keys';
export { transliterate, transliterateWord } from './phonetic/transliterate';
export type { TransliterateOptions } from './phonetic/transliterate';
export { phoneticCandidates, candidateIndex, CandidateIndex, MAX_CANDIDATES } from './phonetic/candidates';
export type { PhoneticCandidate, CandidateSource, CandidateOptions, TypingContext } from './phonetic/candidates';
export { PhoneticComposer, LATIN_IN_TEXT_SHORTCUT } from './phonetic/composer';
export type { ComposerKey, ComposerResult, ComposerOptions, Composition } from './phonetic/composer';
export { romanise, looseKey, mediumKey } from './phonetic/romanise';

// Nepali keyboard layouts for the editor: data tables and a small engine.
// Framework-free: no Monaco, React or DOM imports.
export type { KeyCode, KeyInput, KeyLevel, KeyPair, LayoutData, LayoutId } from './types';
export { LAYOUTS, DEFAULT_LAYOUT_ID, isLayoutId, layoutData, nextLayoutId } from './layouts';
export type { LayoutInfo } from './layouts';
export { mapKey, keyOutput, keyLevel } from './map-key';
export { toKeyInput } from './key-event';
export type { KeyboardEventLike, KeyInputOptions } from './key-event';
export { keyboardRows, displayLabel } from './on-screen';
export type { OnScreenKey } from './on-screen';
export { KEY_ROWS, TYPING_KEYS, US_QWERTY } from './physical-keys';

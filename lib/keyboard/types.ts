// Shapes shared by the keyboard layout data and the engine. No DOM, Monaco or React here.

/** A physical key, named as KeyboardEvent.code names it (KeyA, Digit1, BracketLeft, …). */
export type KeyCode = string;

/** What a key types without and with Shift. */
export type KeyPair = readonly [base: string, shifted: string];

/** 'phonetic' types by sound (lib/keyboard/phonetic); the two Nepali layouts are fixed tables. */
export type LayoutId = 'phonetic' | 'nepali-romanized' | 'nepali-traditional' | 'off';

export interface LayoutData {
  id: Exclude<LayoutId, 'off' | 'phonetic'>;
  nameNe: string;
  nameEn: string;
  /** Where the table comes from (for docs/keyboard.md and reviewers). */
  source: string;
  /** The published layout, key by key, unshifted and shifted: every key of the typing block. */
  published: Readonly<Record<KeyCode, KeyPair>>;
  /**
   * Keys whose published output Sajilo replaces so code stays easy to type. The published
   * characters of these keys move to the AltGr layer of the same key.
   */
  programmingOverrides: Readonly<Record<KeyCode, KeyPair>>;
}

/** The subset of a KeyboardEvent the engine needs (a plain object works too). */
export interface KeyInput {
  code: string;
  key?: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  /** AltGr (Right Alt) is held: KeyboardEvent.getModifierState('AltGraph'). */
  altGraph?: boolean;
}

export type KeyLevel = 'base' | 'shift' | 'altGraph' | 'altGraphShift';

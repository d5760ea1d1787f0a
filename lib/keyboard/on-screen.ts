// What the on-screen keyboard draws: rows of keys with their outputs at each level and
// labels a person can read (combining vowel signs shown on a dotted circle).
import { keyOutput } from './map-key';
import { KEY_ROWS, US_QWERTY } from './physical-keys';
import type { KeyCode, KeyLevel } from './types';
import { ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER } from './layouts/invisible-characters';

export interface OnScreenKey {
  code: KeyCode;
  /** The key's name on a US keyboard ("Q", "1", "[") so learners can find it. */
  physicalLabel: string;
  /** What pressing the key types at each level (Latin characters when the layout is off). */
  output: Readonly<Record<KeyLevel, string>>;
  /** The same, ready to draw. */
  label: Readonly<Record<KeyLevel, string>>;
}

const DOTTED_CIRCLE = '\u25CC';
const COMBINING_AT_START = /^\p{M}/u;
const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  [ZERO_WIDTH_JOINER]: 'ZWJ',
  [ZERO_WIDTH_NON_JOINER]: 'ZWNJ',
};

/** A readable label for a key's output: ◌ा for a vowel sign, ZWJ for the invisible joiner. */
export function displayLabel(text: string): string {
  if (INVISIBLE_NAMES[text]) return INVISIBLE_NAMES[text];
  return COMBINING_AT_START.test(text) ? DOTTED_CIRCLE + text : text;
}

const LEVELS: readonly KeyLevel[] = ['base', 'shift', 'altGraph', 'altGraphShift'];

function latinOutput(code: KeyCode, level: KeyLevel): string {
  const [base, shifted] = US_QWERTY[code];
  return level === 'base' || level === 'altGraph' ? base : shifted;
}

function onScreenKey(layoutId: string, code: KeyCode): OnScreenKey {
  const output = {} as Record<KeyLevel, string>;
  const label = {} as Record<KeyLevel, string>;
  for (const level of LEVELS) {
    output[level] = keyOutput(layoutId, code, level) ?? latinOutput(code, level);
    label[level] = displayLabel(output[level]);
  }
  return { code, physicalLabel: US_QWERTY[code][0].toUpperCase(), output, label };
}

/** The typing block of a layout, four rows from the number row down. */
export function keyboardRows(layoutId: string): OnScreenKey[][] {
  return KEY_ROWS.map((row) => row.map((code) => onScreenKey(layoutId, code)));
}

// Test helper, independent of lib/keyboard: which physical key and Shift state types a
// character on a US QWERTY keyboard. Published layout tables are written by that character.
const CODES = [
  [
    'Backquote',
    'Digit1',
    'Digit2',
    'Digit3',
    'Digit4',
    'Digit5',
    'Digit6',
    'Digit7',
    'Digit8',
    'Digit9',
    'Digit0',
    'Minus',
    'Equal',
  ],
  [
    'KeyQ',
    'KeyW',
    'KeyE',
    'KeyR',
    'KeyT',
    'KeyY',
    'KeyU',
    'KeyI',
    'KeyO',
    'KeyP',
    'BracketLeft',
    'BracketRight',
    'Backslash',
  ],
  ['KeyA', 'KeyS', 'KeyD', 'KeyF', 'KeyG', 'KeyH', 'KeyJ', 'KeyK', 'KeyL', 'Semicolon', 'Quote'],
  ['KeyZ', 'KeyX', 'KeyC', 'KeyV', 'KeyB', 'KeyN', 'KeyM', 'Comma', 'Period', 'Slash'],
];
const UNSHIFTED = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];
const SHIFTED = ['~!@#$%^&*()_+', 'QWERTYUIOP{}|', 'ASDFGHJKL:"', 'ZXCVBNM<>?'];

export interface UsKey {
  code: string;
  shiftKey: boolean;
}

export function usKeyFor(character: string): UsKey {
  for (let row = 0; row < CODES.length; row++) {
    const plain = UNSHIFTED[row].indexOf(character);
    if (plain >= 0) return { code: CODES[row][plain], shiftKey: false };
    const shifted = SHIFTED[row].indexOf(character);
    if (shifted >= 0) return { code: CODES[row][shifted], shiftKey: true };
  }
  throw new Error(`not on a US keyboard: ${character}`);
}

export const ALL_US_CHARACTERS: readonly string[] = [...UNSHIFTED.join(''), ...SHIFTED.join('')];

/** A key press with no modifiers other than Shift. */
export function press(code: string, shiftKey = false) {
  return { code, shiftKey, ctrlKey: false, metaKey: false, altKey: false, isComposing: false };
}

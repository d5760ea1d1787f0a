// The fixed layouts (Romanized, Traditional) with the code-symbol rule: in code, every ASCII
// character Sajilo uses is typeable on a US keyboard without AltGr, on Windows, Linux and Mac.
//
// The rule (one sentence on the toolbar, strings 'keyboard.codeSymbolRule'):
//   1. Alt (Option on a Mac) + a symbol or digit key types that key's US character
//      (Alt+[ → [, Alt+Shift+, → <, Alt+/ → /, Alt+5 → 5), in code, texts and comments.
//   2. In code, a key whose layout character has no use outside a text (the dandas । ॥)
//      types the key's US character instead: . on the । key, > on Shift+. (Romanized).
// Inside texts and comments the layouts give exactly their published characters. The rule
// reads `code` and modifiers, never `key`: a Mac's Option+, reports ≤ as its key.
// AltGr (Right Alt on Windows/Linux international layouts) keeps its own layer (map-key.ts).
import { keyLevel, keyOutput, mapKey } from './map-key';
import type { TypingContext } from './phonetic/candidates';
import { US_QWERTY } from './physical-keys';
import type { KeyInput } from './types';

/** The i18n key (lib/i18n/strings.ts) of the one-line description the toolbar shows. */
export const CODE_SYMBOL_RULE_STRING = 'keyboard.codeSymbolRule' as const;

export interface LayoutKeyOptions {
  /** The number row types 0–9 instead of ०–९. */
  latinDigits?: boolean;
}

const LETTER_KEY = /^Key[A-Z]$/;
const DIGIT_KEY = /^Digit[0-9]$/;
/** Non-ASCII text that can be no part of a name, number or operator: । ॥. */
const NO_USE_IN_CODE = /^[^\p{L}\p{M}\p{N}\u200C\u200D\u0000-\u007F]+$/u;

/** The key's US character (Shift picks the shifted one), or null outside the typing block. */
function usCharacter(code: string, shiftKey: boolean): string | null {
  return US_QWERTY[code]?.[shiftKey ? 1 : 0] ?? null;
}

/** Whether a layout character can appear in code outside a text. */
export function hasUseInCode(text: string): boolean {
  return !NO_USE_IN_CODE.test(text);
}

/**
 * What a key press types with a fixed layout in `context`, or null when the host should
 * handle the key itself (layout off or phonetic, IME composition, shortcuts, keys outside
 * the typing block).
 */
export function mapLayoutKey(
  input: KeyInput,
  layoutId: string,
  context: TypingContext,
  options: LayoutKeyOptions = {},
): string | null {
  const plainAlt = input.altKey && !input.ctrlKey && !input.metaKey && !input.altGraph;
  if (plainAlt) {
    if (input.isComposing || input.key === 'Process' || keyOutput(layoutId, input.code, 'base') === null) return null;
    return LETTER_KEY.test(input.code) ? null : usCharacter(input.code, input.shiftKey);
  }
  const text = mapKey(input, layoutId);
  if (text === null) return null;
  const level = keyLevel(input);
  if (level !== 'base' && level !== 'shift') return text;
  if (options.latinDigits && level === 'base' && DIGIT_KEY.test(input.code)) return usCharacter(input.code, false);
  if (context === 'code' && !hasUseInCode(text)) return usCharacter(input.code, input.shiftKey) ?? text;
  return text;
}

/** Every key the rule changes in code for a layout: code, Shift, layout character, typed. */
export function codeSymbolKeys(layoutId: string): { code: string; shiftKey: boolean; layout: string; typed: string }[] {
  const keys: { code: string; shiftKey: boolean; layout: string; typed: string }[] = [];
  for (const code of Object.keys(US_QWERTY)) {
    for (const shiftKey of [false, true]) {
      const layout = keyOutput(layoutId, code, shiftKey ? 'shift' : 'base');
      if (layout !== null && !hasUseInCode(layout))
        keys.push({ code, shiftKey, layout, typed: usCharacter(code, shiftKey)! });
    }
  }
  return keys;
}

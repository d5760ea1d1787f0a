// Turns a browser KeyboardEvent (or anything shaped like one) into the engine's KeyInput.
// Structural types only: no DOM import, so it runs anywhere.
import type { KeyInput } from './types';

export interface KeyboardEventLike {
  code: string;
  key?: string;
  keyCode?: number;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  getModifierState?(key: string): boolean;
}

/** keyCode browsers report for a key press that an IME is handling. */
const IME_PROCESS_KEY_CODE = 229;

export interface KeyInputOptions {
  /**
   * macOS has no AltGr: let Option (Alt without Ctrl/Cmd) reach the AltGr layer, so
   * Option+[ types [ with a Nepali layout on. Off by default (Option then passes through).
   */
  macOptionAsAltGraph?: boolean;
}

export function toKeyInput(event: KeyboardEventLike, options: KeyInputOptions = {}): KeyInput {
  const macOption = options.macOptionAsAltGraph === true && event.altKey && !event.ctrlKey && !event.metaKey;
  return {
    code: event.code,
    key: event.key,
    shiftKey: event.shiftKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    isComposing: event.isComposing === true || event.keyCode === IME_PROCESS_KEY_CODE,
    altGraph: event.getModifierState?.('AltGraph') === true || macOption,
  };
}

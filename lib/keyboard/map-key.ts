// The layout engine: physical key + modifiers → the text to insert, or null to let the
// editor handle the key itself.
import { layoutData } from './layouts';
import { US_QWERTY } from './physical-keys';
import type { KeyCode, KeyInput, KeyLevel } from './types';

/** What a key types at one level of a layout; null when the layout is off or the key unknown. */
export function keyOutput(layoutId: string, code: KeyCode, level: KeyLevel): string | null {
  const layout = layoutData(layoutId);
  if (!layout) return null;
  const published = layout.published[code];
  const override = layout.programmingOverrides[code];
  const shifted = level === 'shift' || level === 'altGraphShift' ? 1 : 0;
  if (level === 'base' || level === 'shift') {
    return (override ?? published)?.[shifted] ?? null;
  }
  // AltGr: the published characters an override displaced, else the key's Latin character.
  return (override ? published : US_QWERTY[code])?.[shifted] ?? null;
}

/** The modifier level a key press asks for, or null when the press is a shortcut. */
export function keyLevel(input: KeyInput): KeyLevel | null {
  if (input.metaKey) return null;
  // Windows reports AltGr as Ctrl+Alt, so AltGraph is checked before Ctrl and Alt.
  if (input.altGraph) return input.shiftKey ? 'altGraphShift' : 'altGraph';
  if (input.ctrlKey || input.altKey) return null;
  return input.shiftKey ? 'shift' : 'base';
}

function isComposition(input: KeyInput): boolean {
  return input.isComposing === true || input.key === 'Process' || input.key === 'Dead';
}

/**
 * The text a key press inserts with the given layout, or null when the editor should handle
 * the press as usual: layout off, an IME composition, a Ctrl/Cmd/Alt shortcut, or a key
 * outside the typing block (Enter, Tab, Space, arrows, F-keys, …).
 */
export function mapKey(input: KeyInput, layoutId: string): string | null {
  if (isComposition(input)) return null;
  const level = keyLevel(input);
  if (level === null) return null;
  return keyOutput(layoutId, input.code, level);
}

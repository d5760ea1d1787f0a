// The keyboard layout the visitor chose (lib/keyboard's ids), remembered in localStorage.
import { DEFAULT_LAYOUT_ID, isLayoutId, LAYOUTS, nextLayoutId, type LayoutId } from '@/lib/keyboard';

export type LayoutChoice = LayoutId;
export const LAYOUT_CHOICES: readonly LayoutChoice[] = LAYOUTS.map((l) => l.id);
export const LAYOUT_STORAGE_KEY = 'sajilo:keyboard-layout';
export const DEFAULT_LAYOUT: LayoutChoice = DEFAULT_LAYOUT_ID;
export const isLayoutChoice = isLayoutId;
/** The next layout in the cycle the keyboard shortcut walks: romanized → traditional → off. */
export const nextLayout = nextLayoutId;

// The layouts the IDE offers, in menu order.
import type { LayoutData, LayoutId } from '../types';
import { NEPALI_ROMANIZED } from './nepali-romanized';
import { NEPALI_TRADITIONAL } from './nepali-traditional';

export interface LayoutInfo {
  id: LayoutId;
  nameNe: string;
  nameEn: string;
}

const TABLES: readonly LayoutData[] = [NEPALI_ROMANIZED, NEPALI_TRADITIONAL];

export const LAYOUTS: readonly LayoutInfo[] = [
  { id: 'phonetic', nameNe: 'फोनेटिक', nameEn: 'Phonetic' },
  ...TABLES.map(({ id, nameNe, nameEn }) => ({ id, nameNe, nameEn })),
  { id: 'off', nameNe: 'बन्द (ABC)', nameEn: 'Off (ABC)' },
];

/** Phonetic typing is the default: most Nepali speakers type by sound, not by a fixed layout. */
export const DEFAULT_LAYOUT_ID: LayoutId = 'phonetic';

export function isLayoutId(value: unknown): value is LayoutId {
  return LAYOUTS.some((layout) => layout.id === value);
}

/** The table of a fixed layout, or null for 'phonetic', 'off' and unknown ids. */
export function layoutData(id: string): LayoutData | null {
  return TABLES.find((layout) => layout.id === id) ?? null;
}

/** The next layout in menu order (for a toggle shortcut); wraps around. */
export function nextLayoutId(id: LayoutId): LayoutId {
  const index = LAYOUTS.findIndex((layout) => layout.id === id);
  return LAYOUTS[(index + 1) % LAYOUTS.length].id;
}

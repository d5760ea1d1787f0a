import { describe, expect, it } from 'vitest';
import { layoutData, mapKey } from '@/lib/keyboard';
import { ALL_US_CHARACTERS, press, usKeyFor } from './us-keyboard';
import { PROGRAMMING_OVERRIDES, ROMANIZED_PUBLISHED, TRADITIONAL_PUBLISHED, ZWJ, ZWNJ } from './published-tables';

const CASES = [
  { layoutId: 'nepali-romanized', table: ROMANIZED_PUBLISHED },
  { layoutId: 'nepali-traditional', table: TRADITIONAL_PUBLISHED },
] as const;

describe.each(CASES)('$layoutId against the published table', ({ layoutId, table }) => {
  it('the source table covers every key of a US keyboard, shifted and not', () => {
    expect(Object.keys(table).sort()).toEqual([...ALL_US_CHARACTERS].sort());
  });

  it('stores the published output of every key, shifted included', () => {
    const data = layoutData(layoutId)!;
    for (const [character, expected] of Object.entries(table)) {
      const { code, shiftKey } = usKeyFor(character);
      expect(data.published[code][shiftKey ? 1 : 0], `key ${character}`).toBe(expected);
    }
  });

  it('types the published character for every key, except the documented overrides', () => {
    for (const [character, published] of Object.entries(table)) {
      const { code, shiftKey } = usKeyFor(character);
      const expected = PROGRAMMING_OVERRIDES[character] ?? published;
      expect(mapKey(press(code, shiftKey), layoutId), `key ${character}`).toBe(expected);
    }
  });

  it('number row types Devanagari digits', () => {
    const digits = '०१२३४५६७८९';
    for (let d = 0; d <= 9; d++) {
      expect(mapKey(press(`Digit${d}`), layoutId)).toBe(digits[d]);
    }
  });

  it('keeps the published joiners on AltGr of the = key', () => {
    const altGr = { ...press('Equal'), altGraph: true };
    expect(mapKey(altGr, layoutId)).toBe(ZWJ);
    expect(mapKey({ ...altGr, shiftKey: true }, layoutId)).toBe(ZWNJ);
  });

  it('stores text already in NFC, as the compiler normalises source', () => {
    for (const pair of Object.values(layoutData(layoutId)!.published)) {
      for (const text of pair) expect(text.normalize('NFC')).toBe(text);
    }
  });
});

describe('well-known keys', () => {
  it.each([
    ['nepali-romanized', 'KeyK', false, 'क'],
    ['nepali-romanized', 'KeyA', false, 'ा'],
    ['nepali-romanized', 'KeyA', true, 'आ'],
    ['nepali-romanized', 'KeyK', true, 'ख'],
    ['nepali-romanized', 'Slash', false, '्'],
    ['nepali-romanized', 'Period', false, '।'],
    ['nepali-traditional', 'KeyA', false, 'ब'],
    ['nepali-traditional', 'KeyS', false, 'क'],
    ['nepali-traditional', 'KeyD', false, 'म'],
    ['nepali-traditional', 'KeyF', false, 'ा'],
    ['nepali-traditional', 'KeyG', false, 'न'],
    ['nepali-traditional', 'Digit1', true, 'ज्ञ'],
  ])('%s %s shift=%s → %s', (layoutId, code, shiftKey, expected) => {
    expect(mapKey(press(code, shiftKey), layoutId)).toBe(expected);
  });

  it('types नमस्ते on the Romanized layout as n a m s / t e', () => {
    const keys: [string, boolean][] = [
      ['KeyN', false],
      ['KeyM', false],
      ['KeyS', false],
      ['Slash', false],
      ['KeyT', false],
      ['KeyE', false],
    ];
    const typed = keys.map(([code, shift]) => mapKey(press(code, shift), 'nepali-romanized')).join('');
    expect(typed).toBe('नमस्ते');
  });
});

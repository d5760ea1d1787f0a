import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAYOUT_ID,
  LAYOUTS,
  displayLabel,
  isLayoutId,
  keyboardRows,
  mapKey,
  nextLayoutId,
} from '@/lib/keyboard';
import { press } from './us-keyboard';

describe('layout list', () => {
  it('offers Phonetic, Romanized, Traditional and off with Nepali and English names', () => {
    expect(LAYOUTS.map((l) => l.id)).toEqual(['phonetic', 'nepali-romanized', 'nepali-traditional', 'off']);
    for (const layout of LAYOUTS) {
      expect(layout.nameNe).toMatch(/[\u0900-\u097F]/);
      expect(layout.nameEn).toMatch(/[A-Za-z]/);
    }
  });

  it('the default is phonetic typing', () => {
    expect(DEFAULT_LAYOUT_ID).toBe('phonetic');
    expect(isLayoutId(DEFAULT_LAYOUT_ID)).toBe(true);
    expect(isLayoutId('qwerty')).toBe(false);
  });

  it('the toggle visits every layout and comes back', () => {
    const seen = [DEFAULT_LAYOUT_ID];
    let id = nextLayoutId(DEFAULT_LAYOUT_ID);
    while (id !== DEFAULT_LAYOUT_ID) {
      seen.push(id);
      id = nextLayoutId(id);
    }
    expect([...seen].sort()).toEqual(LAYOUTS.map((l) => l.id).sort());
  });
});

describe('on-screen keyboard', () => {
  it('draws the four rows of the typing block', () => {
    const rows = keyboardRows('nepali-romanized');
    expect(rows.map((row) => row.length)).toEqual([13, 13, 11, 10]);
    expect(rows[1][0].physicalLabel).toBe('Q');
    expect(rows[0][1].physicalLabel).toBe('1');
  });

  it('every key types what the engine types for the same press', () => {
    for (const layoutId of ['nepali-romanized', 'nepali-traditional']) {
      for (const key of keyboardRows(layoutId).flat()) {
        expect(key.output.base).toBe(mapKey(press(key.code), layoutId));
        expect(key.output.shift).toBe(mapKey(press(key.code, true), layoutId));
      }
    }
  });

  it('labels vowel signs on a dotted circle and joiners by name', () => {
    const keyA = keyboardRows('nepali-romanized')
      .flat()
      .find((key) => key.code === 'KeyA')!;
    expect(keyA.label.base).toBe('◌ा');
    expect(keyA.label.shift).toBe('आ');
    const equal = keyboardRows('nepali-romanized')
      .flat()
      .find((key) => key.code === 'Equal')!;
    expect(equal.label.base).toBe('=');
    expect(equal.label.altGraph).toBe('ZWJ');
    expect(displayLabel('क्ष')).toBe('क्ष');
  });

  it('layout off shows the Latin keyboard', () => {
    const keyK = keyboardRows('off')
      .flat()
      .find((key) => key.code === 'KeyK')!;
    expect(keyK.output).toEqual({ base: 'k', shift: 'K', altGraph: 'k', altGraphShift: 'K' });
  });
});

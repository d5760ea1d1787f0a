import { describe, expect, it } from 'vitest';
import { TYPING_KEYS, keyOutput, mapKey, toKeyInput } from '@/lib/keyboard';
import { press } from './us-keyboard';

const NEPALI_LAYOUTS = ['nepali-romanized', 'nepali-traditional'] as const;

describe('keys the editor keeps', () => {
  it.each(NEPALI_LAYOUTS)('%s: Ctrl, Cmd and Alt shortcuts pass through', (layoutId) => {
    for (const code of ['KeyZ', 'KeyC', 'KeyV', 'KeyS', 'Slash', 'Enter']) {
      expect(mapKey({ ...press(code), ctrlKey: true }, layoutId)).toBeNull();
      expect(mapKey({ ...press(code), metaKey: true }, layoutId)).toBeNull();
      expect(mapKey({ ...press(code), altKey: true }, layoutId)).toBeNull();
      expect(mapKey({ ...press(code, true), ctrlKey: true }, layoutId)).toBeNull();
    }
  });

  it.each(NEPALI_LAYOUTS)('%s: an IME composition passes through', (layoutId) => {
    expect(mapKey({ ...press('KeyK'), isComposing: true }, layoutId)).toBeNull();
    expect(mapKey({ ...press('KeyK'), key: 'Process' }, layoutId)).toBeNull();
    expect(mapKey({ ...press('Quote'), key: 'Dead' }, layoutId)).toBeNull();
  });

  it.each(NEPALI_LAYOUTS)('%s: keys outside the typing block pass through', (layoutId) => {
    for (const code of [
      'Enter',
      'Space',
      'Tab',
      'Backspace',
      'ArrowLeft',
      'Escape',
      'F1',
      'Numpad1',
      'IntlBackslash',
    ]) {
      expect(mapKey(press(code), layoutId), code).toBeNull();
    }
  });

  it('layout off maps nothing', () => {
    for (const code of TYPING_KEYS) {
      expect(mapKey(press(code), 'off')).toBeNull();
      expect(mapKey(press(code, true), 'off')).toBeNull();
    }
  });

  it('an unknown layout id maps nothing', () => {
    expect(mapKey(press('KeyK'), 'klingon')).toBeNull();
  });
});

describe('AltGr layer', () => {
  it.each(NEPALI_LAYOUTS)('%s: AltGr types the Latin character of the key', (layoutId) => {
    const altGr = (code: string, shiftKey = false) => ({ ...press(code, shiftKey), altGraph: true });
    expect(mapKey(altGr('BracketLeft'), layoutId)).toBe('[');
    expect(mapKey(altGr('BracketLeft', true), layoutId)).toBe('{');
    expect(mapKey(altGr('Slash'), layoutId)).toBe('/');
    expect(mapKey(altGr('Comma', true), layoutId)).toBe('<');
    expect(mapKey(altGr('Period'), layoutId)).toBe('.');
    expect(mapKey(altGr('Digit5'), layoutId)).toBe('5');
    expect(mapKey(altGr('KeyK'), layoutId)).toBe('k');
  });

  it('Windows AltGr (reported as Ctrl+Alt with AltGraph) uses the AltGr layer', () => {
    const windowsAltGr = { ...press('BracketRight'), ctrlKey: true, altKey: true, altGraph: true };
    expect(mapKey(windowsAltGr, 'nepali-romanized')).toBe(']');
  });

  it('Cmd with AltGr is still a shortcut', () => {
    expect(mapKey({ ...press('KeyK'), altGraph: true, metaKey: true }, 'nepali-romanized')).toBeNull();
  });
});

describe('programming characters stay reachable', () => {
  const LEVELS = ['base', 'shift', 'altGraph', 'altGraphShift'] as const;
  const OPERATORS = [
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    '"',
    '=',
    '+',
    '-',
    '*',
    '/',
    '<',
    '>',
    ',',
    ':',
    ';',
    '#',
    '%',
    '.',
    '!',
  ];

  it.each(NEPALI_LAYOUTS)('%s: every operator and bracket has a key', (layoutId) => {
    for (const operator of OPERATORS) {
      const found = TYPING_KEYS.some((code) => LEVELS.some((level) => keyOutput(layoutId, code, level) === operator));
      expect(found, operator).toBe(true);
    }
  });

  it('Romanized types the common operators without AltGr', () => {
    const direct = ['(', ')', '"', '=', '+', '-', '*', ',', ':', ';', '#', '%', '!'];
    for (const operator of direct) {
      const found = TYPING_KEYS.some((code) =>
        (['base', 'shift'] as const).some((level) => keyOutput('nepali-romanized', code, level) === operator),
      );
      expect(found, operator).toBe(true);
    }
  });
});

describe('toKeyInput', () => {
  const event = (over: object) => ({
    code: 'KeyK',
    key: 'k',
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...over,
  });

  it('reads AltGr from getModifierState', () => {
    const input = toKeyInput(event({ getModifierState: (key: string) => key === 'AltGraph' }));
    expect(input.altGraph).toBe(true);
    expect(mapKey(input, 'nepali-romanized')).toBe('k');
  });

  it('on request, macOS Option reaches the AltGr layer; by default it passes through', () => {
    const option = event({ code: 'BracketLeft', key: '“', altKey: true });
    expect(mapKey(toKeyInput(option), 'nepali-romanized')).toBeNull();
    expect(mapKey(toKeyInput(option, { macOptionAsAltGraph: true }), 'nepali-romanized')).toBe('[');
    const cmdOption = event({ code: 'BracketLeft', altKey: true, metaKey: true });
    expect(mapKey(toKeyInput(cmdOption, { macOptionAsAltGraph: true }), 'nepali-romanized')).toBeNull();
  });

  it('treats keyCode 229 as an IME composition', () => {
    const input = toKeyInput(event({ keyCode: 229 }));
    expect(mapKey(input, 'nepali-romanized')).toBeNull();
  });

  it('a plain press maps through the layout', () => {
    expect(mapKey(toKeyInput(event({})), 'nepali-romanized')).toBe('क');
  });
});

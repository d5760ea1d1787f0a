import { describe, expect, it } from 'vitest';
import { TYPING_KEYS, US_QWERTY, codeSymbolKeys, hasUseInCode, mapKey, mapLayoutKey, toKeyInput } from '@/lib/keyboard';
import { STRINGS } from '@/lib/i18n/strings';
import { press, usKeyFor } from './us-keyboard';
import { PROGRAMMING_OVERRIDES, ROMANIZED_PUBLISHED, TRADITIONAL_PUBLISHED } from './published-tables';

const FIXED_LAYOUTS = [
  { layoutId: 'nepali-romanized', table: ROMANIZED_PUBLISHED },
  { layoutId: 'nepali-traditional', table: TRADITIONAL_PUBLISHED },
] as const;

/** Every ASCII character Sajilo code uses outside a text (language guide §1), and `\` for escapes. */
const CODE_CHARACTERS = [...'+-*/%=<>!()[]{},:;#."_\\0123456789'];

type Style = 'pc' | 'mac';

/** The browser event for Alt (PC) or Option (Mac) + a key; a Mac reports another `key`. */
function altPress(character: string, style: Style) {
  const { code, shiftKey } = usKeyFor(character);
  return toKeyInput({
    code,
    shiftKey,
    altKey: true,
    ctrlKey: false,
    metaKey: false,
    key: style === 'mac' ? '≤' : character,
  });
}

describe.each(FIXED_LAYOUTS)('$layoutId: code symbols', ({ layoutId, table }) => {
  it.each(['pc', 'mac'] as const)(
    'in code every ASCII character the language uses is typeable without AltGr (%s)',
    (style) => {
      for (const character of CODE_CHARACTERS) {
        const { code, shiftKey } = usKeyFor(character);
        const plain = mapLayoutKey(press(code, shiftKey), layoutId, 'code');
        const withAlt = mapLayoutKey(altPress(character, style), layoutId, 'code');
        expect(plain === character || withAlt === character, `${character}: plain ${plain}, Alt ${withAlt}`).toBe(true);
      }
    },
  );

  it.each(['pc', 'mac'] as const)(
    'Alt/Option + a symbol or digit key types its US character in every context (%s)',
    (style) => {
      for (const context of ['code', 'string', 'comment'] as const) {
        for (const code of TYPING_KEYS) {
          if (/^Key[A-Z]$/.test(code)) continue;
          for (const shiftKey of [false, true]) {
            const character = US_QWERTY[code][shiftKey ? 1 : 0];
            expect(mapLayoutKey(altPress(character, style), layoutId, context), `${context} ${character}`).toBe(
              character,
            );
          }
        }
      }
    },
  );

  it('Alt + a letter is left to the host (Alt+K switches the layout)', () => {
    for (const character of 'kKlqz') {
      expect(mapLayoutKey(altPress(character, 'pc'), layoutId, 'code')).toBeNull();
    }
  });

  it('inside texts and comments the keys give exactly the published layout', () => {
    for (const context of ['string', 'comment'] as const) {
      for (const [character, published] of Object.entries(table)) {
        const { code, shiftKey } = usKeyFor(character);
        const expected = PROGRAMMING_OVERRIDES[character] ?? published;
        expect(mapLayoutKey(press(code, shiftKey), layoutId, context), `${context} ${character}`).toBe(expected);
      }
    }
  });

  it('in code only keys whose character has no use in code change, to their US character', () => {
    for (const [character, published] of Object.entries(table)) {
      const { code, shiftKey } = usKeyFor(character);
      const layoutOutput = PROGRAMMING_OVERRIDES[character] ?? published;
      const expected = hasUseInCode(layoutOutput) ? layoutOutput : character;
      expect(mapLayoutKey(press(code, shiftKey), layoutId, 'code'), character).toBe(expected);
    }
  });

  it('AltGr keeps its layer, Ctrl and Cmd shortcuts pass through, IME composition passes through', () => {
    const altGr = { ...press('BracketLeft'), altGraph: true };
    expect(mapLayoutKey(altGr, layoutId, 'code')).toBe(mapKey(altGr, layoutId));
    expect(mapLayoutKey({ ...press('KeyC'), ctrlKey: true }, layoutId, 'code')).toBeNull();
    expect(mapLayoutKey({ ...press('Comma'), metaKey: true, altKey: true }, layoutId, 'code')).toBeNull();
    expect(mapLayoutKey({ ...press('Comma'), altKey: true, isComposing: true }, layoutId, 'code')).toBeNull();
    expect(mapLayoutKey({ ...press('KeyK'), isComposing: true }, layoutId, 'code')).toBeNull();
  });

  it('latinDigits makes the number row type 0–9', () => {
    expect(mapLayoutKey(press('Digit7'), layoutId, 'code', { latinDigits: true })).toBe('7');
    expect(mapLayoutKey(press('Digit7'), layoutId, 'string', { latinDigits: true })).toBe('7');
    expect(mapLayoutKey(press('Digit7'), layoutId, 'code')).toBe('७');
  });
});

describe('which layout characters have no use in code', () => {
  it('the dandas have none; letters, signs, digits, joiners and ASCII have', () => {
    expect(hasUseInCode('।')).toBe(false);
    expect(hasUseInCode('॥')).toBe(false);
    for (const text of ['क', 'ा', '्', 'ं', 'ः', '५', 'ॐ', 'ऽ', 'रु', '\u200D', '=', '.'])
      expect(hasUseInCode(text), text).toBe(true);
  });

  it('lists the keys the rule changes: Romanized . > and Shift+L, Traditional . and ~', () => {
    const summary = (layoutId: string) =>
      codeSymbolKeys(layoutId)
        .map((k) => `${k.layout}→${k.typed}`)
        .sort();
    expect(summary('nepali-romanized')).toEqual(['।→.', '॥→>', '॥→L'].sort());
    expect(summary('nepali-traditional')).toEqual(['।→.', '॥→~'].sort());
  });

  it('the number decimal 3.5 and a division are typeable in code with Romanized', () => {
    const typed = ['Digit3', 'Period', 'Digit5', 'Slash'].map((code, i) =>
      i === 3
        ? mapLayoutKey({ ...press(code), altKey: true }, 'nepali-romanized', 'code')
        : mapLayoutKey(press(code), 'nepali-romanized', 'code'),
    );
    expect(typed.join('')).toBe('३.५/');
  });
});

describe('phonetic and off are not fixed layouts', () => {
  it('maps nothing for them, so the composer or the OS keyboard types', () => {
    for (const layoutId of ['phonetic', 'off']) {
      expect(mapLayoutKey(press('KeyK'), layoutId, 'code')).toBeNull();
      expect(mapLayoutKey({ ...press('Comma'), altKey: true }, layoutId, 'code')).toBeNull();
    }
  });
});

describe('the rule as the toolbar shows it', () => {
  it('has a Nepali and an English sentence', () => {
    expect(STRINGS.ne['keyboard.codeSymbolRule']).toMatch(/Alt/);
    expect(STRINGS.ne['keyboard.codeSymbolRule']).toMatch(/[\u0900-\u097F]/);
    expect(STRINGS.en['keyboard.codeSymbolRule']).toMatch(/Alt.*Option/);
  });
});

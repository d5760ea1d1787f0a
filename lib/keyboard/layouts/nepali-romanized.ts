// Nepali Romanized, the layout published by Madan Puraskar Pustakalaya (MPP). Data only.
// Source of the table: m17n-db's ne-rom.mim ("implements the romanized keyboard layout
// published by MPP", Suyash Shrestha, 2005), checked against Keyman's nepali_romanized and
// nepalify; where they differ, docs/keyboard.md says which way we went and why.
// Keys the published layout leaves as ASCII are written out so every key is listed.
import type { LayoutData } from '../types';
import { ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER } from './invisible-characters';

export const NEPALI_ROMANIZED: LayoutData = {
  id: 'nepali-romanized',
  nameNe: 'नेपाली रोमनाइज्ड',
  nameEn: 'Nepali Romanized',
  source: 'Madan Puraskar Pustakalaya, Nepali Unicode Romanized (as in m17n-db ne-rom.mim)',
  published: {
    Backquote: ['़', 'ऽ'],
    Digit1: ['१', '!'],
    Digit2: ['२', '@'],
    Digit3: ['३', '#'],
    Digit4: ['४', 'रु'],
    Digit5: ['५', '%'],
    Digit6: ['६', '^'],
    Digit7: ['७', '&'],
    Digit8: ['८', '*'],
    Digit9: ['९', '('],
    Digit0: ['०', ')'],
    Minus: ['-', '_'],
    Equal: [ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER],

    KeyQ: ['ट', 'ठ'],
    KeyW: ['ौ', 'औ'],
    KeyE: ['े', 'ै'],
    KeyR: ['र', 'ृ'],
    KeyT: ['त', 'थ'],
    KeyY: ['य', 'ञ'],
    KeyU: ['ु', 'ू'],
    KeyI: ['ि', 'ी'],
    KeyO: ['ो', 'ओ'],
    KeyP: ['प', 'फ'],
    BracketLeft: ['इ', 'ई'],
    BracketRight: ['ए', 'ऐ'],
    Backslash: ['ॐ', 'ः'],

    KeyA: ['ा', 'आ'],
    KeyS: ['स', 'श'],
    KeyD: ['द', 'ध'],
    KeyF: ['उ', 'ऊ'],
    KeyG: ['ग', 'घ'],
    KeyH: ['ह', 'अ'],
    KeyJ: ['ज', 'झ'],
    KeyK: ['क', 'ख'],
    KeyL: ['ल', '॥'],
    Semicolon: [';', ':'],
    Quote: ["'", '"'],

    KeyZ: ['ष', 'ऋ'],
    KeyX: ['ड', 'ढ'],
    KeyC: ['छ', 'च'],
    KeyV: ['व', 'ँ'],
    KeyB: ['ब', 'भ'],
    KeyN: ['न', 'ण'],
    KeyM: ['म', 'ं'],
    Comma: [',', 'ङ'],
    Period: ['।', '॥'],
    Slash: ['्', '?'],
  },
  programmingOverrides: {
    // `=` and `+` are Sajilo's most used operators; the published joiners move to AltGr.
    Equal: ['=', '+'],
  },
};

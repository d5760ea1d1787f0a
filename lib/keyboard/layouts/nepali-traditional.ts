// Nepali Traditional, the typewriter-derived layout as published by Madan Puraskar
// Pustakalaya (MPP) for Unicode. Data only.
// Source of the table: m17n-db's ne-trad.mim ("implements the traditional keyboard layout
// published by MPP", Suyash Shrestha, 2005), checked against nepalify's traditional layout;
// Shift+R is द्व (ne-trad.mim has द्ब, a typo: nepalify and the typewriter have द्व).
import type { LayoutData } from '../types';
import { ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER } from './invisible-characters';

export const NEPALI_TRADITIONAL: LayoutData = {
  id: 'nepali-traditional',
  nameNe: 'नेपाली परम्परागत',
  nameEn: 'Nepali Traditional',
  source: 'Madan Puraskar Pustakalaya, Nepali Unicode Traditional (as in m17n-db ne-trad.mim)',
  published: {
    Backquote: ['ञ', '॥'],
    Digit1: ['१', 'ज्ञ'],
    Digit2: ['२', 'ई'],
    Digit3: ['३', 'घ'],
    Digit4: ['४', 'द्ध'],
    Digit5: ['५', 'छ'],
    Digit6: ['६', 'ट'],
    Digit7: ['७', 'ठ'],
    Digit8: ['८', 'ड'],
    Digit9: ['९', 'ढ'],
    Digit0: ['०', 'ण'],
    Minus: ['औ', 'ओ'],
    Equal: [ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER],

    KeyQ: ['त्र', 'त्त'],
    KeyW: ['ध', 'ड्ढ'],
    KeyE: ['भ', 'ऐ'],
    KeyR: ['च', 'द्व'],
    KeyT: ['त', 'ट्ट'],
    KeyY: ['थ', 'ठ्ठ'],
    KeyU: ['ग', 'ऊ'],
    KeyI: ['ष', 'क्ष'],
    KeyO: ['य', 'इ'],
    KeyP: ['उ', 'ए'],
    BracketLeft: ['र्', 'ृ'],
    BracketRight: ['े', 'ै'],
    Backslash: ['्', 'ं'],

    KeyA: ['ब', 'आ'],
    KeyS: ['क', 'ङ्क'],
    KeyD: ['म', 'ङ्ग'],
    KeyF: ['ा', 'ँ'],
    KeyG: ['न', 'द्द'],
    KeyH: ['ज', 'झ'],
    KeyJ: ['व', 'ो'],
    KeyK: ['प', 'फ'],
    KeyL: ['ि', 'ी'],
    Semicolon: ['स', 'ट्ठ'],
    Quote: ['ु', 'ू'],

    KeyZ: ['श', 'क्क'],
    KeyX: ['ह', 'ह्य'],
    KeyC: ['अ', 'ऋ'],
    KeyV: ['ख', 'ॐ'],
    KeyB: ['द', 'ौ'],
    KeyN: ['ल', 'द्य'],
    KeyM: ['ः', 'ड्ड'],
    Comma: ['ऽ', 'ङ'],
    Period: ['।', 'श्र'],
    Slash: ['र', 'रु'],
  },
  programmingOverrides: {
    Equal: ['=', '+'],
  },
};

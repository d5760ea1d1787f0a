import { describe, expect, it } from 'vitest';
import { PhoneticComposer, type ComposerKey, type ComposerResult, type TypingContext } from '@/lib/keyboard';
import { PHONETIC_WORDS } from './phonetic-words';

/** A key press as the browser reports it (`key` is what the OS layout types). */
function key(name: string, over: Partial<ComposerKey> = {}): ComposerKey {
  return { key: name, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...over };
}

/**
 * Types `keys` into a text the way a host applies the composer's results: inserts `insert`,
 * then, when the key is not handled, what the key itself types (one character, Enter a newline).
 */
function typeKeys(
  composer: PhoneticComposer,
  keys: readonly (string | ComposerKey)[],
  context: TypingContext = 'code',
) {
  let text = '';
  let last: ComposerResult | null = null;
  for (const k of keys) {
    const event = typeof k === 'string' ? key(k) : k;
    last = composer.key(event, context);
    text += last.insert;
    if (!last.handled) {
      if (event.key === 'Enter') text += '\n';
      else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) text += event.key;
    }
  }
  return { text, last: last!, composition: composer.composition };
}

const letters = (word: string) => [...word];

describe('PhoneticComposer: committing', () => {
  it.each([' ', '.', ',', '(', ')', '[', '=', '+', '<', '"', ':', ';', '#'])(
    '"%s" commits the first candidate and types itself',
    (symbol) => {
      const { text, composition } = typeKeys(new PhoneticComposer(), [...letters('dekhau'), symbol]);
      expect(text).toBe(`देखाउ${symbol}`);
      expect(composition).toBeNull();
    },
  );

  it('Enter commits the first candidate and then makes its new line', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, letters('bhane'));
    const result = composer.key(key('Enter'));
    expect(result).toEqual({ handled: false, insert: 'भने', composition: null });
  });

  it('types a line of code', () => {
    const keys = [...'yadi ka < 3 bhane'].map((c) => (c === '<' ? key('<', { shiftKey: true }) : c));
    const { text } = typeKeys(new PhoneticComposer(), [...keys, 'Enter', ...'dekhau(ka)']);
    expect(text).toBe('यदि क < ३ भने\nदेखाउ(क)');
  });

  it('letters are swallowed while composing, and the composition shows the Latin and candidates', () => {
    const composer = new PhoneticComposer();
    const result = composer.key(key('y'));
    expect(result.handled).toBe(true);
    expect(result.insert).toBe('');
    typeKeys(composer, letters('adi'));
    expect(composer.composition).toMatchObject({ latin: 'yadi', selected: 0 });
    expect(composer.composition!.candidates[0]).toEqual({ text: 'यदि', source: 'keyword' });
  });

  it('keeps capital letters (they choose retroflex and long forms)', () => {
    expect(typeKeys(new PhoneticComposer(), [...'ghanTaa', ' ']).text).toBe('घण्टा ');
  });

  it('commit() and choose() end the composition from outside (blur, click)', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, letters('dekhau'));
    expect(composer.commit()).toBe('देखाउ');
    expect(composer.composition).toBeNull();
    expect(composer.commit()).toBe('');
    typeKeys(composer, letters('dekhau'));
    expect(composer.choose(1)).toBe('देखौ');
    expect(composer.choose(0)).toBe('');
  });

  it('a shortcut commits first and then acts', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, letters('ghar'));
    expect(composer.key(key('s', { ctrlKey: true }))).toEqual({ handled: false, insert: 'घर', composition: null });
    typeKeys(composer, letters('ghar'));
    expect(composer.key(key('ArrowLeft'))).toEqual({ handled: false, insert: 'घर', composition: null });
  });
});

describe('PhoneticComposer: choosing another candidate', () => {
  it('Tab moves to the next candidate (wrapping), Shift+Tab back; Space commits the selected one', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, letters('dekhau'));
    const candidates = composer.composition!.candidates;
    expect(candidates.length).toBeGreaterThan(1);
    expect(composer.key(key('Tab')).composition!.selected).toBe(1);
    expect(composer.key(key('Tab', { shiftKey: true })).composition!.selected).toBe(0);
    expect(composer.key(key('Tab', { shiftKey: true })).composition!.selected).toBe(candidates.length - 1);
    composer.key(key('Tab'));
    composer.key(key('Tab'));
    expect(composer.key(key(' '))).toEqual({ handled: false, insert: candidates[1].text, composition: null });
  });

  it('Arrow keys move the selection too', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, letters('dekhau'));
    expect(composer.key(key('ArrowDown')).composition!.selected).toBe(1);
    expect(composer.key(key('ArrowUp')).composition!.selected).toBe(0);
  });

  it('Tab with a single candidate commits it without typing a tab', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, ['k']);
    expect(composer.composition!.candidates).toHaveLength(1);
    expect(composer.key(key('Tab'))).toEqual({ handled: true, insert: 'क', composition: null });
  });

  it('a digit 1–9 picks that candidate and is not typed', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, letters('dekhau'));
    const second = composer.composition!.candidates[1].text;
    expect(composer.key(key('2'))).toEqual({ handled: true, insert: second, composition: null });
  });

  it('a digit beyond the list, or 0, commits the selected candidate and types the digit', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, ['k']);
    expect(composer.key(key('5'))).toEqual({ handled: true, insert: 'क५', composition: null });
    typeKeys(composer, ['k']);
    expect(composer.key(key('0'))).toEqual({ handled: true, insert: 'क०', composition: null });
  });

  it('without a composition digits are numbers: ०–९, or 0–9 with Latin digits on', () => {
    expect(typeKeys(new PhoneticComposer(), [...'x = 12.5']).text).toBe('क्ष = १२.५');
    const latin = new PhoneticComposer({ latinDigits: () => true });
    expect(typeKeys(latin, [...'x = 12.5']).text).toBe('क्ष = 12.5');
  });

  it('a word then a number needs a separator: Space, an operator, or picking with 1', () => {
    expect(typeKeys(new PhoneticComposer(), [...'ka11']).text).toBe('क१');
  });
});

describe('PhoneticComposer: Escape and Backspace', () => {
  it('Escape keeps the Latin letters', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, letters('hello'));
    expect(composer.key(key('Escape'))).toEqual({ handled: true, insert: 'hello', composition: null });
  });

  it('Backspace edits the Latin being typed and closes the composition when it is empty', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, letters('dekhaux'));
    let result = composer.key(key('Backspace'));
    expect(result.handled).toBe(true);
    expect(result.composition!.latin).toBe('dekhau');
    expect(result.composition!.candidates[0].text).toBe('देखाउ');
    for (let i = 0; i < 5; i++) composer.key(key('Backspace'));
    result = composer.key(key('Backspace'));
    expect(result).toEqual({ handled: true, insert: '', composition: null });
  });

  it('keys the composer does not need pass untouched without a composition', () => {
    const composer = new PhoneticComposer();
    for (const name of ['Backspace', 'Escape', 'Tab', 'Enter', ' ', 'ArrowDown', '(', 'Delete', 'F5']) {
      expect(composer.key(key(name)), name).toEqual({ handled: false, insert: '', composition: null });
    }
  });
});

describe('PhoneticComposer: keys it must leave alone', () => {
  it('modifier keys alone change nothing (Shift for a capital does not commit)', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, letters('ghan'));
    for (const name of ['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']) {
      expect(composer.key(key(name)).handled).toBe(false);
      expect(composer.composition!.latin).toBe('ghan');
    }
  });

  it('an IME or dead-key composition passes through', () => {
    const composer = new PhoneticComposer();
    expect(composer.key(key('a', { isComposing: true })).handled).toBe(false);
    expect(composer.key(key('Process')).handled).toBe(false);
    expect(composer.key(key('Dead')).handled).toBe(false);
    expect(composer.key(key('a', { keyCode: 229 })).handled).toBe(false);
    expect(composer.composition).toBeNull();
  });

  it('every ASCII symbol passes through as itself', () => {
    const composer = new PhoneticComposer();
    const symbols = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    expect(typeKeys(composer, [...symbols]).text).toBe(symbols);
  });

  it('characters from the OS keyboard (Devanagari, accents) pass through', () => {
    expect(typeKeys(new PhoneticComposer(), ['क', 'é']).text).toBe('कé');
  });
});

describe('PhoneticComposer: texts and comments', () => {
  it('types phonetically inside texts and comments, rule spelling first', () => {
    expect(typeKeys(new PhoneticComposer(), [...'ma ghar jaanchhu '], 'string').text).toBe('म घर जान्छु ');
    expect(typeKeys(new PhoneticComposer(), [...'ma ghar.'], 'comment').text).toBe('म घर.');
    expect(typeKeys(new PhoneticComposer(), [...'ma '], 'code').text).toBe('मा ');
  });

  it('Alt+L (Option+L) switches Latin typing inside texts and comments', () => {
    const composer = new PhoneticComposer();
    const toggle = key('l', { code: 'KeyL', altKey: true });
    expect(composer.key(toggle, 'string')).toEqual({ handled: true, insert: '', composition: null });
    expect(composer.latinInText).toBe(true);
    expect(typeKeys(composer, [...'Hello 42'], 'string').text).toBe('Hello 42');
    expect(typeKeys(composer, [...'Hi'], 'comment').text).toBe('Hi');
    // code stays phonetic
    expect(typeKeys(composer, [...'ka '], 'code').text).toBe('क ');
    // a Mac reports Option+L as ¬: the code decides
    composer.key(key('¬', { code: 'KeyL', altKey: true }), 'string');
    expect(composer.latinInText).toBe(false);
    expect(typeKeys(composer, [...'ghar'], 'string').composition!.latin).toBe('ghar');
  });

  it('switching commits a word being composed', () => {
    const composer = new PhoneticComposer();
    typeKeys(composer, letters('ghar'), 'string');
    expect(composer.key(key('l', { code: 'KeyL', altKey: true }), 'string')).toEqual({
      handled: true,
      insert: 'घर',
      composition: null,
    });
  });

  it('the starting state can be given', () => {
    expect(new PhoneticComposer({ latinInText: true }).latinInText).toBe(true);
  });
});

describe('PhoneticComposer: names from the program', () => {
  it('offers the names the host gives, and follows changes', () => {
    let names: readonly string[] = ['फलफूल'];
    const composer = new PhoneticComposer({ names: () => names });
    expect(typeKeys(composer, [...'falphul ']).text).toBe('फलफूल ');
    names = ['विद्यार्थी'];
    expect(typeKeys(composer, [...'bidyarthi ']).text).toBe('विद्यार्थी ');
  });
});

describe('PhoneticComposer: the word table key by key', () => {
  it('every word typed letter by letter, then Space, gives its documented Devanagari', () => {
    const composer = new PhoneticComposer();
    for (const { latin, devanagari } of PHONETIC_WORDS) {
      expect(typeKeys(composer, [...latin, ' ']).text, latin).toBe(`${devanagari} `);
    }
  });
});

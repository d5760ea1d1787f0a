// Name equivalences (docs/reference.md §1) and suggestions (§7).
import { describe, expect, it } from 'vitest';
import { check } from '@/lib/compiler';
import { nameKey, normaliseSource, originalColumn } from '@/lib/compiler/frontend/source';
import { closestKeyword, editDistance } from '@/lib/compiler/frontend/suggestions';
import { errorCodes } from './helpers';

const ZWJ = '\u200d';
const ZWNJ = '\u200c';

describe('name keys', () => {
  it.each([
    ['संख्या', 'सङ्ख्या'],
    ['पूर्णांक', 'पूर्णाङ्क'],
    ['कुंजी', 'कुञ्जी'],
    ['घंटा', 'घण्टा'],
    ['अंत', 'अन्त'],
    ['संबन्ध', 'सम्बन्ध'],
    ['दोहोर्याउ', `दोहोर्${ZWJ}याउ`],
    ['क्षेत्र', `क्${ZWNJ}षेत्र`],
  ])('%s and %s compare equal', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['सन्त', 'संत', false], // न् before त: same class, equal
    ['सन्य', 'संय', true], // न् before य: not a class consonant, stays different
    ['सम्त', 'संत', true], // म् before त: wrong class
    ['अंक', 'अङ्', true], // no consonant after the nasal
  ])('%s vs %s differ: %s', (a, b, differ) => {
    expect(nameKey(a) !== nameKey(b)).toBe(differ);
  });
});

describe('equivalent spellings in programs', () => {
  it('finds a variable under either nasal spelling, and reports the name as written', () => {
    expect(errorCodes('राख घण्टा = १\nदेखाउ(घंटा)')).toEqual([]);
    const [d] = check('राख घण्टा = १\nदेखाउ(घंटी)');
    expect(d.messageEn).toContain('"घंटी"');
    expect(d.messageEn).toContain('"घण्टा"');
  });

  it('finds builtins under either spelling', () => {
    expect(errorCodes('देखाउ(सङ्ख्या("१२"), पूर्णाङ्क(२.५), कुंजीहरू({}))')).toEqual([]);
  });

  it('reads keywords under either nasal spelling (अन्त्य / अंत्य)', () => {
    expect(errorCodes('यदि सत्य भने\n  देखाउ(१)\nअंत्य')).toEqual([]);
  });

  it('reads keywords with joiners inside them', () => {
    expect(errorCodes(`दोहोर्${ZWJ}याउ २ पटक\n  देखाउ(१)\nअन्त्${ZWNJ}य`)).toEqual([]);
  });

  it('treats joiners between words as space', () => {
    expect(errorCodes(`देखाउ(१)${ZWNJ}\n`)).toEqual([]);
  });

  it('treats decomposed and composed text as the same name', () => {
    expect(errorCodes('राख न\u093cया = १\nदेखाउ(\u0929या)')).toEqual([]);
  });
});

describe('suggestions', () => {
  it('measures edit distance with transpositions', () => {
    expect(editDistance('राख', 'राख')).toBe(0);
    expect(editDistance('राखु', 'राख')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the closest keyword for misspellings and romanised forms', () => {
    expect(closestKeyword('यदी')).toBe('यदि');
    expect(closestKeyword('जबसमम')).toBe('जबसम्म');
    expect(closestKeyword('harek')).toBe('हरेक');
    expect(closestKeyword('dohoryaau')).toBe('दोहोर्याउ');
    expect(closestKeyword('क')).toBeNull();
    expect(closestKeyword('पुस्तक')).toBeNull();
  });

  it('suggests builtins for misspelt and romanised calls', () => {
    const message = (source: string) => check(source)[0].messageEn;
    expect(message('देखउ(१)')).toContain('"देखाउ"');
    expect(message('lambai("क")')).toContain('"लम्बाइ"');
    expect(message('padha()')).toContain('"पढ"');
  });

  it('says to write मा, देखि, सम्म apart from an unknown name', () => {
    for (const particle of ['मा', 'देखि', 'सम्म']) {
      const [d] = check(`राख सूची = [१]\nदेखाउ(सूची${particle})`);
      expect(d.code).toBe('E2003');
      expect(d.messageEn).toContain(`"सूची ${particle}"`);
    }
  });
});

describe('suggestions for habits from other languages', () => {
  it('maps Python words to Sajilo ones', () => {
    const messages = check('राख x = 5\nif x > 3 भने\n  print(len("क"))\nअन्त्य').map((d) => [d.code, d.messageEn]);
    expect(messages).toEqual([
      ['E1109', 'Unknown word "if"; did you mean "यदि"?'],
      ['E2002', '"print" is not declared; did you mean "देखाउ"?'],
      ['E2002', '"len" is not declared; did you mean "लम्बाइ"?'],
    ]);
  });

  it('takes a keyword cut short for the keyword', () => {
    expect(closestKeyword('अन्त')).toBe('अन्त्य');
    expect(closestKeyword('दोहोर')).toBe('दोहोर्याउ');
  });

  it('suggests an existing name rather than creating one when an assignment has a typo', () => {
    const [d] = check('राख गन्ती = ०\nगन्त = गन्ती + १\nदेखाउ(गन्ती)');
    expect([d.code, d.messageEn]).toEqual(['E2002', '"गन्त" is not declared; did you mean "गन्ती"?']);
  });
});

describe('column map of text that NFC changes', () => {
  it('maps every column after each composed character back to the text as typed', () => {
    // Three compositions on one line: e + acute, न + nukta, a + diaeresis.
    const typed = 'x = "e\u0301"; न\u093c = "a\u0308"; y';
    const source = normaliseSource(typed);
    expect(source.text).toBe('x = "é"; ऩ = "ä"; y');
    const normalisedY = source.text.indexOf('y') + 1;
    expect(originalColumn(source, 1, normalisedY)).toBe(typed.indexOf('y') + 1);
    const normalisedEquals = source.text.lastIndexOf('=') + 1;
    expect(originalColumn(source, 1, normalisedEquals)).toBe(typed.lastIndexOf('=') + 1);
    expect(originalColumn(source, 1, source.text.length + 1)).toBe(typed.length + 1);
  });

  it('leaves other lines alone', () => {
    const source = normaliseSource('abc\ne\u0301 f\r\nxyz');
    expect(source.columnMaps.has(1)).toBe(false);
    expect(source.columnMaps.has(2)).toBe(true);
    expect(originalColumn(source, 2, 3)).toBe(4);
    expect(originalColumn(source, 3, 2)).toBe(2);
  });
});

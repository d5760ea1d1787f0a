import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  STRINGS,
  UI_LANGUAGES,
  formatNumber,
  formatNumberVars,
  translate,
  toDevanagariDigits,
  usesDevanagariDigits,
} from '@/lib/i18n/strings';
import { apiErrorBody } from '@/lib/api/errors';
import { API_ERROR_STATUS } from '@/lib/api/errors';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface strings', () => {
  test('every key exists in both languages, non-empty, with the same placeholders', () => {
    const neKeys = Object.keys(STRINGS.ne).sort();
    for (const lang of UI_LANGUAGES) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual(neKeys);
      for (const key of neKeys) {
        const text = STRINGS[lang][key as keyof typeof STRINGS.ne];
        expect(text.trim(), `${lang}:${key}`).not.toBe('');
        expect(placeholders(text), `${lang}:${key}`).toEqual(placeholders(STRINGS.ne[key as keyof typeof STRINGS.ne]));
      }
    }
  });

  test('Nepali strings are Nepali, English strings have no Devanagari except language names', () => {
    const allowedDevanagari = new Set(['ui.languageSwitch', 'ui.languageSwitchShort']);
    // Typing lessons show the Devanagari a spelling gives (namaste → नमस्ते, the । key).
    for (const key of [
      'keyboard.phoneticHint',
      'keyboard.romanizedHint',
      'keyboard.traditionalHint',
      'keyboard.offHint',
      'keyboard.codeSymbolRule',
    ]) {
      allowedDevanagari.add(key);
    }
    for (const [key, text] of Object.entries(STRINGS.en)) {
      if (!allowedDevanagari.has(key)) expect(text, key).not.toMatch(/[\u0900-\u097F]/);
    }
    const devanagari = Object.values(STRINGS.ne).filter((t) => /[\u0900-\u097F]/.test(t)).length;
    expect(devanagari / Object.keys(STRINGS.ne).length).toBeGreaterThan(0.9);
  });

  test('translate fills placeholders and keeps unknown ones visible', () => {
    expect(translate('en', 'output.goTo', { line: 3, column: 5 })).toBe('line 3, column 5');
    expect(translate('ne', 'error.overloaded', { seconds: '४' })).toContain('४');
    expect(translate('en', 'output.goTo', { line: 3 })).toBe('line 3, column {column}');
  });

  test('numbers use Devanagari digits in Nepali', () => {
    expect(toDevanagariDigits(1907)).toBe('१९०७');
    expect(formatNumber('ne', 42)).toBe('४२');
    expect(formatNumber('en', 42)).toBe('42');
    expect(formatNumber('ne', 2.25)).toBe('२.३');
  });

  test('the Latin-digits preference writes ASCII digits in the Nepali interface, and changes nothing in English', () => {
    expect(formatNumber('ne', 1907, true)).toBe('1907');
    expect(formatNumber('ne', 1907, false)).toBe('१९०७');
    expect(formatNumber('en', 1907, false)).toBe('1907');
    expect(usesDevanagariDigits('ne')).toBe(true);
    expect(usesDevanagariDigits('ne', true)).toBe(false);
    expect(usesDevanagariDigits('en')).toBe(false);
  });

  test("numbers in a message's placeholders follow the same digits; text is left alone", () => {
    expect(formatNumberVars('ne', { seconds: 15, name: 'abc 12' })).toEqual({ seconds: '१५', name: 'abc 12' });
    expect(formatNumberVars('ne', { seconds: 15 }, true)).toEqual({ seconds: '15' });
    expect(formatNumberVars('en', { seconds: 15 })).toEqual({ seconds: '15' });
    expect(formatNumberVars('ne', undefined)).toBeUndefined();
    expect(translate('ne', 'error.overloaded', formatNumberVars('ne', { seconds: 30 }))).toContain('३० सेकेन्ड');
  });

  test("the API's messages write their numbers in each language's digits", () => {
    const body = apiErrorBody('weak_password', { text: 'api.weak_password_short', vars: { min: 10 } });
    expect(body.message).toContain('कम्तीमा १० अक्षर');
    expect(body.message).not.toMatch(/[0-9]/);
    expect(body.messageEn).toContain('at least 10 characters');
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

test('every string is used by the interface (no dead text to translate)', () => {
  // lib/i18n's wording helpers (run-feedback.ts) use strings too; strings.ts itself lists them all.
  const wording = sourceFiles(path.resolve('lib/i18n')).filter((f) => !f.endsWith('strings.ts'));
  const code = [...['app', 'components'].flatMap((d) => sourceFiles(path.resolve(d))), ...wording]
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const serverCode = sourceFiles(path.resolve('lib'))
    .filter((f) => !f.includes(`${path.sep}i18n${path.sep}`))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const unused = Object.keys(STRINGS.ne).filter((key) => {
    if (key.startsWith('verdict.')) return !code.includes('`verdict.${'); // built from the verdict name
    if (key.startsWith('run.explain.')) return !code.includes('`run.explain.${'); // from the verdict name
    if (key.startsWith('run.limit.')) return !code.includes('`run.limit.${'); // from the limit's kind
    // The API's error texts: `api.<code>` for every code of lib/api/errors.ts, or named where thrown.
    if (key.startsWith('api.')) return !(key.slice(4) in API_ERROR_STATUS) && !serverCode.includes(`'${key}'`);
    return ![code, serverCode].some((c) => c.includes(`'${key}'`) || c.includes(`"${key}"`));
  });
  expect(unused).toEqual([]);
});

test('the interface draws no character that only an emoji font has (it was an empty box without one)', () => {
  // \p{Emoji_Presentation}: drawn as an emoji by default, so only an emoji font has it (💾, ✅).
  // Text-style symbols the usual fonts have (⌨ ⏎ ⌫ ☾ ☀) are not in it. Comments may name them.
  const files = [
    ...['app', 'components'].flatMap((d) => sourceFiles(path.resolve(d))),
    path.resolve('lib/i18n/strings.ts'),
  ];
  const found = files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
      .flatMap((line) =>
        [...line.matchAll(/\p{Emoji_Presentation}/gu)].map((m) => `${path.relative('.', f)}: ${m[0]}`),
      ),
  );
  expect(found).toEqual([]);
});

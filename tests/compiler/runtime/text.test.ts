// Texts: code point length/indexing/slicing, text builtins, and grapheme
// clusters (अक्षरहरू) checked against the Unicode conformance file and ICU.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, compileAndRun, errorPosition, recipeNames, run } from './harness';

/** Reads lines of hex code points; prints the clusters as hex, clusters joined by " | ". */
const SEGMENTER_TOP = `
#include <stdio.h>
#include <stdlib.h>
static int enc(unsigned long cp, char *o) {
  if (cp < 0x80) { o[0] = (char)cp; return 1; }
  if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) { o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[2] = (char)(0x80 | (cp & 0x3F)); return 3; }
  o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F)); return 4;
}
static unsigned long dec(const unsigned char *s, int *n) {
  if (s[0] < 0x80) { *n = 1; return s[0]; }
  if (s[0] < 0xE0) { *n = 2; return ((s[0] & 0x1Ful) << 6) | (s[1] & 0x3F); }
  if (s[0] < 0xF0) { *n = 3; return ((s[0] & 0x0Ful) << 12) | ((s[1] & 0x3Ful) << 6) | (s[2] & 0x3F); }
  *n = 4; return ((s[0] & 0x07ul) << 18) | ((s[1] & 0x3Ful) << 12) | ((s[2] & 0x3Ful) << 6) | (s[3] & 0x3F);
}`;
const SEGMENTER = `
  for (;;) {
    SjValue line = sj_b_padha();
    if (line.tag == SJ_NULL) break;
    char bytes[4096], out[16384]; int n = 0, k = 0;
    char *p = ((SjText *)line.as.o)->data, *end;
    for (unsigned long cp; (cp = strtoul(p, &end, 16)), end != p; p = end) n += enc(cp, bytes + n);
    SjValue text = sj_text_from_bytes(bytes, (size_t)n);
    SjValue gs = sj_b_aksharharu(text);
    SjList *l = (SjList *)gs.as.o;
    for (size_t i = 0; i < l->len; i++) {
      SjText *g = (SjText *)l->items[i].as.o;
      if (i) k += snprintf(out + k, sizeof out - k, " | ");
      for (size_t j = 0; j < g->len;) { int m; unsigned long cp = dec((unsigned char *)g->data + j, &m);
        k += snprintf(out + k, sizeof out - k, j ? " %04lX" : "%04lX", cp); j += (size_t)m; }
    }
    show(sj_text_from_bytes(out, (size_t)k));
    sj_release(line); sj_release(text); sj_release(gs);
  }`;

const hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ');
const LINKERS = ['094D', '09CD', '0ACD', '0B4D', '0C4D', '0D4D'];

describe.each(recipeNames())('grapheme clusters (%s)', (recipe) => {
  let seg = '';
  beforeAll(() => {
    seg = compile(SEGMENTER, { recipe, top: SEGMENTER_TOP });
  });
  const segment = (strings: string[]) => {
    const r = run(seg, { stdin: strings.map(hex).join('\n') + '\n' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').slice(0, -1);
  };

  it('keeps Devanagari conjuncts, nukta, emoji sequences and flags together', () => {
    const cases: [string, string[]][] = [
      ['नमस्ते', ['न', 'म', 'स्ते']],
      ['क्षत्रज्ञश्र', ['क्ष', 'त्र', 'ज्ञ', 'श्र']],
      ['क़िताब', ['क़ि', 'ता', 'ब']],
      ['क्‍ष', ['क्‍ष']], // with ZWJ inside the conjunct
      ['स्त्री', ['स्त्री']],
      ['👨‍👩‍👧‍👦!', ['👨‍👩‍👧‍👦', '!']],
      ['👍🏽', ['👍🏽']],
      ['🇳🇵🇮🇳🇯', ['🇳🇵', '🇮🇳', '🇯']],
      ['a\r\nb\n\r', ['a', '\r\n', 'b', '\n', '\r']],
      ['ক্ষ', ['ক্ষ']],
      ['한국어', ['한', '국', '어']],
      ['', []],
    ];
    const got = segment(cases.map(([s]) => s));
    expect(got).toEqual(cases.map(([, gs]) => gs.map(hex).join(' | ')));
  });

  it('passes the Unicode GraphemeBreakTest cases (except GB9c ones, which 15.1 changed)', () => {
    const file = '/usr/share/unicode/auxiliary/GraphemeBreakTest.txt';
    if (!fs.existsSync(file)) return; // unicode-data not installed: covered by the other tests
    const tests = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('÷'))
      .map((l) => l.split('#')[0].trim())
      .filter((l) => !LINKERS.some((x) => l.includes(x)));
    expect(tests.length).toBeGreaterThan(500);
    const strings = tests.map((t) =>
      String.fromCodePoint(
        ...t
          .split(/\s*[÷×]\s*/)
          .filter(Boolean)
          .map((h) => parseInt(h, 16)),
      ),
    );
    const expected = tests.map((t) =>
      t
        .replace(/^÷\s*|\s*÷$/g, '')
        .split(/\s*÷\s*/)
        .map((g) => g.split(/\s*×\s*/).join(' '))
        .join(' | '),
    );
    expect(segment(strings)).toEqual(expected);
  });

  it('agrees with ICU (Intl.Segmenter) on random Indic, emoji and mixed text', () => {
    const alphabet = [
      'क',
      'ष',
      'त',
      'र',
      'ज',
      'ञ',
      'न',
      'म',
      'स',
      '्',
      'ि',
      'ी',
      'ु',
      'े',
      'ं',
      'ँ',
      'ः',
      '़',
      'ॅ',
      '\u200d',
      '\u200c',
      'অ',
      'ক',
      '্',
      'ষ',
      'ક',
      '્',
      'ષ',
      'క',
      '్',
      'ష',
      'മ',
      '്',
      'ല',
      'ଓ',
      '୍',
      'ଡ',
      'a',
      ' ',
      '\r',
      '\n',
      '🇳',
      '🇵',
      '👨',
      '👍',
      '🏽',
      '\u0301',
      '०',
      '।',
    ];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const strings: string[] = [];
    for (let i = 0; i < 400; i++) {
      let s = '';
      for (let k = 1 + (rnd() % 12); k > 0; k--) s += alphabet[rnd() % alphabet.length];
      strings.push(s);
    }
    const icu = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const expected = strings.map((s) => [...icu.segment(s)].map((g) => hex(g.segment)).join(' | '));
    expect(segment(strings)).toEqual(expected);
  });
});

describe.each(recipeNames())('texts (%s)', (recipe) => {
  it('counts, indexes and slices by code point', () => {
    const r = compileAndRun(
      `
      SjValue s = T("नमस्ते world");
      show(sj_b_lambai(s));
      show(sj_index(s, I(0))); show(sj_index(s, I(3))); show(sj_index(s, I(-1))); show(sj_index(s, I(-12)));
      SjValue acc = T("");
      for (int64_t i = 0; i < 12; i++) { SjValue c = sj_index(s, I(i)); sj_add_inplace(&acc, c); sj_release(c); }
      show(sj_eq(acc, s)); sj_release(acc);
      show(sj_b_tukra(s, I(2), I(6))); show(sj_b_tukra(s, I(-5), SJ_NULL_V)); show(sj_b_tukra(s, I(8), I(2)));
      show(sj_b_tukra(s, I(-100), I(100)));
      show(sj_b_ulto(s));
      sj_release(s);
    `,
      { recipe, latin: true },
    );
    expect(r.stdout).toBe('12\nन\n्\nd\nन\nसत्य\nस्ते\nworld\n\nनमस्ते world\ndlrow ेत्समन\n');
  });

  it('splits, joins, replaces and searches like Python', () => {
    const r = compileAndRun(
      `
      show(sj_b_vibhajan(T("क,ख,,ग"), T(",")));
      show(sj_b_vibhajan(T("  एक  दुई\\tतीन \\n"), SJ_NULL_V));
      show(sj_b_vibhajan(T(""), T(",")));
      show(sj_b_jod(L(3, T("क"), T("ख"), T("ग")), T(" - ")));
      show(sj_b_jod(L(0), T(",")));
      show(sj_b_pratisthapan(T("आमा आमा"), T("आ"), T("मा")));
      show(sj_b_pratisthapan(T("ab"), T(""), T("-")));
      show(sj_b_samavesh(T("नमस्ते"), T("स्त"))); show(sj_b_samavesh(T("नमस्ते"), T("x")));
      show(sj_b_samavesh(L(2, I(1), D(2.0)), I(2))); show(sj_b_samavesh(M(1, T("k"), I(1)), T("k")));
      show(sj_b_samavesh(M(1, T("k"), I(1)), I(1)));
    `,
      { recipe },
    );
    expect(r.stdout).toBe(
      '["क", "ख", "", "ग"]\n["एक", "दुई", "तीन"]\n[""]\nक - ख - ग\n\nमामा मामा\n-a-b-\n' + 'सत्य\nअसत्य\nसत्य\nसत्य\nअसत्य\n',
    );
  });

  it('reports text errors with the position', () => {
    const cases: [string, string][] = [
      ['show(sj_index(T("abc"), I(3)));', 'index 3 out of range (length 3)'],
      ['show(sj_index(T("abc"), I(-4)));', 'index -4 out of range'],
      ['show(sj_index(T("abc"), D(1.0)));', 'text index must be an integer'],
      ['sj_set_index(T("abc"), I(0), T("x"));', 'texts cannot be changed'],
      ['show(sj_b_vibhajan(T("abc"), T("")));', 'empty separator'],
      ['show(sj_b_jod(L(2, T("a"), I(1)), T(",")));', 'every item of the list must be a text'],
      ['show(sj_b_samavesh(T("abc"), I(1)));', 'cannot look for a integer in a text'],
      ['show(sj_b_lambai(I(5)));', 'cannot take a integer'],
    ];
    for (const [body, msg] of cases) {
      const e = compileAndRun(`AT(4, 2); ${body}`, { recipe });
      expect(e.status).toBe(1);
      expect(e.stderr).toContain(msg);
      expect(errorPosition(e.stderr)).toEqual([4, 2]);
    }
  });
});

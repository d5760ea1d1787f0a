// Builtins of the language reference (docs/reference.md) §6: conversions, lists, maps, maths, and calls
// through function values.
import { describe, expect, it } from 'vitest';
import { compileAndRun, errorPosition, recipeNames } from './harness';

const lines = (s: string) => s.split('\n').slice(0, -1);

describe.each(recipeNames())('builtins (%s)', (recipe) => {
  it('संख्या, पूर्णांक and दशमलव parse both digit sets, signs and spaces', () => {
    const r = compileAndRun(
      `
      const char *ins[] = {"१२", "12", "  -४२ ", "+7", "३.१४", "3.14", "१2.५", "-0", "9223372036854775807",
                           "-9223372036854775808", ".5", "5.", "1e3", "\\xc2\\xa0२\\t"};
      for (int i = 0; i < 14; i++) {
        SjValue t = T(ins[i]);
        SjValue v = sj_b_sankhya(t), p = sj_b_prakaar(v);
        show2(v, p);
        sj_release(t);
      }
      show(sj_b_purnanka(T("३.९"))); show(sj_b_purnanka(D(-3.9))); show(sj_b_purnanka(sj_bool(true)));
      show(sj_b_dashamalav(T("१२"))); show(sj_b_dashamalav(I(2))); show(sj_b_purnanka(I(-5)));
    `,
      { recipe, latin: true },
    );
    expect(lines(r.stdout)).toEqual([
      '12 पूर्णांक',
      '12 पूर्णांक',
      '-42 पूर्णांक',
      '7 पूर्णांक',
      '3.14 दशमलव',
      '3.14 दशमलव',
      '12.5 दशमलव',
      '0 पूर्णांक',
      '9223372036854775807 पूर्णांक',
      '-9223372036854775808 पूर्णांक',
      '0.5 दशमलव',
      '5.0 दशमलव',
      '1000.0 दशमलव',
      '2 पूर्णांक',
      '3',
      '-3',
      '1',
      '12.0',
      '2.0',
      '-5',
    ]);
  });

  it('rejects texts that are not numbers, and integers that do not fit', () => {
    for (const [input, msg] of [
      ['"१२क"', 'cannot convert "१२क" to a number'],
      ['""', 'to a number'],
      ['"1 2"', 'to a number'],
      ['"-"', 'to a number'],
      ['"9223372036854775808"', 'integer overflow'],
      ['"१.२.३"', 'to a number'],
    ]) {
      const e = compileAndRun(`AT(2, 9); show(sj_b_sankhya(T(${input})));`, { recipe });
      expect(e.status).toBe(1);
      expect(e.stderr).toContain(msg);
      expect(errorPosition(e.stderr)).toEqual([2, 9]);
    }
  });

  it('प्रकार names every type', () => {
    const r = compileAndRun(
      `
      SjValue vs[8] = {I(1), D(1.5), T("x"), sj_bool(true), L(0), M(0), sj_func_value(&sj_bf_thapa), SJ_NULL_V};
      for (int i = 0; i < 8; i++) { show(sj_b_prakaar(vs[i])); sj_release(vs[i]); }
    `,
      { recipe },
    );
    expect(lines(r.stdout)).toEqual(['पूर्णांक', 'दशमलव', 'पाठ', 'बुलियन', 'सूची', 'शब्दकोश', 'कार्य', 'खाली']);
  });

  it('थप, निकाल, टुक्रा, उल्टो, क्रमबद्ध share and copy lists as Python does', () => {
    const r = compileAndRun(
      `
      SjValue a = L(3, I(3), I(1), I(2));
      SjValue b = sj_retain(a);                /* राख ख = क : the same list */
      sj_release(sj_b_thapa(b, I(9)));
      show(sj_retain(a));
      show(sj_b_nikaal(a)); show(sj_retain(b));
      SjValue s = sj_b_kramabaddha(a); show(sj_retain(s)); show(sj_retain(a));
      sj_set_index(s, I(0), I(100)); show(sj_retain(a));
      show(sj_b_ulto(a)); show(sj_b_tukra(a, I(1), SJ_NULL_V)); show(sj_b_tukra(a, I(-2), I(-1)));
      show(sj_b_kramabaddha(L(4, D(2.5), I(-1), I(2), D(0.5))));
      show(sj_b_kramabaddha(L(4, T("ख"), T("a"), T("क"), T("B"))));
      show(sj_b_kramabaddha(L(0)));
      sj_set_index(a, I(-1), T("z")); show(sj_retain(a));
      sj_release(a); sj_release(b); sj_release(s);
    `,
      { recipe, latin: true },
    );
    expect(lines(r.stdout)).toEqual([
      '[3, 1, 2, 9]',
      '9',
      '[3, 1, 2]',
      '[1, 2, 3]',
      '[3, 1, 2]',
      '[3, 1, 2]',
      '[2, 1, 3]',
      '[1, 2]',
      '[1]',
      '[-1, 0.5, 2, 2.5]',
      '["B", "a", "क", "ख"]',
      '[]',
      '[3, 1, "z"]',
    ]);
  });

  it('maps keep insertion order, replace in place, and list their keys', () => {
    const r = compileAndRun(
      `
      SjValue m = M(3, T("ख"), I(2), T("क"), I(1), I(3), T("तीन"));
      sj_set_index(m, T("ख"), I(20)); sj_set_index(m, sj_bool(true), I(1)); sj_set_index(m, I(1), I(0));
      show(sj_retain(m)); show(sj_b_kunjiharu(m)); show(sj_b_lambai(m));
      show(sj_index(m, T("ख"))); show(sj_index(m, I(1))); show(sj_index(m, sj_bool(true)));
      for (int i = 0; i < 1000; i++) sj_set_index(m, I(i * 7), I(i));
      show(sj_index(m, I(6993))); show(sj_b_lambai(m)); show(sj_index(m, T("क")));
      sj_release(m);
    `,
      { recipe, latin: true },
    );
    expect(lines(r.stdout)).toEqual([
      '{"ख": 20, "क": 1, 3: "तीन", सत्य: 1, 1: 0}',
      '["ख", "क", 3, सत्य, 1]',
      '5',
      '20',
      '0',
      '1',
      '999',
      '1005',
      '1',
    ]);
  });

  it('treats a decimal with an integer value as that integer key, as Python does', () => {
    const r = compileAndRun(
      `
      SjValue m = M(1, I(2), T("दुई"));
      show(sj_index(m, D(2.0)));
      sj_set_index(m, D(2.0), T("two")); sj_set_index(m, D(3.0), T("तीन")); sj_set_index(m, I(3), T("three"));
      show(sj_retain(m)); show(sj_b_samavesh(m, D(3.0))); show(sj_b_samavesh(m, D(3.5)));
      show(sj_eq(m, M(2, D(2.0), T("two"), I(3), T("three"))));
      sj_release(m);
    `,
      { recipe, latin: true },
    );
    expect(lines(r.stdout)).toEqual(['दुई', '{2: "two", 3.0: "three"}', 'सत्य', 'असत्य', 'सत्य']);
  });

  it('reports list and map errors', () => {
    const cases: [string, string][] = [
      ['show(sj_index(L(1, I(1)), I(1)));', 'index 1 out of range (length 1)'],
      ['sj_set_index(L(0), I(-1), I(1));', 'index -1 out of range (length 0)'],
      ['show(sj_b_nikaal(L(0)));', 'pop from an empty list'],
      ['show(sj_index(M(1, T("a"), I(1)), T("b")));', 'key "b" is not in the map'],
      ['sj_set_index(M(0), L(0), I(1));', 'map keys must be integers, texts or booleans, got list'],
      ['show(sj_index(M(0), D(1.5)));', 'got decimal'],
      ['show(sj_index(M(1, I(1), I(1)), D(2.0)));', 'key 2.0 is not in the map'],
      ['show(sj_b_kramabaddha(L(2, I(1), T("a"))));', 'mixed integer and text'],
      ['show(sj_index(I(5), I(0)));', 'integer cannot be indexed'],
      ['show(sj_b_thapa(T("x"), I(1)));', 'cannot take a text'],
    ];
    for (const [body, msg] of cases) {
      const e = compileAndRun(`AT(7, 1); ${body}`, { recipe });
      expect(e.status).toBe(1);
      expect(e.stderr).toContain(msg);
      expect(errorPosition(e.stderr)).toEqual([7, 1]);
    }
  });

  it('maths: वर्गमूल, निरपेक्ष, गोलो (half away from zero), भुइँ, छत, अधिकतम, न्यूनतम', () => {
    const r = compileAndRun(
      `
      show(sj_b_vargamul(I(16))); show(sj_b_vargamul(D(2.25)));
      show(sj_b_nirapeksha(I(-5))); show(sj_b_nirapeksha(D(-2.5)));
      show(sj_b_golo(D(2.5))); show(sj_b_golo(D(-2.5))); show(sj_b_golo(D(0.49999999999999994))); show(sj_b_golo(I(7)));
      show(sj_b_bhuin(D(-2.1))); show(sj_b_chhata(D(-2.1))); show(sj_b_bhuin(D(2.9))); show(sj_b_chhata(D(2.1)));
      SjValue args[4] = {I(3), D(7.5), I(-2), I(7)};
      show(sj_b_adhikatam(4, args)); show(sj_b_nyunatam(4, args));
      SjValue one = L(3, T("ख"), T("क"), T("a"));
      show(sj_b_adhikatam(1, &one)); show(sj_b_nyunatam(1, &one)); sj_release(one);
      SjValue same[2] = {I(1), D(1.0)};
      show(sj_b_adhikatam(2, same));
    `,
      { recipe, latin: true },
    );
    expect(lines(r.stdout)).toEqual([
      '4.0',
      '1.5',
      '5',
      '2.5',
      '3',
      '-3',
      '0',
      '7',
      '-3',
      '-2',
      '2',
      '3',
      '7.5',
      '-2',
      'ख',
      'a',
      '1',
    ]);
  });

  it('reports maths errors: negative square root, huge or NaN rounding, empty extremes', () => {
    const cases: [string, string][] = [
      ['show(sj_b_vargamul(I(-1)));', 'square root of a negative number'],
      ['show(sj_b_golo(D(1e300)));', 'integer overflow'],
      ['show(sj_b_bhuin(D(9223372036854775808.0)));', 'integer overflow'],
      ['show(sj_b_chhata(D(0.0/0.0)));', 'NaN'],
      ['show(sj_b_purnanka(D(1.0/0.0)));', 'infinity'],
      ['show(sj_b_nirapeksha(I(INT64_MIN)));', 'integer overflow'],
      ['SjValue l = L(0); show(sj_b_adhikatam(1, &l));', 'needs at least one value'],
      ['SjValue a[2] = {I(1), T("a")}; show(sj_b_nyunatam(2, a));', 'cannot compare'],
    ];
    for (const [body, msg] of cases) {
      const e = compileAndRun(`AT(5, 5); ${body}`, { recipe });
      expect(e.status).toBe(1);
      expect(e.stderr).toContain(msg);
    }
  });

  it('calls functions through values, checking arity; builtins are values too', () => {
    const top = `
static SjValue add_1(SjValue a, SjValue b) { SJ_ENTER(); return sj_add(a, b); }
static SjValue add_1_w(SjValue *args) { return add_1(args[0], args[1]); }
static SjFunc add_1_obj = SJ_FUNC_INIT(add_1_w, 2, "\\xe0\\xa4\\x9c", 3);`;
    const ok = compileAndRun(
      `
      SjValue f = sj_func_value(&add_1_obj);
      SjValue args[2] = {I(2), I(3)};
      show(sj_call(f, 2, args));
      SjValue g = sj_func_value(&sj_bf_lambai), t = T("नमस्ते");
      show(sj_call(g, 1, &t));
      SjValue h = sj_func_value(&sj_bf_adhikatam);
      show(sj_call(h, 2, args));
      SjValue d = sj_func_value(&sj_bf_dekhau);
      sj_release(sj_call(d, 2, args));
      show(sj_eq(f, f)); show(sj_eq(f, g));
      sj_release(f); sj_release(g); sj_release(h); sj_release(d); sj_release(t);
    `,
      { recipe, top, latin: true },
    );
    expect(lines(ok.stdout)).toEqual(['5', '6', '3', '2 3', 'सत्य', 'असत्य']);
    const bad = compileAndRun(`SjValue f = sj_func_value(&add_1_obj); AT(9, 3); show(sj_call(f, 1, &f));`, {
      recipe,
      top,
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('function ज takes 2 argument(s), 1 given');
    expect(errorPosition(bad.stderr)).toEqual([9, 3]);
    const notf = compileAndRun(`SjValue x = I(1); AT(9, 4); show(sj_call(x, 0, &x));`, { recipe });
    expect(notf.stderr).toContain('a integer cannot be called like a function');
  });

  it('loops: ranges with steps and limits, repeat counts, iteration over list, text and map', () => {
    const r = compileAndRun(
      `
      SjRange rg; int64_t n;
      sj_range_init(&rg, I(1), I(5), I(2)); while (sj_range_next(&rg, &n)) show(I(n));
      sj_range_init(&rg, I(3), I(1), I(-1)); while (sj_range_next(&rg, &n)) show(I(n));
      sj_range_init(&rg, I(5), I(1), I(1)); while (sj_range_next(&rg, &n)) show(I(n));
      sj_range_init(&rg, I(INT64_MAX - 1), I(INT64_MAX), I(1)); while (sj_range_next(&rg, &n)) show(I(n));
      show(I(sj_repeat_count(I(-3))));
      SjIter it; SjValue x;
      SjValue l = L(2, I(1), I(2));
      sj_iter_init(&it, l);
      while (sj_iter_next(&it, &x)) { if (x.as.i < 4) { SjValue y = sj_add(x, I(2)); sj_b_thapa(l, y); } show(x); }
      sj_iter_end(&it); sj_release(l);
      SjValue t = T("नमस्ते");
      sj_iter_init(&it, t); while (sj_iter_next(&it, &x)) show(x); sj_iter_end(&it); sj_release(t);
      SjValue m = M(2, T("क"), I(1), T("ख"), I(2));
      sj_iter_init(&it, m); while (sj_iter_next(&it, &x)) { sj_map_set(m, T("new"), I(0)); show(x); } sj_iter_end(&it);
      sj_release(m);
    `,
      { recipe, latin: true },
    );
    expect(lines(r.stdout)).toEqual([
      '1',
      '3',
      '5',
      '3',
      '2',
      '1',
      '9223372036854775806',
      '9223372036854775807',
      '-3',
      '1',
      '2',
      '3',
      '4',
      '5',
      'न',
      'म',
      'स',
      '्',
      'त',
      'े',
      'क',
      'ख',
    ]);
    const zero = compileAndRun('SjRange rg; AT(3, 3); sj_range_init(&rg, I(1), I(2), I(0));', { recipe });
    expect(zero.stderr).toContain('range step cannot be zero');
    const dec = compileAndRun('SjRange rg; AT(3, 3); sj_range_init(&rg, I(1), D(2.0), I(1));', { recipe });
    expect(dec.stderr).toContain('range bounds and step must be integers, got decimal');
    const it = compileAndRun('SjIter it; AT(3, 3); sj_iter_init(&it, I(5));', { recipe });
    expect(it.stderr).toContain('cannot loop over a integer');
  });
});

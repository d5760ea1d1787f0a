// Code generation: mangled names, positions as numbers, and the ownership rules of sajilo.h
// (every owned temporary released once; locals released when their block ends, on रोक,
// जारी and फर्काउ paths too).
import { describe, expect, it } from 'vitest';
import { cFor, cFunction } from './generate';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('names and literals', () => {
  it('mangles every name by declaration id and keeps the C source ASCII', () => {
    const c = cFor('राख फल = "स्याउ"\nकार्य जोड्(क, ख)\n    फर्काउ क + ख\nअन्त्य\nदेखाउ(जोड्(फल, "!"))\n');
    expect(c).toMatch(/^[\x09\x0a\x20-\x7e]*$/);
    expect(c).toMatch(/static SjValue f\d+\(SjValue p\d+, SjValue p\d+\)/);
  });
  it('keeps globals that functions mention static, and the rest as locals of program()', () => {
    const c = cFor('राख साझा = १\nराख आफ्नै = २\nकार्य हेर()\n    फर्काउ साझा\nअन्त्य\nदेखाउ(हेर() + आफ्नै)\n');
    expect(c).toMatch(/^static SjValue g0;/m);
    expect(c).not.toMatch(/static SjValue g1;/);
    expect(cFunction(c, 'static void program(void)')).toMatch(/^ {2}SjValue v1; SJG_CLEAR\(v1\);$/m);
  });
  it('passes runtime error positions as numbers', () => {
    const c = cFor('राख क = १\nदेखाउ(१०  //  क)\n');
    expect(c).toContain('SJ_POS(2, 11)');
  });
  it('reuses one cached slot per distinct text literal', () => {
    const c = cFor('देखाउ("क")\nदेखाउ("क")\nदेखाउ("ख")\n');
    expect(count(c, /static SjValue lit\d+;/g)).toBe(2);
  });
  it('calls known functions directly and values through sj_call', () => {
    const c = cFor('कार्य एक()\n    फर्काउ १\nअन्त्य\nराख फ = एक\nदेखाउ(एक(), फ())\n');
    expect(c).toMatch(/SjValue t\d+ = f\d+\(\);/);
    expect(c).toMatch(/sj_call\(v\d+, 0, NULL\)/);
  });
  it('passes values through pointers when asked (the tcc calling style)', () => {
    const c = cFor('कार्य जोड(क, ख)\n    ख = ख + १\n    फर्काउ क + ख\nअन्त्य\nदेखाउ(जोड(१, २.५))\n', false, true);
    expect(c).toContain('static void f0(SjValue *sj_r, const SjValue *p1, const SjValue *p2)');
    expect(c).toMatch(/SjValue (t\d+); f0\(&\1, &SJG_INT\(1\), &SJG_DEC\(2\.5\)\);/);
    expect(c).toContain('SjValue v2 = *p2; SJG_RETAIN(v2);'); // assigned: an owned copy
    expect(c).toMatch(/SJG_ARITH\(t\d+, SJG_ADD_OVFV, sj_add_slow, \(\*p1\), v2, SJ_POS\(3, \d+\)\)/);
    expect(c).toMatch(/SJG_COPY\(\*sj_r, t\d+\);\n\s+goto sj_exit;/);
  });
  it('selects latin digits in the entry point', () => {
    expect(cFor('देखाउ(१)', true)).toContain('sj_run_main(argc, argv, program, 1)');
    expect(cFor('देखाउ(१)')).toContain('sj_run_main(argc, argv, program, 0)');
  });
});

describe('ownership', () => {
  it('releases every owned temporary exactly once, unless it moves into a variable', () => {
    const c = cFor('राख क = "अ"\nदेखाउ(क + "ब", [१, "ग"], लम्बाइ(क + क), क[०])\n');
    // Comparison results are booleans (nothing to release); every other temporary is owned.
    const temps = [
      ...c.matchAll(/(?:SjValue |SJG_(?:TEXT|ARITHK?|FLOORDIV|MOD|NEG|INDEX)\()(t\d+)(?! = SJG_BOOL)\b/g),
    ].map((m) => m[1]);
    expect(temps.length).toBeGreaterThan(6);
    for (const t of temps) {
      const released = count(c, new RegExp(`SJG_RELEASE\\(${t}\\);`, 'g'));
      const moved = count(c, new RegExp(`SJG_COPY\\(\\w+, ${t}\\);`, 'g'));
      expect(released + moved).toBe(1);
    }
  });
  it('does not release borrowed variables used as operands', () => {
    const c = cFor('कार्य f(क)\n    फर्काउ क + क\nअन्त्य\n');
    expect(cFunction(c, 'static SjValue f0(SjValue p1)')).not.toMatch(/sj_release\(p1\)/);
  });
  it('owns a parameter the function assigns to, and releases it at exit', () => {
    const f = cFunction(cFor('कार्य f(क)\n    क = [क]\n    फर्काउ क\nअन्त्य\n'), 'static SjValue f0(SjValue p1)');
    expect(f).toContain('SjValue v1 = p1; SJG_RETAIN(v1);');
    expect(f).toMatch(/sj_exit:\n\s+SJG_RELEASE\(v1\);/);
  });
  it('releases block locals at the end of each pass and before रोक and जारी', () => {
    const c = cFor(
      'हरेक i = १ देखि ३ सम्म\n    राख क = "x" * i\n    यदि i == २ भने\n        जारी\n    अन्त्य\n    यदि i == ३ भने\n        रोक\n    अन्त्य\nअन्त्य\n',
    );
    const k = /SjValue (v\d+); SJG_CLEAR\(\1\);/g;
    const locals = [...c.matchAll(k)].map((m) => m[1]);
    // (the loop variable, never assigned in the body, is an integer: SJG_DROP_INT)
    const clears = (v: string) =>
      count(c, new RegExp(`SJG_RELEASE\\(${v}\\); SJG_CLEAR\\(${v}\\);|SJG_DROP_INT\\(${v}\\);`, 'g'));
    // the loop variable and क: once at the end of the pass, once before जारी, once before रोक
    expect(locals.length).toBe(2);
    for (const v of locals) expect(clears(v)).toBe(3);
    expect(c.indexOf('continue;')).toBeGreaterThan(c.indexOf('SJG_CLEAR(', c.indexOf('for (;')));
  });
  it('ends an iterator before leaving through फर्काउ', () => {
    const c = cFor(
      'कार्य खोज(सूची)\n    हरेक x सूची मा\n        यदि x == २ भने\n            फर्काउ x\n        अन्त्य\n    अन्त्य\n    फर्काउ खाली\nअन्त्य\n',
    );
    const ret = c.indexOf('goto sj_exit;');
    expect(c.lastIndexOf('sj_iter_end(', ret)).toBeGreaterThan(c.lastIndexOf('sj_iter_init(', ret));
    expect(count(c, /sj_iter_end\(/g)).toBe(2);
  });
  it('snapshots a global read before a call that may reassign it', () => {
    const c = cFor('राख क = [१]\nकार्य बदल()\n    क = [२]\n    फर्काउ ०\nअन्त्य\nदेखाउ(क + [बदल()])\n');
    expect(c).toMatch(/SjValue (t\d+) = g0; SJG_RETAIN\(\1\);/);
  });
  it('checks at run time that a global read inside a function has been set', () => {
    const c = cFor('कार्य हेर()\n    फर्काउ पछि\nअन्त्य\nराख पछि = १\nदेखाउ(हेर())\n');
    expect(c).toMatch(/static bool g\d+_set;/);
    expect(c).toMatch(/g\d+_set = true;/);
  });
});

// Printing: integers and decimals in both digit sets, decimals exactly as
// Python's repr (checked against an independent oracle: JavaScript's shortest
// round-trip digits, laid out by Python's rules), and values of every type.
import { describe, expect, it } from 'vitest';
import { bitsOf, compileAndRun, devanagari, pyRepr, recipeNames } from './harness';

const TOP = 'static double bits(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }';

/** Deterministic spread of doubles: every magnitude, short and long digit strings. */
function sampleDoubles(): number[] {
  // Literals past 2^53 on purpose: the printed double is the one they round to.
  /* eslint-disable no-loss-of-precision */
  const xs = [
    0,
    -0,
    0.1,
    0.2,
    0.3,
    1 / 3,
    2 / 3,
    3,
    1e16,
    1e15,
    1234567890123456,
    12345678901234567,
    1e-4,
    1e-5,
    0.00012,
    1.5e-7,
    123.456,
    1e22,
    1e21,
    5e-324,
    1.7976931348623157e308,
    2.5,
    -2.5,
    100,
    1e100,
    9007199254740993,
    0.1 + 0.2,
    1e-310,
    Infinity,
    -Infinity,
    NaN,
    4.35,
    2 ** 63,
    -(2 ** 63),
  ];
  /* eslint-enable no-loss-of-precision */
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 150; i++) {
    const mag = Math.floor(rand() * 60) - 30;
    xs.push((rand() - 0.5) * 10 ** mag);
    xs.push(Math.round(rand() * 10 ** (i % 8)) / 10 ** (i % 5)); // short decimals like 12.5
  }
  return xs;
}

describe.each(recipeNames())('printing numbers (%s)', (recipe) => {
  it('prints decimals exactly as Python repr, latin and Devanagari', () => {
    const xs = sampleDoubles();
    const body = xs.map((x) => `show(D(bits(${bitsOf(x)})));`).join('\n');
    const latin = compileAndRun(body, { recipe, latin: true, top: TOP });
    expect(latin.status).toBe(0);
    expect(latin.stdout.split('\n').slice(0, -1)).toEqual(xs.map(pyRepr));
    const dev = compileAndRun(body, { recipe, top: TOP });
    expect(dev.stdout.split('\n').slice(0, -1)).toEqual(xs.map((x) => devanagari(pyRepr(x))));
  });

  it('keeps e, + and - latin in exponent form', () => {
    const r = compileAndRun('show(D(1e16)); show(D(1e-5)); show(D(-1.5e-7));', { recipe });
    expect(r.stdout).toBe('१e+१६\n१e-०५\n-१.५e-०७\n');
  });

  it('prints integers, including the extremes', () => {
    const vals = ['0', '7', '-13', '1234567890', '9223372036854775807', '-9223372036854775807LL - 1'];
    const body = vals.map((v) => `show(I(${v}));`).join('\n');
    const expected = ['0', '7', '-13', '1234567890', '9223372036854775807', '-9223372036854775808'];
    expect(compileAndRun(body, { recipe, latin: true }).stdout).toBe(expected.join('\n') + '\n');
    expect(compileAndRun(body, { recipe }).stdout).toBe(expected.map(devanagari).join('\n') + '\n');
  });
});

describe('printing values', () => {
  it('prints booleans, खाली, texts, lists and maps as the design says', () => {
    const r = compileAndRun(`
      show(sj_bool(true)); show(sj_bool(false)); show(SJ_NULL_V);
      show(T("नमस्ते \\"संसार\\""));
      show(L(3, I(1), I(2), T("क")));
      show(M(2, T("क"), I(1), T("ख"), I(2)));
      show(L(4, T("a\\"b"), T("back\\\\slash"), T("new\\nline"), L(0)));
      show(L(3, SJ_NULL_V, sj_bool(true), D(2.0)));
      show(M(2, I(1), L(1, T("x")), sj_bool(false), M(0)));
    `);
    expect(r.stdout).toBe(
      [
        'सत्य',
        'असत्य',
        'खाली',
        'नमस्ते "संसार"',
        '[१, २, "क"]',
        '{"क": १, "ख": २}',
        '["a\\"b", "back\\\\slash", "new\\nline", []]',
        '[खाली, सत्य, २.०]',
        '{१: ["x"], असत्य: {}}',
      ].join('\n') + '\n',
    );
  });

  it('prints several arguments separated by one space; लेख without newline; देखाउ() an empty line', () => {
    const r = compileAndRun(`
      SjValue a[3] = {I(1), T("दुई"), D(3.5)};
      sj_release(sj_b_lekha(3, a)); sj_release(sj_b_lekha(0, a)); sj_release(sj_b_dekhau(0, a));
      sj_release(sj_b_dekhau(3, a)); sj_release(a[1]);
    `);
    expect(r.stdout).toBe('१ दुई ३.५\n१ दुई ३.५\n');
  });

  it('prints a list that contains itself as [...] instead of looping', () => {
    const r = compileAndRun('SjValue l = L(1, I(1)); sj_list_push(l, l); show(sj_retain(l)); sj_release(l);');
    expect(r.stdout).toBe('[१, [...]]\n');
  });

  it('prints functions as <कार्य नाम> with the name given as bytes', () => {
    const top = `static SjValue f_w(SjValue *a) { return a[0]; }
static SjFunc f_obj = SJ_FUNC_INIT(f_w, 1, "\\xe0\\xa4\\x9c\\xe0\\xa5\\x8b\\xe0\\xa4\\xa1", 9);`;
    const r = compileAndRun('show(sj_func_value(&f_obj)); show(L(1, sj_func_value(&sj_bf_lambai)));', { top });
    expect(r.stdout).toBe('<कार्य जोड>\n[<कार्य लम्बाइ>]\n');
  });

  it('पाठ() returns exactly what देखाउ prints', () => {
    const r = compileAndRun(
      `
      SjValue vals[5] = {D(0.1), L(2, T("क"), I(-3)), T("x"), SJ_NULL_V, M(1, sj_bool(true), D(1e20))};
      for (int i = 0; i < 5; i++) {
        SjValue p = sj_b_paath(vals[i]);
        SjValue args[2] = {p, vals[i]};
        sj_release(sj_b_dekhau(2, args));
        sj_release(p); sj_release(vals[i]);
      }`,
      { latin: true },
    );
    expect(r.stdout).toBe('0.1 0.1\n["क", -3] ["क", -3]\nx x\nखाली खाली\n{सत्य: 1e+20} {सत्य: 1e+20}\n');
  });
});

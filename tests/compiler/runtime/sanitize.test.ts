// Memory safety: the runtime's sources compiled with AddressSanitizer and
// UndefinedBehaviorSanitizer, driven through most of the API (reference counts,
// in-place append, maps growing, slices, graphemes, sorting, printing, errors).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runtimeSourceArgs } from './harness';

const WORKLOAD = `#include "sajilo.h"
#include <string.h>
static SjValue T(const char *s) { return sj_text_from_bytes(s, strlen(s)); }
static void show(SjValue v) { SjValue r = sj_b_dekhau(1, &v); sj_release(v); sj_release(r); }
static SjValue lit_1;
static void program(void) {
  SjValue s = T(""), words = sj_list_new(0), m = sj_map_new();
  for (int i = 0; i < 3000; i++) {
    SjValue n = sj_b_paath(sj_int(i * 7919 % 1000));
    SjValue k = sj_text_lit(&lit_1, "\\xe0\\xa4\\x95\\xe0\\xa5\\x8d\\xe0\\xa4\\xb7", 9);
    SjValue w = sj_add(n, k);
    sj_add_inplace(&s, w);
    sj_b_thapa(words, w);
    SjValue old = sj_b_samavesh(m, w).as.b ? sj_index(m, w) : sj_int(0);
    SjValue inc = sj_add(old, sj_int(1));
    sj_map_set(m, w, inc);
    sj_release(old); sj_release(inc); sj_release(n); sj_release(w); sj_release(k);
  }
  SjValue sorted = sj_b_kramabaddha(words), keys = sj_b_kunjiharu(m);
  show(sj_b_lambai(s)); show(sj_b_lambai(keys));
  show(sj_b_tukra(sorted, sj_int(-3), SJ_NULL_V));
  SjValue g = sj_b_aksharharu(s); show(sj_b_lambai(g));
  SjValue parts = sj_b_vibhajan(s, T("\\xe0\\xa4\\xb7"));
  SjValue joined = sj_b_jod(parts, T("-")); show(sj_b_lambai(joined));
  SjValue rep = sj_b_pratisthapan(joined, T("-"), T("")); show(sj_b_lambai(rep));
  SjValue rev = sj_b_ulto(rep); show(sj_index(rev, sj_int(-1)));
  for (int64_t i = 0; i < 100; i++) { SjValue c = sj_index(s, sj_int(i * 13)); sj_release(c); }
  SjValue cyc = sj_list_new(0); sj_list_push(cyc, cyc); show(sj_retain(cyc)); sj_release(cyc);
  SjValue nested = sj_list_new(0);
  for (int i = 0; i < 100000; i++) { SjValue o = sj_list_new(1); sj_list_push(o, nested); sj_release(nested); nested = o; }
  sj_release(nested);
  show(sj_b_sankhya(T(" -\\xe0\\xa5\\xaa\\xe0\\xa5\\xa8.5 ")));
  show(sj_pow(sj_int(3), sj_int(39))); show(sj_floordiv(sj_dec(-7.5), sj_int(2)));
  sj_release(s); sj_release(words); sj_release(m); sj_release(sorted); sj_release(keys); sj_release(g);
  sj_release(parts); sj_release(joined); sj_release(rep); sj_release(rev);
  sj_pos = SJ_POS(9, 9);
  show(sj_index(sj_list_new(0), sj_int(0)));
}
int main(int argc, char **argv) { return sj_run_main(argc, argv, program, 1); }
`;

it('runs a workload over most of the API with no AddressSanitizer or UBSan report', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sajilo-asan-'));
  fs.writeFileSync(path.join(dir, 'w.c'), WORKLOAD);
  const exe = path.join(dir, 'w');
  const c = spawnSync(
    'gcc',
    [
      '-g',
      '-O1',
      '-fsanitize=address,undefined',
      '-fno-sanitize-recover=undefined',
      path.join(dir, 'w.c'),
      ...runtimeSourceArgs(),
      '-lm',
      '-o',
      exe,
    ],
    { encoding: 'utf8' },
  );
  expect(c.stderr).toBe('');
  const r = spawnSync(exe, [], { encoding: 'utf8', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
  expect(r.stderr).not.toMatch(/AddressSanitizer|runtime error:/);
  // The same computation in JavaScript.
  const words = Array.from({ length: 3000 }, (_, i) => `${(i * 7919) % 1000}क्ष`);
  const text = words.join('');
  const len = [...text].length;
  const last3 = [...words]
    .sort()
    .slice(-3)
    .map((w) => JSON.stringify(w))
    .join(', ');
  const graphemes = words.reduce((n, w) => n + w.length - 2, 0); // digits + one conjunct
  expect(r.stdout).toBe(
    [
      len,
      new Set(words).size,
      `[${last3}]`,
      graphemes,
      len,
      len - 3000,
      text[0],
      '[[...]]',
      '-42.5',
      String(3n ** 39n),
      '-4.0',
    ].join('\n') + '\n',
  );
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('Runtime error at line 9, column 9: index 0 out of range (length 0)');
}, 120_000);

// Packed boolean lists ([सत्य] * n): growth, widening on the first other value (by store,
// by append, by a sort or extreme that reads items), copies, pops and freeing.
const PACKED = `#include "sajilo.h"
static void show(SjValue v) { SjValue r = sj_b_dekhau(1, &v); sj_release(v); sj_release(r); }
static void program(void) {
  SjValue one = sj_list_new(1); sj_list_push(one, sj_bool(true));
  SjValue a = sj_mul(one, sj_int(3)), b = sj_mul(one, sj_int(1000));
  for (int i = 0; i < 5000; i++) sj_b_thapa(b, sj_bool(i % 3 == 0));
  sj_set_index(b, sj_int(-1), sj_bool(false));
  SjValue c = sj_add(a, b), d = sj_b_ulto(c), e = sj_b_tukra(d, sj_int(2), sj_int(-2));
  show(sj_b_lambai(e)); show(sj_b_samavesh(e, sj_bool(false)));
  SjValue p = sj_b_nikaal(a); show(p); show(sj_retain(a));
  SjValue t = sj_text_from_bytes("x", 1);
  sj_set_index(b, sj_int(0), t); sj_release(t);
  sj_b_thapa(e, sj_int(7)); show(sj_index(e, sj_int(-1)));
  show(sj_b_lambai(b)); show(sj_index(b, sj_int(0)));
  show(sj_bool(sj_equal(c, d)));
  sj_release(one); sj_release(a); sj_release(b); sj_release(c); sj_release(d); sj_release(e);
}
int main(int argc, char **argv) { return sj_run_main(argc, argv, program, 1); }
`;

it('packed boolean lists pass AddressSanitizer and UBSan, leaks included', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sajilo-asan-'));
  fs.writeFileSync(path.join(dir, 'p.c'), PACKED);
  const exe = path.join(dir, 'p');
  const c = spawnSync(
    'gcc',
    [
      '-g',
      '-O1',
      '-fsanitize=address,undefined',
      '-fno-sanitize-recover=undefined',
      path.join(dir, 'p.c'),
      ...runtimeSourceArgs(),
      '-lm',
      '-o',
      exe,
    ],
    { encoding: 'utf8' },
  );
  expect(c.stderr).toBe('');
  const r = spawnSync(exe, [], { encoding: 'utf8', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=1' } });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(
    ['5999', 'true', 'true', '[true, true]', '7', '6000', 'x', 'false']
      .join('\n')
      .replace(/true/g, 'सत्य')
      .replace(/false/g, 'असत्य') + '\n',
  );
  expect(r.status).toBe(0);
}, 120_000);

// Whole-program behaviour: recursion depth, bounded memory, stdin, stdout
// buffering and broken pipes, error output format.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, compileAndRun, errorPosition, recipeNames, run } from './harness';

const DEPTH_TOP = `
/* कार्य गहिराइ(n): यदि n <= 0 भने फर्काउ 0; फर्काउ गहिराइ(n - 1) + 1 — as generated code would be. */
static SjValue gahirai_1(SjValue n) {
  SJ_ENTER();
  if (sj_le_c(n, I(0))) return I(0);
  SjValue t1 = sj_sub(n, I(1));
  AT(3, 12);
  SjValue t2 = gahirai_1(t1);
  SjValue t3 = sj_add(t2, I(1));
  sj_release(t1); sj_release(t2);
  return t3;
}`;
const DEPTH_BODY = 'SjValue line = sj_b_padha(); SjValue n = sj_b_sankhya(line); show(gahirai_1(n)); sj_release(line);';

/** A tiny C program that runs argv and prints the child's peak RSS in KB (wait4). */
let maxrss = '';
function peakRssKb(exe: string): { kb: number; status: number } {
  const r = spawnSync(maxrss, [exe], { encoding: 'utf8' });
  const [kb, status] = r.stderr.trim().split(' ').map(Number);
  return { kb, status };
}

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sajilo-rss-'));
  fs.writeFileSync(
    path.join(dir, 'maxrss.c'),
    `#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
  pid_t p = fork();
  if (p == 0) { execv(argv[1], argv + 1); _exit(127); }
  int st; struct rusage ru; wait4(p, &st, 0, &ru);
  fprintf(stderr, "%ld %d\\n", ru.ru_maxrss, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
  return 0;
}`,
  );
  maxrss = path.join(dir, 'maxrss');
  const c = spawnSync('gcc', ['-O2', '-o', maxrss, path.join(dir, 'maxrss.c')], { encoding: 'utf8' });
  if (c.status !== 0) throw new Error(c.stderr);
});

describe.each(recipeNames())('recursion (%s)', (recipe) => {
  let exe = '';
  beforeAll(() => {
    exe = compile(DEPTH_BODY, { recipe, top: DEPTH_TOP, latin: true });
  });

  it('runs 10,000 nested calls, also with a 2 MB stack limit', () => {
    expect(run(exe, { stdin: '10000\n' }).stdout).toBe('10000\n');
    const small = run(exe, { stdin: '10000\n', shell: 'ulimit -s 2048;' });
    expect(small.stderr).toBe('');
    expect(small.stdout).toBe('10000\n');
  });

  it('turns 1,000,000 nested calls into a runtime error, never a crash', () => {
    for (const shell of ['', 'ulimit -s 8192;', 'ulimit -s 1024;', 'ulimit -s unlimited;']) {
      const r = run(exe, { stdin: '1000000\n', shell: shell || undefined });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('recursion too deep');
      expect(r.stderr).toContain('पुनरावृत्ति');
      expect(errorPosition(r.stderr)).toEqual([3, 12]);
    }
  });

  it('frees and compares deeply nested lists without crashing', () => {
    const r = compileAndRun(
      `
      SjValue l = L(0);
      for (int i = 0; i < 1000000; i++) { SjValue outer = L(1, l); l = outer; }
      SjValue k = sj_b_lambai(l); show(k);
      sj_release(l);   /* frees a million nested lists iteratively */
      show(T("ok"));
      SjValue a = L(0), b = L(0);
      for (int i = 0; i < 1000000; i++) { a = L(1, a); b = L(1, b); }
      AT(8, 8); show(sj_eq(a, b));
    `,
      { recipe, latin: true },
    );
    // Equality recurses: with room on the stack it answers, otherwise it is
    // the recursion error; never a crash.
    if (r.status === 0) expect(r.stdout).toBe('1\nok\nसत्य\n');
    else {
      expect(r.stdout).toBe('1\nok\n');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('recursion too deep');
    }
  });
});

describe.each(recipeNames())('memory (%s)', (recipe) => {
  it('builds and drops 1,000,000 texts and lists in bounded memory (< 32 MB peak RSS)', () => {
    const exe = compile(
      `
      SjValue keep = L(0), ab = T("ab");
      for (int64_t i = 0; i < 1000000; i++) {
        SjValue half = sj_mul(ab, I(45));                /* 90 characters */
        SjValue num = sj_b_paath(I(1000000000 + i));      /* 10 more */
        SjValue text = sj_add(half, num);                /* a new 100-character text */
        SjValue pair = L(2, sj_retain(text), I(i));      /* and a list holding it */
        SjValue m = M(1, sj_retain(text), sj_retain(pair));
        if (i % 250000 == 0) sj_list_push(keep, text);
        sj_release(half); sj_release(num); sj_release(text); sj_release(pair); sj_release(m);
      }
      show(sj_b_lambai(keep)); show(sj_b_lambai(sj_index(keep, I(3))));
      sj_release(keep); sj_release(ab);
    `,
      { recipe, latin: true },
    );
    const { kb, status } = peakRssKb(exe);
    expect(status).toBe(0);
    expect(run(exe).stdout).toBe('4\n100\n');
    expect(kb).toBeLessThan(32 * 1024);
  });

  it('reports running out of memory as a runtime error', () => {
    const exe = compile(
      'show(T("सुरु")); AT(6, 3); SjValue big = sj_mul(T("क"), I(1000000000)); show(sj_b_lambai(big));',
      { recipe },
    );
    const r = run(exe, { shell: 'ulimit -v 400000;' });
    expect(r.stdout).toBe('सुरु\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Runtime error at line 6, column 3: out of memory');
    expect(r.stderr).toContain('मेमोरी पुगेन');
  });

  it('appends to a text in place: s = s + "क" a million times', () => {
    const exe = compile(
      `
      SjValue s = T("");
      SjValue k = T("क");
      for (int i = 0; i < 1000000; i++) sj_add_inplace(&s, k);
      SjValue alias = sj_retain(s);                       /* shared: the next append must copy */
      sj_add_inplace(&s, k);
      show(sj_b_lambai(s)); show(sj_b_lambai(alias)); show(sj_index(s, I(-1)));
      sj_release(s); sj_release(alias); sj_release(k);
    `,
      { recipe, latin: true },
    );
    expect(run(exe).stdout).toBe('1000001\n1000000\nक\n');
    expect(peakRssKb(exe).kb).toBeLessThan(32 * 1024);
  });
});

describe.each(recipeNames())('input and output (%s)', (recipe) => {
  const READER = `
    for (;;) {
      SjValue line = sj_b_padha();
      SjValue args[2] = {sj_b_lambai(line.tag == SJ_NULL ? T("") : line), line};
      if (line.tag == SJ_NULL) { show(line); sj_release(args[0]); break; }
      show(sj_b_paath(L(2, sj_retain(args[0]), sj_retain(line))));
      sj_release(args[0]); sj_release(line);
    }
    show(sj_b_padha());`;

  it('पढ reads lines without their newline (LF or CRLF), खाली at the end', () => {
    const r = compileAndRun(READER, { recipe, latin: true, stdin: 'नमस्ते\r\n\nदुई\nlast' });
    expect(r.stdout).toBe('[6, "नमस्ते"]\n[0, ""]\n[3, "दुई"]\n[4, "last"]\nखाली\nखाली\n');
    const big = 'x'.repeat(200000);
    const r2 = compileAndRun(READER, { recipe, latin: true, stdin: `${big}\n` });
    expect(r2.stdout.startsWith('[200000, "xxx')).toBe(true);
    const bad = compileAndRun(READER, { recipe, latin: true, stdin: Buffer.from([0x61, 0xff, 0x62, 0x0a]) });
    expect(bad.stdout.split('\n')[0]).toBe('[3, "a\uFFFDb"]');
  });

  it('flushes a prompt written with लेख before waiting for input', async () => {
    const exe = compile(
      `SjValue p = T("नाम? "); sj_release(sj_b_lekha(1, &p)); sj_release(p);
      SjValue n = sj_b_padha(); show(n);`,
      { recipe },
    );
    const child = spawn(exe, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.on('data', (d) => {
      out += d;
      if (out === 'नाम? ') child.stdin.end('राम\n'); // only answered once the prompt arrived
    });
    expect(await done).toBe(0);
    expect(out).toBe('नाम? राम\n');
  });

  it('keeps output order across the buffer and flushes it all before an error', () => {
    const r = compileAndRun(
      `
      for (int i = 0; i < 100000; i++) show(I(i));
      AT(1, 1); show(sj_div(I(1), I(0)));
    `,
      { recipe, latin: true },
    );
    const lines = r.stdout.split('\n');
    expect(lines.length).toBe(100001);
    expect(lines[99999]).toBe('99999');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'रनटाइम त्रुटि (पङ्क्ति १, स्तम्भ १): शून्यले भाग गर्न मिल्दैन\n' + 'Runtime error at line 1, column 1: division by zero\n',
    );
  });

  it('exits quietly when the reader of its output goes away (EPIPE)', async () => {
    const exe = compile('for (;;) show(T("धेरै"));', { recipe });
    const child = spawn(exe, [], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    expect(signal).toBe(null);
    expect(code).toBe(1);
    expect(err).toBe('');
  });
});

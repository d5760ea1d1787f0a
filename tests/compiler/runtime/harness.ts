// Test harness for the C runtime: builds the runtime once per source version
// (into build/runtime-test/<hash>, shared by parallel test files), then compiles
// hand-written C that calls sajilo.h exactly as generated code does, with each
// available recipe (gcc-glibc, tcc-musl, gcc-musl), and runs it.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const runtimeDir = path.join(root, 'lib/compiler/runtime');

export interface Recipe {
  argv: string[];
  compiler: string;
  library: string;
}
export interface Manifest {
  sourceHash: string;
  includeDir: string;
  recipes: Record<string, Recipe>;
  libraries: { glibc: string | null };
  generatedSources: string[];
}

function sourceHash(): string {
  const h = crypto.createHash('sha256');
  // The builtin table is generated from language.ts: a change there is a new runtime too.
  const files = [
    'sajilo.h',
    'build.mjs',
    'builtin-table.mjs',
    '../language.ts',
    ...fs
      .readdirSync(path.join(runtimeDir, 'src'))
      .sort()
      .map((f) => `src/${f}`),
  ];
  for (const f of files) {
    h.update(f);
    h.update(fs.readFileSync(path.join(runtimeDir, f)));
  }
  return h.digest('hex');
}

let cached: Manifest | null = null;

/** Builds (or reuses) the runtime for the current sources and returns its manifest. */
export function runtime(): Manifest {
  if (cached) return cached;
  const hash = sourceHash().slice(0, 16);
  const base = path.join(root, 'build', 'runtime-test');
  const final = path.join(base, hash);
  const manifestPath = path.join(final, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    fs.mkdirSync(base, { recursive: true });
    const tmp = fs.mkdtempSync(path.join(base, 'tmp-'));
    const r = spawnSync(process.execPath, [path.join(runtimeDir, 'build.mjs')], {
      env: { ...process.env, SAJILO_RUNTIME_OUT: tmp },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`runtime build failed:\n${r.stdout}\n${r.stderr}`);
    // Paths in the manifest name the temporary directory; point them at the final one.
    const text = fs.readFileSync(path.join(tmp, 'manifest.json'), 'utf8').split(tmp).join(final);
    fs.writeFileSync(path.join(tmp, 'manifest.json'), text);
    try {
      fs.renameSync(tmp, final);
    } catch {
      fs.rmSync(tmp, { recursive: true, force: true }); // another worker won the race
    }
  }
  cached = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
  return cached;
}

/** gcc arguments that compile the runtime from its sources: the generated ones included. */
export function runtimeSourceArgs(): string[] {
  const m = runtime();
  const src = path.join(runtimeDir, 'src');
  const sources = fs
    .readdirSync(src)
    .filter((f) => f.endsWith('.c'))
    .map((f) => path.join(src, f));
  return ['-I', runtimeDir, '-I', m.includeDir, ...sources, ...m.generatedSources];
}

export function recipeNames(): string[] {
  return Object.keys(runtime().recipes);
}

/** Helpers every test program gets; they use the API the way generated code does. */
const PRELUDE = `#include "sajilo.h"
#include <string.h>
static SjValue T(const char *s) { return sj_text_from_bytes(s, strlen(s)); }
#define I(x) sj_int(x)
#define D(x) sj_dec(x)
#define AT(l, c) (sj_pos = SJ_POS(l, c))
/* देखाउ(v), consuming v (an owned temporary) */
static void show(SjValue v) { SjValue r = sj_b_dekhau(1, &v); sj_release(v); sj_release(r); }
static void show2(SjValue a, SjValue b) {
  SjValue args[2] = {a, b}; SjValue r = sj_b_dekhau(2, args);
  sj_release(a); sj_release(b); sj_release(r);
}
static SjValue L(int n, ...);
#include <stdarg.h>
/* [a, b, ...] from owned temporaries */
static SjValue L(int n, ...) {
  va_list ap; va_start(ap, n);
  SjValue l = sj_list_new((size_t)n);
  for (int i = 0; i < n; i++) { SjValue v = va_arg(ap, SjValue); sj_list_push(l, v); sj_release(v); }
  va_end(ap);
  return l;
}
/* {k: v, ...} from owned temporaries */
static SjValue M(int n, ...) {
  va_list ap; va_start(ap, n);
  SjValue m = sj_map_new();
  for (int i = 0; i < n; i++) {
    SjValue k = va_arg(ap, SjValue), v = va_arg(ap, SjValue);
    sj_map_set(m, k, v); sj_release(k); sj_release(v);
  }
  va_end(ap);
  return m;
}
`;

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number | null;
  exe: string;
}
export interface RunOptions {
  recipe?: string;
  stdin?: string | Buffer;
  latin?: boolean;
  top?: string;
  shell?: string;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sajilo-rt-test-'));
let counter = 0;

/** Compiles a program whose top-level code is `body` and returns the executable path. */
export function compile(body: string, opts: RunOptions = {}): string {
  const m = runtime();
  const name = opts.recipe ?? 'gcc-glibc';
  const recipe = m.recipes[name];
  if (!recipe) throw new Error(`recipe ${name} not available`);
  const id = `${process.pid}-${counter++}`;
  const src = path.join(work, `p${id}.c`);
  const exe = path.join(work, `p${id}`);
  fs.writeFileSync(
    src,
    `${PRELUDE}\n${opts.top ?? ''}\nstatic void program(void) {\n${body}\n}\n` +
      `int main(int argc, char **argv) { return sj_run_main(argc, argv, program, ${opts.latin ? 1 : 0}); }\n`,
  );
  const argv = recipe.argv.map((a) => (a === '{src}' ? src : a === '{out}' ? exe : a));
  const c = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', cwd: work });
  if (c.status !== 0) throw new Error(`compile failed (${name}):\n${c.stderr}${c.stdout}`);
  return exe;
}

export function run(exe: string, opts: RunOptions = {}): RunResult {
  const r = opts.shell
    ? spawnSync('/bin/sh', ['-c', `${opts.shell} "$0"`, exe], { input: opts.stdin ?? '', encoding: 'utf8' })
    : spawnSync(exe, [], { input: opts.stdin ?? '', encoding: 'utf8', maxBuffer: 64 << 20 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, exe };
}

export function compileAndRun(body: string, opts: RunOptions = {}): RunResult {
  return run(compile(body, opts), opts);
}

/** The (line, column) a runtime error reports, parsed as tools do. */
export function errorPosition(stderr: string): [number, number] | null {
  const m = stderr.match(/line (\d+), column (\d+)/);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

const DEV = '०१२३४५६७८९';
export function devanagari(s: string): string {
  return s.replace(/[0-9]/g, (d) => DEV[Number(d)]);
}

/** Python 3 repr(float) from JavaScript's shortest digits. */
export function pyRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expText] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const exp = Number(expText);
  const decpt = exp + 1;
  let s: string;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) s = '0.' + '0'.repeat(-decpt) + digits;
    else if (decpt >= digits.length) s = digits + '0'.repeat(decpt - digits.length) + '.0';
    else s = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    s =
      digits[0] +
      (digits.length > 1 ? '.' + digits.slice(1) : '') +
      'e' +
      (exp < 0 ? '-' : '+') +
      String(Math.abs(exp)).padStart(2, '0');
  }
  return (x < 0 ? '-' : '') + s;
}

/** A C expression of type uint64_t holding the bits of x. */
export function bitsOf(x: number): string {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(x);
  return '0x' + b.readBigUInt64LE().toString(16) + 'ULL';
}

#!/usr/bin/env node
// Builds the Sajilo C runtime into build/runtime/ (run by scripts/setup.mjs at
// npm install, or by hand: node lib/compiler/runtime/build.mjs).
//
//   build/runtime/glibc/libsajilo.a   gcc -O2 against glibc   (always)
//   build/runtime/musl/libsajilo.a    musl-gcc -O2 against musl (when musl-gcc exists)
//   build/runtime/include/sajilo.h    the header generated code includes
//   build/runtime/include/sajilo_builtins.h, build/runtime/generated/builtin_objects.c
//                                     the builtin table, generated from language.ts
//   build/runtime/manifest.json       paths, compiler versions, source hash, and
//                                     the exact compile+link command per path
//
// Each recipe in the manifest is checked by compiling, linking and running a
// tiny program; a path that fails its check is left out (reported, not fatal).
// Nothing is rebuilt when the manifest already matches the sources and the
// compilers found on PATH (--force rebuilds anyway).
// Exits non-zero only when the runtime itself does not compile with gcc.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEADER_NAME, LANGUAGE_FILE, writeBuiltinTable } from './builtin-table.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const outDir = process.env.SAJILO_RUNTIME_OUT || path.join(root, 'build', 'runtime');
const srcDir = path.join(here, 'src');
const CFLAGS = ['-O2', '-std=gnu11', '-Wall', '-Wextra', '-Wno-unused-parameter', '-fno-strict-aliasing'];

const MUSL = {
  include: '/usr/include/x86_64-linux-musl',
  lib: '/usr/lib/x86_64-linux-musl',
};
const TCC = { include: '/usr/lib/x86_64-linux-gnu/tcc/include', libtcc1: '/usr/lib/x86_64-linux-gnu/tcc/libtcc1.a' };

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(':')) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {}
  }
  return null;
}

// First line of `cc --version` (gcc), or the `version` line of `cc -v` (tcc).
function versionOf(cc) {
  const r = spawnSync(cc, ['--version'], { encoding: 'utf8' });
  if (r.status === 0 && r.stdout.trim()) return r.stdout.split('\n')[0].trim();
  const v = spawnSync(cc, ['-v'], { encoding: 'utf8' });
  const line = `${v.stdout || ''}${v.stderr || ''}`.split('\n').find((l) => /^\S+ version/.test(l));
  return line ? line.trim() : 'unknown';
}

function run(argv, opts = {}) {
  return new Promise((resolve) => {
    const p = spawn(argv[0], argv.slice(1), { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('error', (e) => resolve({ ok: false, out: String(e) }));
    p.on('close', (code) => resolve({ ok: code === 0, out }));
  });
}

/**
 * Compiles every source of src/ and the generated ones with cc (two at a time: the machine has
 * 2 cores) into an archive; includeDir holds the generated header.
 */
async function buildLibrary(cc, dir, includeDir, generatedSources) {
  fs.mkdirSync(dir, { recursive: true });
  const sources = fs
    .readdirSync(srcDir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => path.join(srcDir, f));
  const objects = [];
  const queue = [...sources, ...generatedSources];
  const workers = Array.from({ length: Math.max(2, os.cpus().length) }, async () => {
    while (queue.length) {
      const f = queue.shift();
      const obj = path.join(dir, path.basename(f).replace(/\.c$/, '.o'));
      const r = await run([cc, ...CFLAGS, '-I', includeDir, '-c', f, '-o', obj]);
      if (!r.ok) throw new Error(`${cc} ${f}:\n${r.out}`);
      if (r.out.trim()) process.stderr.write(r.out);
      objects.push(obj);
    }
  });
  await Promise.all(workers);
  const lib = path.join(dir, 'libsajilo.a');
  fs.rmSync(lib, { force: true });
  const ar = await run(['ar', 'rcs', lib, ...objects.sort()]);
  if (!ar.ok) throw new Error(`ar: ${ar.out}`);
  for (const o of objects) fs.rmSync(o);
  return lib;
}

function sourceHash() {
  const h = crypto.createHash('sha256');
  const files = [
    'sajilo.h',
    'build.mjs',
    'builtin-table.mjs',
    ...fs
      .readdirSync(srcDir)
      .sort()
      .map((f) => `src/${f}`),
  ];
  for (const f of files) {
    h.update(f);
    h.update(fs.readFileSync(path.join(here, f)));
  }
  h.update(fs.readFileSync(LANGUAGE_FILE));
  return h.digest('hex');
}

// Recipes: argv templates with {src} (the generated .c) and {out} (the executable).
function recipes(env) {
  const inc = env.includeDir;
  const r = {};
  if (env.gcc && env.glibcLib) {
    r['gcc-glibc'] = {
      compiler: env.gcc,
      version: env.gccVersion,
      library: env.glibcLib,
      argv: [env.gcc, '-static', '-O2', '-I', inc, '{src}', '-o', '{out}', env.glibcLib, '-lm'],
      note: 'always available; -O1 or -O0 compile faster; --optimise uses -O2',
    };
  }
  if (env.muslLib && env.tcc) {
    r['tcc-musl'] = {
      compiler: env.tcc,
      version: env.tccVersion,
      library: env.muslLib,
      argv: [
        env.tcc,
        '-nostdinc',
        '-I',
        TCC.include,
        '-I',
        MUSL.include,
        '-I',
        inc,
        '-nostdlib',
        '-static',
        `${MUSL.lib}/crt1.o`,
        `${MUSL.lib}/crti.o`,
        '{src}',
        env.muslLib,
        TCC.libtcc1,
        `${MUSL.lib}/libc.a`,
        `${MUSL.lib}/crtn.o`,
        '-o',
        '{out}',
      ],
      note: 'fastest compile; tcc links against musl crt objects and libc.a (libm is inside libc.a)',
    };
  }
  if (env.muslLib && env.muslGcc) {
    r['gcc-musl'] = {
      compiler: env.muslGcc,
      version: env.gccVersion,
      library: env.muslLib,
      argv: [env.muslGcc, '-static', '-O2', '-I', inc, '{src}', '-o', '{out}', env.muslLib],
      note: 'optimised code, faster static link than glibc',
    };
  }
  return r;
}

const CHECK_PROGRAM = `#include "sajilo.h"
static SjValue lit_0;
static SjValue fib(SjValue n) {
  SJ_ENTER();
  if (sj_lt_c(n, sj_int(2))) return n;
  SjValue a = sj_sub(n, sj_int(1)), b = sj_sub(n, sj_int(2));
  SjValue x = fib(a), y = fib(b);
  SjValue r = sj_add(x, y);
  sj_release(x); sj_release(y);
  return r;
}
static void program(void) {
  SjValue args[3];
  args[0] = sj_text_lit(&lit_0, "\\xe0\\xa4\\xab\\xe0\\xa4\\xb2", 6);
  args[1] = fib(sj_int(20));
  args[2] = sj_div(sj_int(1), sj_int(4));
  SjValue r = sj_b_dekhau(3, args);
  for (int i = 0; i < 3; i++) sj_release(args[i]);
  sj_release(r);
}
int main(int argc, char **argv) { return sj_run_main(argc, argv, program, 0); }
`;
const CHECK_EXPECTED = 'फल ६७६५ ०.२५\n';

async function checkRecipe(name, recipe, tmp) {
  const src = path.join(tmp, `${name}.c`);
  const exe = path.join(tmp, `${name}.out`);
  fs.writeFileSync(src, CHECK_PROGRAM);
  const argv = recipe.argv.map((a) => (a === '{src}' ? src : a === '{out}' ? exe : a));
  const c = await run(argv, { cwd: tmp });
  if (!c.ok) return `compile/link failed: ${c.out.slice(0, 500)}`;
  const r = spawnSync(exe, [], { encoding: 'utf8' });
  if (r.status !== 0 || r.stdout !== CHECK_EXPECTED) return `wrong output: ${JSON.stringify(r.stdout)} ${r.stderr}`;
  return null;
}

/** The existing manifest when it was built from these sources with these compilers. */
function upToDate(tools) {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
    const files = [m.header, path.join(m.includeDir, HEADER_NAME), ...Object.values(m.recipes).map((r) => r.library)];
    return (
      m.sourceHash === sourceHash() &&
      JSON.stringify(m.tools) === JSON.stringify(tools) &&
      m.recipes['gcc-glibc'] &&
      files.every((f) => f && fs.existsSync(f))
    );
  } catch {
    return false;
  }
}

async function main() {
  const t0 = Date.now();
  const gcc = which('gcc');
  if (!gcc) {
    console.warn('[runtime] gcc not found: C runtime not built');
    return 0;
  }
  const tools = { gcc, muslGcc: which('musl-gcc'), tcc: which('tcc') };
  if (!process.argv.includes('--force') && upToDate(tools)) {
    console.log('[runtime] up to date (same sources and compilers); --force rebuilds');
    return 0;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const includeDir = path.join(outDir, 'include');
  fs.mkdirSync(includeDir, { recursive: true });
  fs.copyFileSync(path.join(here, 'sajilo.h'), path.join(includeDir, 'sajilo.h'));
  const generated = [await writeBuiltinTable(includeDir, path.join(outDir, 'generated'))];

  const muslGcc = which('musl-gcc');
  const tcc = which('tcc');
  const env = {
    includeDir,
    gcc,
    muslGcc,
    tcc,
    gccVersion: versionOf(gcc),
    tccVersion: tcc ? versionOf(tcc) : null,
  };
  const jobs = [buildLibrary(gcc, path.join(outDir, 'glibc'), includeDir, generated).then((l) => (env.glibcLib = l))];
  if (muslGcc && fs.existsSync(`${MUSL.lib}/libc.a`)) {
    jobs.push(
      buildLibrary(muslGcc, path.join(outDir, 'musl'), includeDir, generated).then(
        (l) => (env.muslLib = l),
        (e) => console.warn(`[runtime] musl library not built: ${e.message}`),
      ),
    );
  }
  await Promise.all(jobs);
  const buildMs = Date.now() - t0;

  const all = recipes(env);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sajilo-rt-'));
  const paths = {};
  for (const [name, recipe] of Object.entries(all)) {
    const problem = await checkRecipe(name, recipe, tmp);
    if (problem) console.warn(`[runtime] ${name} left out: ${problem}`);
    else paths[name] = recipe;
  }
  fs.rmSync(tmp, { recursive: true, force: true });

  const manifest = {
    sourceHash: sourceHash(),
    tools,
    includeDir,
    header: path.join(includeDir, 'sajilo.h'),
    generatedSources: generated,
    libraries: { glibc: env.glibcLib || null, musl: env.muslLib || null },
    compilers: { gcc: env.gccVersion, tcc: env.tccVersion, muslGcc: muslGcc ? env.gccVersion : null },
    recipes: paths,
    recipeHelp: 'argv templates: replace "{src}" with the generated C file and "{out}" with the executable path',
    buildMs,
    builtAt: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(
    `[runtime] built in ${Date.now() - t0} ms (libraries ${buildMs} ms); paths: ${Object.keys(paths).join(', ') || 'none'}`,
  );
  return paths['gcc-glibc'] ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[runtime] build failed: ${e.message}`);
    process.exit(1);
  },
);

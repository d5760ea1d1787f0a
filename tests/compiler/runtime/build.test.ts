// build.mjs: the manifest's recipes produce static executables; a machine
// without musl and tcc still gets the gcc + glibc path.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, recipeNames, run, runtime } from './harness';

const root = path.resolve(import.meta.dirname, '../../..');

/** Whether an ELF file has a PT_INTERP program header (i.e. needs a dynamic loader). */
function hasInterpreter(file: string): boolean {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  const phoff = Number(b.readBigUInt64LE(0x20));
  const phentsize = b.readUInt16LE(0x36);
  const phnum = b.readUInt16LE(0x38);
  for (let i = 0; i < phnum; i++) if (b.readUInt32LE(phoff + i * phentsize) === 3) return true;
  return false;
}

describe('runtime build', () => {
  it('writes a manifest with a source hash, libraries and argv recipes', () => {
    const m = runtime() as unknown as {
      sourceHash: string;
      libraries: Record<string, string | null>;
      recipes: Record<string, { argv: string[] }>;
    };
    expect(m.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(m.libraries.glibc!)).toBe(true);
    expect(Object.keys(m.recipes)).toContain('gcc-glibc');
    for (const r of Object.values(m.recipes)) {
      expect(r.argv).toContain('{src}');
      expect(r.argv).toContain('{out}');
      expect(path.isAbsolute(r.argv[0])).toBe(true);
    }
    if (spawnSync('which', ['tcc']).status === 0 && spawnSync('which', ['musl-gcc']).status === 0) {
      expect(Object.keys(m.recipes)).toEqual(expect.arrayContaining(['tcc-musl', 'gcc-musl']));
    }
  });

  it.each(recipeNames())('%s links a static executable that runs with nothing else', (recipe) => {
    const exe = compile('show(T("नमस्ते"));', { recipe });
    expect(hasInterpreter(exe)).toBe(false);
    expect(run(exe).stdout).toBe('नमस्ते\n');
  });

  it('builds only the gcc + glibc path when musl-gcc and tcc are not installed', () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'sajilo-path-'));
    for (const tool of ['gcc', 'ar', 'as', 'ld']) {
      const where = spawnSync('which', [tool], { encoding: 'utf8' }).stdout.trim();
      fs.symlinkSync(fs.realpathSync(where), path.join(bin, tool));
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sajilo-rt-nomusl-'));
    // A bare environment: only our PATH, so no compiler from the real PATH leaks in.
    const env = { PATH: bin, SAJILO_RUNTIME_OUT: out } as unknown as NodeJS.ProcessEnv;
    const r = spawnSync(process.execPath, [path.join(root, 'lib/compiler/runtime/build.mjs')], {
      env,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(m.recipes)).toEqual(['gcc-glibc']);
    expect(m.libraries.musl).toBe(null);
    // Same sources and compilers: nothing to do. A compiler appearing on PATH means a rebuild.
    const again = spawnSync(process.execPath, [path.join(root, 'lib/compiler/runtime/build.mjs')], {
      env,
      encoding: 'utf8',
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('up to date');
    expect(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe(JSON.stringify(m, null, 2) + '\n');
    fs.symlinkSync(
      fs.realpathSync(spawnSync('which', ['gcc'], { encoding: 'utf8' }).stdout.trim()),
      path.join(bin, 'musl-gcc'),
    );
    const changed = spawnSync(process.execPath, [path.join(root, 'lib/compiler/runtime/build.mjs')], {
      env,
      encoding: 'utf8',
    });
    expect(changed.stdout).toContain('built in');
  });
});

describe('Unicode tables', () => {
  it('the committed src/unicode_tables.c is exactly what the generator makes from the UCD', () => {
    if (!fs.existsSync('/usr/share/unicode/auxiliary/GraphemeBreakProperty.txt')) return; // unicode-data absent
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sajilo-uni-')), 'tables.c');
    const r = spawnSync(process.execPath, [path.join(root, 'lib/compiler/runtime/gen-unicode-tables.mjs')], {
      env: { ...process.env, SAJILO_UNICODE_OUT: out },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    // The tables, not the header comment (which names the ICU version's cross-check).
    const tables = (file: string) => fs.readFileSync(file, 'utf8').split('const SjUniRange')[1];
    expect(tables(out)).toBe(tables(path.join(root, 'lib/compiler/runtime/src/unicode_tables.c')));
  });
});

// The builtins exist once, in lib/compiler/language.ts: the runtime's table (function objects,
// names and their UTF-8 lengths, prototypes) is generated from it, and the back end takes its
// C names from it. These tests fail when a copy reappears or a copy disagrees.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinC } from '@/lib/compiler/backend/builtins';
import { BUILTINS } from '@/lib/compiler/language';
// @ts-expect-error: a build script without type declarations
import { builtinHeader, builtinObjects, HEADER_NAME } from '@/lib/compiler/runtime/builtin-table.mjs';
import { compileAndRun, runtime } from './harness';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the generated builtin table', () => {
  beforeAll(() => void runtime(), 600_000); // builds the runtime when its sources changed

  it('is what the generator makes from language.ts, header and function objects', () => {
    const m = runtime();
    expect(fs.readFileSync(path.join(m.includeDir, HEADER_NAME), 'utf8')).toBe(builtinHeader(BUILTINS));
    const [objects] = m.generatedSources;
    expect(fs.readFileSync(objects, 'utf8')).toBe(builtinObjects(BUILTINS));
  });

  it('gives every builtin its name as UTF-8 with the right byte length, and its arity', () => {
    const text = builtinObjects(BUILTINS) as string;
    const entries = [...text.matchAll(/SjFunc sj_bf_(\w+) = \{\{1\}, \w+, (-?\d+), "([^"]+)", (\d+), \w+\};/g)];
    expect(entries.map(([, roman]) => roman)).toEqual(BUILTINS.map((b) => b.roman));
    for (const [, roman, arity, name, length] of entries) {
      const builtin = BUILTINS.find((b) => b.roman === roman)!;
      expect(name).toBe(builtin.name);
      expect(Number(length)).toBe(Buffer.byteLength(name, 'utf8'));
      expect(Number(arity)).toBe(builtin.maxArgs ?? -1);
    }
  });

  it('the compiled runtime has every builtin, with the name and arity of language.ts', () => {
    const body = BUILTINS.map((b) => `(void)&sj_b_${b.roman}; report(&sj_bf_${b.roman});`).join('\n');
    const top = `#include <stdio.h>
static void report(SjFunc *f) { printf("%.*s %d\\n", (int)f->name_len, f->name, f->arity); }`;
    const r = compileAndRun(body, { top });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(BUILTINS.map((b) => `${b.name} ${b.maxArgs ?? -1}\n`).join(''));
  });

  it('the library defines sj_b_ and sj_bf_ of every builtin and of nothing else', () => {
    const library = runtime().libraries.glibc!;
    const nm = spawnSync('nm', ['--defined-only', '-g', library], { encoding: 'utf8' });
    const defined = new Set(nm.stdout.split('\n').map((line) => line.split(' ').pop()!));
    const builtinSymbols = [...defined].filter((s) => /^sj_bf?_/.test(s)).sort();
    expect(builtinSymbols).toEqual(BUILTINS.flatMap((b) => [`sj_b_${b.roman}`, `sj_bf_${b.roman}`]).sort());
  });
});

describe('no second copy of the builtins', () => {
  it('the back end names every builtin by the romanisation of language.ts', () => {
    for (const b of BUILTINS) expect(builtinC(b.name)).toMatchObject({ roman: b.roman, variadic: b.maxArgs === null });
  });

  it('no runtime source defines a function object or declares the builtins by hand', () => {
    const runtimeDir = path.join(root, 'lib/compiler/runtime');
    const sources = fs.readdirSync(path.join(runtimeDir, 'src')).map((f) => path.join(runtimeDir, 'src', f));
    for (const file of [...sources, path.join(runtimeDir, 'sajilo.h')]) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/SjFunc\s+sj_bf_|extern\s+SjFunc/);
      if (file.endsWith('.h')) expect(text, file).not.toMatch(/SjValue\s+sj_b_\w+\s*\(/);
    }
  });

  it('no other TypeScript file lists the builtins (five or more of their names quoted)', () => {
    const names = BUILTINS.map((b) => b.name);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'generated' && entry.name !== 'node_modules') walk(full);
        } else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !full.endsWith(path.join('compiler', 'language.ts'))) {
          const text = fs.readFileSync(full, 'utf8');
          const quoted = names.filter((n) => text.includes(`'${n}'`) || text.includes(`"${n}"`));
          if (quoted.length >= 5) offenders.push(`${path.relative(root, full)}: ${quoted.join(' ')}`);
        }
      }
    };
    for (const dir of ['lib', 'components', 'app']) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});

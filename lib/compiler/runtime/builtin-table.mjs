// The runtime's builtin table, generated from lib/compiler/language.ts (the one list of the
// builtins): a header declaring sj_b_<roman> and its function object sj_bf_<roman> for every
// builtin, and the C file defining the function objects with the names' UTF-8 lengths.
// build.mjs writes both into the build directory; tests compare them with language.ts.
import { transformSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const LANGUAGE_FILE = path.resolve(here, '..', 'language.ts');
export const HEADER_NAME = 'sajilo_builtins.h';
export const SOURCE_NAME = 'builtin_objects.c';

const GENERATED =
  '/* Generated from lib/compiler/language.ts by lib/compiler/runtime/builtin-table.mjs: do not edit. */';

/** BUILTINS of language.ts (a file without imports: stripped of its types and loaded as it is). */
export async function loadBuiltins() {
  const { code } = transformSync(fs.readFileSync(LANGUAGE_FILE, 'utf8'), { loader: 'ts', format: 'esm' });
  const language = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return language.BUILTINS;
}

const isVariadic = (b) => b.maxArgs === null;
const parameters = (count) => Array.from({ length: count }, (_, i) => `SjValue a${i}`).join(', ') || 'void';

function checkRoman(b) {
  if (!/^[a-z][a-z0-9_]*$/.test(b.roman)) throw new Error(`builtin ${b.name}: "${b.roman}" is not a C name`);
}

/** The header: each builtin's C function and function object (every result owned, args borrowed). */
export function builtinHeader(builtins) {
  const lines = [GENERATED, '#ifndef SAJILO_BUILTINS_H', '#define SAJILO_BUILTINS_H', ''];
  for (const b of builtins) {
    checkRoman(b);
    const params = isVariadic(b) ? 'int argc, SjValue *args' : parameters(b.maxArgs);
    lines.push(`SjValue sj_b_${b.roman}(${params}); /* ${b.name} */`, `extern SjFunc sj_bf_${b.roman};`);
  }
  lines.push('', '#endif', '');
  return lines.join('\n');
}

/**
 * The function objects: arity -1 and vfn for variadic builtins, otherwise a wrapper with the
 * uniform signature that spreads the arguments. The name is the UTF-8 of the builtin's name.
 */
export function builtinObjects(builtins) {
  const lines = [GENERATED, '#include "sajilo.h"', ''];
  for (const b of builtins) {
    checkRoman(b);
    const name = `"${b.name}", ${Buffer.byteLength(b.name, 'utf8')}`;
    if (isVariadic(b)) {
      lines.push(`SjFunc sj_bf_${b.roman} = {{1}, NULL, -1, ${name}, sj_b_${b.roman}};`);
      continue;
    }
    const args = Array.from({ length: b.maxArgs }, (_, i) => `a[${i}]`).join(', ');
    const unused = b.maxArgs === 0 ? '(void)a; ' : '';
    lines.push(
      `static SjValue w_${b.roman}(SjValue *a) { ${unused}return sj_b_${b.roman}(${args}); }`,
      `SjFunc sj_bf_${b.roman} = {{1}, w_${b.roman}, ${b.maxArgs}, ${name}, NULL};`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

/** Writes the header into includeDir and the C file into sourceDir; returns the C file's path. */
export async function writeBuiltinTable(includeDir, sourceDir) {
  const builtins = await loadBuiltins();
  fs.mkdirSync(includeDir, { recursive: true });
  fs.mkdirSync(sourceDir, { recursive: true });
  fs.writeFileSync(path.join(includeDir, HEADER_NAME), builtinHeader(builtins));
  const source = path.join(sourceDir, SOURCE_NAME);
  fs.writeFileSync(source, builtinObjects(builtins));
  return source;
}

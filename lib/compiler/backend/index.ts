// The C generator: a resolved, error-free Program → one C translation unit that includes
// only sajilo.h and links against the runtime library.
import type { Program } from '../frontend/ast';
import { ModuleState } from './context';
import { functionValue, genFunction, genProgram, prototype } from './functions';
import { globalName, globalSetFlag } from './mangle';
import { PRELUDE } from './prelude';

export interface GenerateOptions {
  latinDigits?: boolean;
  byPointer?: boolean; // user functions take and return values through pointers (best for tcc)
}

export function generateC(program: Program, options: GenerateOptions = {}): string {
  const m = new ModuleState(program, options.latinDigits ?? false, options.byPointer ?? false);
  const fns = program.functions;
  // Bodies first: generating them records which literals and global flags exist.
  const bodies = fns.map((f) => genFunction(m, f));
  const main = genProgram(m);
  const globals = program.globals
    .filter((id) => m.isStatic(id))
    .map((id) =>
      m.globalsNeedingFlag.has(id)
        ? `static SjValue ${globalName(id)}; static bool ${globalSetFlag(id)};`
        : `static SjValue ${globalName(id)};`,
    );
  return [
    '#include "sajilo.h"',
    PRELUDE,
    ...globals,
    ...m.literals,
    ...fns.map((f) => `${prototype(f, m.byPointer)};`),
    ...fns.flatMap((f) => functionValue(m, f)),
    ...bodies,
    main,
    'int main(int argc, char **argv) {',
    `  return sj_run_main(argc, argv, program, ${m.latinDigits ? 1 : 0});`,
    '}',
    '',
  ].join('\n');
}

// The builtins as the runtime exports them: C function sj_b_<roman> and function object
// sj_bf_<roman> per builtin of language.ts (the runtime's table is generated from it too,
// lib/compiler/runtime/builtin-table.mjs). Looked up by the language's name key, so either
// spelling the front end hands us finds its builtin.
import { BUILTINS } from '../language';
import { nameKeyOfText } from '../frontend/source';

export interface BuiltinC {
  roman: string; // sj_b_<roman>, sj_bf_<roman>
  variadic: boolean; // called as (argc, args)
  params: number; // fixed arity for non-variadic ones; missing args pass खाली
}

const BY_KEY = new Map<string, BuiltinC>(
  BUILTINS.map((b) => [
    nameKeyOfText(b.name),
    {
      roman: b.roman,
      variadic: b.maxArgs === null,
      params: b.maxArgs ?? 0,
    },
  ]),
);

const BY_NAME = new Map<string, BuiltinC>(); // the front end's spellings, memoised

export function builtinC(name: string): BuiltinC {
  const b = BY_NAME.get(name) ?? BY_KEY.get(nameKeyOfText(name));
  if (!b) throw new Error(`back end: unknown builtin (${JSON.stringify(name)})`);
  BY_NAME.set(name, b);
  return b;
}

// Functions and the program's entry point → C. A Sajilo function becomes a static C
// function called directly; a uniform wrapper and a static function object make it a value.
import type { FunctionDeclaration } from '../frontend/ast';
import { FunctionState, type ModuleState } from './context';
import { cUtf8 } from './escape';
import { functionName, functionObject, localName, paramName, wrapperName } from './mangle';
import { genBlock } from './statements';
import { assignedIds } from './usage';

// A local starting as खाली; field stores, because tcc zero-initialises structs with memset.
const declareEmpty = (id: number) => `  SjValue ${localName(id)}; SJG_CLEAR(${localName(id)});`;

export function prototype(f: FunctionDeclaration, byPointer: boolean): string {
  const name = functionName(f.name.declarationId);
  if (byPointer) {
    const params = f.parameters.map((p) => `, const SjValue *${paramName(p.declarationId)}`).join('');
    return `static void ${name}(SjValue *sj_r${params})`;
  }
  const params = f.parameters.map((p) => `SjValue ${paramName(p.declarationId)}`).join(', ');
  return `static SjValue ${name}(${params || 'void'})`;
}

/** The wrapper (uniform signature for calls through values) and the function object. */
export function functionValue(m: ModuleState, f: FunctionDeclaration): string[] {
  const id = f.name.declarationId;
  const name = cUtf8(m.declaration(id).name);
  const call = m.byPointer
    ? `SjValue r; ${functionName(id)}(&r${f.parameters.map((_, i) => `, &args[${i}]`).join('')}); return r;`
    : `return ${functionName(id)}(${f.parameters.map((_, i) => `args[${i}]`).join(', ')});`;
  return [
    `static SjValue ${wrapperName(id)}(SjValue *args) { (void)args; ${call} }`,
    `static SjFunc ${functionObject(id)} = SJ_FUNC_INIT(${wrapperName(id)}, ${f.parameters.length}, ${name.literal}, ${name.length});`,
  ];
}

export function genFunction(m: ModuleState, f: FunctionDeclaration): string {
  const assigned = assignedIds(f.body);
  const params = f.parameters.map((p) => p.declarationId);
  const borrowed = new Set(params.filter((id) => !assigned.has(id)));
  const fs = new FunctionState(m, false, borrowed);
  const owned = [...params.filter((id) => assigned.has(id)), ...f.locals];
  genBlock(fs, f.body, { keepLocals: true });
  return [
    `${prototype(f, m.byPointer)} {`,
    '  SJ_ENTER();',
    // By pointer, the result is written straight into the caller's slot.
    // By pointer, *sj_r is set by every फर्काउ and cleared where the body falls off its end.
    ...(m.byPointer ? [] : ['  SjValue sj_ret; SJG_CLEAR(sj_ret);']),
    ...params
      .filter((id) => assigned.has(id))
      .map(
        (id) => `  SjValue ${localName(id)} = ${m.byPointer ? '*' : ''}${paramName(id)}; SJG_RETAIN(${localName(id)});`,
      ),
    ...f.locals.map(declareEmpty),
    fs.text() + (m.byPointer ? '  SJG_CLEAR(*sj_r);\nsj_exit:' : 'sj_exit:'),
    ...owned.map((id) => `  SJG_RELEASE(${localName(id)});`),
    m.byPointer ? '  return;' : '  return sj_ret;',
    '}',
  ].join('\n');
}

/** Top-level code becomes program(); its non-global locals are C locals. */
export function genProgram(m: ModuleState): string {
  const fs = new FunctionState(m, true, new Set());
  genBlock(fs, m.program.body, { keepLocals: true });
  return [
    'static void program(void) {',
    ...m.program.globals.filter((id) => !m.isStatic(id)).map(declareEmpty),
    ...m.program.mainLocals.map(declareEmpty),
    `${fs.text()}}`,
  ].join('\n');
}

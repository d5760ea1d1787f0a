// Parameter hints for builtin calls (`देखाउ(` shows `देखाउ(क, ख, …)` with the current
// argument marked), Monaco-free. Works on the cursor's line, as calls are written.
import { BUILTINS, nameKeyOfText } from './compiler-bridge';
import type { BuiltinInfo } from './compiler-bridge';
import { pick } from './ui-language';
import type { UiLanguage } from './ui-language';
import { wordAt } from './word-at';

export interface SajiloSignature {
  label: string;
  documentation: string;
  /** [start, end) offsets of each parameter inside `label`. */
  parameters: [number, number][];
  activeParameter: number;
}

interface OpenCall {
  parenIndex: number;
  commas: number;
}

/** The calls still open at `cursor` (innermost last), skipping texts and comments. */
function openCalls(text: string, cursor: number): OpenCall[] {
  const stack: OpenCall[] = [];
  let inText = false;
  for (let i = 0; i < cursor; i++) {
    const char = text[i];
    if (inText) {
      if (char === '\\') i++;
      else if (char === '"') inText = false;
    } else if (char === '"') inText = true;
    else if (char === '#') break;
    else if ('([{'.includes(char)) stack.push({ parenIndex: char === '(' ? i : -1, commas: 0 });
    else if (')]}'.includes(char)) stack.pop();
    else if (char === ',' && stack.length > 0) stack[stack.length - 1].commas++;
  }
  return stack;
}

/** Offsets of the parameters in a signature such as `टुक्रा(x, सुरु, अन्त)`. */
export function parameterOffsets(signature: string): [number, number][] {
  const open = signature.indexOf('(');
  const close = signature.lastIndexOf(')');
  const inner = signature.slice(open + 1, close);
  if (inner.trim() === '') return [];
  const offsets: [number, number][] = [];
  let start = open + 1;
  for (const part of inner.split(',')) {
    const leading = part.length - part.trimStart().length;
    offsets.push([start + leading, start + part.trimEnd().length]);
    start += part.length + 1;
  }
  return offsets;
}

function builtinNamed(name: string): BuiltinInfo | undefined {
  const wanted = nameKeyOfText(name);
  return BUILTINS.find((b) => nameKeyOfText(b.name) === wanted);
}

export function signatureHelpAt(lineText: string, column: number, uiLanguage: UiLanguage): SajiloSignature | null {
  const call = openCalls(lineText, column - 1).at(-1);
  if (!call || call.parenIndex < 0) return null;
  const callee = wordAt(lineText, call.parenIndex + 1);
  if (callee.endColumn !== call.parenIndex + 1) return null;
  const builtin = builtinNamed(callee.word);
  if (!builtin) return null;
  const parameters = parameterOffsets(builtin.signature);
  return {
    label: builtin.signature,
    documentation: pick(uiLanguage, builtin.docNe, builtin.docEn),
    parameters,
    activeParameter: Math.min(call.commas, Math.max(0, parameters.length - 1)),
  };
}

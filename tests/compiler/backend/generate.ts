// Test helper: C for a Sajilo source (throws on front-end errors).
import { generateC } from '../../../lib/compiler/backend/index';
import { compileFrontEnd } from '../../../lib/compiler/frontend/index';

export function cFor(source: string, latinDigits = false, byPointer = false): string {
  const fe = compileFrontEnd(source);
  if (!fe.program) throw new Error(fe.diagnostics.map((d) => `${d.line}:${d.column} ${d.messageEn}`).join('\n'));
  return generateC(fe.program, { latinDigits, byPointer });
}

/** The body of the C function whose definition starts with `head`. */
export function cFunction(c: string, head: string): string {
  const start = c.indexOf(`${head} {`);
  if (start < 0) throw new Error(`no function ${head}`);
  return c.slice(start, c.indexOf('\n}\n', start) + 2);
}

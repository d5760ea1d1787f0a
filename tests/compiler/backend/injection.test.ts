// Injection through the program: no text literal or name may reach the C source as text,
// and each program must still print exactly the intended bytes on every compile path.
import { afterAll, describe, expect, it } from 'vitest';
import { compileAndRun, compilePaths, removeTestCache } from '../golden/helpers';
import { PRELUDE } from '../../../lib/compiler/backend/prelude';
import { cFor } from './generate';

// Sajilo string bodies (escapes as the lexer reads them) and the text each denotes.
const HOSTILE: [string, string][] = [
  ['*/ int x; /*', '*/ int x; /*'],
  ['\\"); system(\\"id', '"); system("id'],
  ['??/', '??/'],
  ['back\\\\slash\\\\', 'back\\slash\\'],
  ['line\\nbreak', 'line\nbreak'],
  ['#include <stdlib.h>', '#include <stdlib.h>'],
  ['%s%n%x', '%s%n%x'],
  ['nul\\u{0}byte', 'nul\0byte'],
  ['rtl\\u{202E}kcatta\\u{202C}', 'rtl\u202ekcatta\u202c'],
  ['// comment', '// comment'],
  ['\\u{10FFFF}', '\u{10ffff}'],
];

// Names that are C keywords, libc or runtime symbols, or look like our own mangled names.
const NAMES = [
  'main',
  'return',
  'int',
  'include',
  'g0',
  'v1',
  'p2',
  'f0',
  'sj_pos',
  'program',
  'NULL',
  'printf',
  'exit',
  't0',
  'lit0',
];

const textProgram = HOSTILE.map(([lit]) => `देखाउ("${lit}")`).join('\n');
const textOutput = HOSTILE.map(([, text]) => `${text}\n`).join('');
const namesProgram = [
  ...NAMES.map((n, i) => `राख ${n} = ${i}`),
  'कार्य malloc(free)\n    फर्काउ free * 2\nअन्त्य',
  `देखाउ(${NAMES.join(' + ')}, malloc(main + 1))`,
].join('\n');
const namesOutput = `${(NAMES.length * (NAMES.length - 1)) / 2} 2\n`; // main is 0: (0 + 1) * 2

afterAll(removeTestCache);

describe('generated C', () => {
  it("is plain ASCII and contains none of the program's texts", () => {
    const full = cFor(textProgram);
    expect(full).toMatch(/^[\x09\x0a\x20-\x7e]*$/);
    const c = full.replace(PRELUDE, ''); // our own fixed macros: not the program's text
    for (const [, text] of HOSTILE) {
      for (const piece of text.split(/[\0\n]/).filter((p) => p.length >= 3)) expect(c).not.toContain(piece);
    }
    expect(c).not.toMatch(/\*\/ int|system|#include <stdlib|\?\?\/|%s%n/);
  });
  it("contains none of the program's names as identifiers", () => {
    const c = cFor(namesProgram);
    expect(c.match(/\bmain\(/g)).toHaveLength(1); // only the real entry point
    for (const n of ['malloc', 'free', 'printf', 'exit']) expect(c).not.toMatch(new RegExp(`\\b${n}\\b`));
    expect(c).not.toMatch(/\b(return|int|NULL|program) =/);
    expect(c.match(/^#include/gm)).toEqual(['#include']);
  });
});

describe.each(compilePaths())('hostile programs on %s', (compilePath) => {
  it('print exactly the intended text, NUL and bidi marks included', async () => {
    const r = await compileAndRun(textProgram, compilePath, '', { latinDigits: true });
    expect(r.stdout).toBe(textOutput);
    expect(r.status).toBe(0);
  });
  it('use C keywords and runtime symbols as names without effect on the C', async () => {
    const r = await compileAndRun(namesProgram, compilePath, '', { latinDigits: true });
    expect(r.stdout).toBe(namesOutput);
    expect(r.status).toBe(0);
  });
});

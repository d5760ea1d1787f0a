// The checker's limit on parameters sits below what tcc, the fast C compiler, can compile:
// 250 parameters compile, 251 fail in tcc with "memory full (vstack)". The checker stops at
// MAX_PARAMETERS, so a program it accepts never reaches that failure.
import { afterAll, describe, expect, it } from 'vitest';
import { buildExecutable } from '@/lib/compiler/build';
import { MAX_PARAMETERS } from '@/lib/compiler/frontend/checker';
import { compileAndRun, compilePaths, removeTestCache } from '../golden/helpers';

afterAll(removeTestCache);

const withParameters = (n: number) => {
  const names = Array.from({ length: n }, (_, i) => `p${i}`);
  return `कार्य f(${names.join(', ')})\n  फर्काउ p${n - 1}\nअन्त्य\nदेखाउ(f(${names.map((_, i) => String(i)).join(', ')}))\n`;
};

describe('limits of the C compilers, as diagnostics', () => {
  it.each(compilePaths())(
    'a function with the most parameters allowed compiles and runs on %s',
    async (compilePath) => {
      const outcome = await compileAndRun(withParameters(MAX_PARAMETERS), compilePath, '', { latinDigits: true });
      expect(outcome).toMatchObject({ status: 0, stdout: `${MAX_PARAMETERS - 1}\n` });
    },
  );

  it('one parameter more is a compile diagnostic, not a C compiler failure', async () => {
    const build = await buildExecutable(withParameters(MAX_PARAMETERS + 1));
    expect(build.ok).toBe(false);
    expect(build.diagnostics.map((d) => d.code)).toContain('E2017');
  });

  it("the limit keeps a margin below tcc's own (250)", () => {
    expect(MAX_PARAMETERS).toBeLessThanOrEqual(200);
  });
});

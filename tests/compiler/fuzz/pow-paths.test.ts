// `**` with a decimal result calls the C library's pow, and the compile paths link different
// C libraries (musl for tcc and musl-gcc, glibc for gcc; docs/language.md, decision 34). This
// documents what that means: exact and well-conditioned powers print the same digits on every
// path, and a near-tie such as 39.4 ** 0.5 may differ in the last digit (musl rounds it
// correctly, to √39.4; glibc and so CPython give the next double up), never by more.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileAndRun, installedPaths } from './harness';

let cacheDir = '';
beforeAll(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'sajilo-pow-'));
  process.env.SAJILO_CACHE_DIR = cacheDir;
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('decimal ** on the different C libraries', () => {
  it('prints exact powers identically everywhere and a near-tie within one unit in the last place', async () => {
    const source = 'देखाउ(2 ** 10, 2.0 ** 0.5, 10.0 ** -2, 4.0 ** 0.5, (-8.0) ** 3.0, 1.5 ** 2, 2 ** -3)\nदेखाउ(39.4 ** 0.5)\n';
    const sqrt394 = Math.sqrt(39.4); // correctly rounded, as IEEE requires of sqrt
    const nextUp = 6.276941930590087;
    for (const kind of installedPaths()) {
      const outcome = await compileAndRun(source, kind);
      expect(outcome.kind, kind).toBe('ok');
      const [exact, nearTie] = ('stdout' in outcome ? outcome.stdout : '').split('\n');
      expect(exact, kind).toBe('1024 1.4142135623730951 0.01 2.0 -512.0 2.25 0.125');
      expect([String(sqrt394), String(nextUp)], kind).toContain(nearTie);
    }
  }, 120_000);
});

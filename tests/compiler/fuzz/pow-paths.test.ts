// `**` with a decimal result is the runtime's own correctly rounded pow (runtime/src/pow.c),
// not the C library's: musl's and glibc's (and so CPython's) differ in the last bit on some
// inputs, which would make the tcc+musl and gcc+glibc paths print different digits. Every
// installed path must print the correctly rounded value, checked against Python's decimal
// module at 70 digits (skipped, visibly, without python3).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPath } from '@/lib/compiler/driver/detect';
import { compileAndRun, installedPaths } from './harness';
import { prng } from './inputs';

const PYTHON = findOnPath('python3');

let cacheDir = '';
beforeAll(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'sajilo-pow-'));
  process.env.SAJILO_CACHE_DIR = cacheDir;
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

// x ** y correctly rounded: exact for whole powers, else exp(y log x) at 70 digits, rounded once.
const REFERENCE = String.raw`
import json, sys
from decimal import Decimal, getcontext
getcontext().prec = 70
def power(x, y):
    if y == int(y) and abs(y) <= 64: v = Decimal(x) ** int(y)
    else: v = (Decimal(x).ln() * Decimal(y)).exp()
    return repr(float(v))
print(json.dumps([power(x, y) for x, y in json.load(sys.stdin)]))
`;

function cases(): [number, number][] {
  const random = prng(271828);
  const out: [number, number][] = [
    [39.4, 0.5],
    [57086, 26],
    [134217727, 2],
    [2, 0.5],
    [10, -2],
    [1.1, 10],
    [1.0000001, 1e7],
    [7, -64],
    [0.5, 1074.5],
  ];
  for (let i = 0; i < 400; i++) {
    const x = i % 2 ? Math.floor(random() * 2000) / 100 + 0.01 : random() * 1e5;
    const y = i % 3 ? Math.floor(random() * 4000 - 2000) / 100 : Math.floor(random() * 40);
    out.push([x, y]);
  }
  return out;
}

describe.skipIf(!PYTHON)(
  `decimal ** is correctly rounded on every path${PYTHON ? '' : ' (SKIPPED: python3 not found)'}`,
  () => {
    it('prints the correctly rounded power on every installed C path, the same digits everywhere', async () => {
      const pairs = cases();
      const r = spawnSync(PYTHON!, ['-c', REFERENCE], { input: JSON.stringify(pairs), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const want = JSON.parse(r.stdout) as string[];
      // Doubles in the shortest form that reads back the same (JavaScript's and Python's repr agree).
      const literal = (v: number) => (Number.isInteger(v) ? `${v}.0` : String(v));
      const source = `${pairs.map(([x, y]) => `देखाउ(${literal(x)} ** ${literal(y)})`).join('\n')}\n`;
      for (const kind of installedPaths()) {
        const outcome = await compileAndRun(source, kind);
        expect(outcome.kind, kind).toBe('ok');
        const printed = ('stdout' in outcome ? outcome.stdout : '').split('\n').slice(0, -1);
        pairs.forEach(([x, y], i) => {
          if (printed[i] !== want[i])
            expect.fail(`${kind}: ${x} ** ${y} printed ${printed[i]}, correctly rounded ${want[i]}`);
        });
      }
    }, 120_000);
  },
);

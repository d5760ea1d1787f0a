// Property test of the whole compiler on fixed-seed random input (tokens, mutated programs,
// Unicode noise, number soup, generated programs): the front end never throws and reports
// sane diagnostics; a sample of the accepted programs compiles on every installed C path,
// never dies of a signal, and prints the same on every path. `npm run bench -- fuzz` runs
// 100,000 inputs with statistics.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, fuzzInput, prng, seedPrograms } from './inputs';
import { compileAndRun, frontEnd, installedPaths } from './harness';

const INPUTS = 4000;
// Programs compiled per path: tcc takes milliseconds, gcc's static link a few hundred.
const SAMPLE = { 'tcc-musl': 80, 'musl-gcc': 12, gcc: 12 } as const;

let cacheDir = '';
beforeAll(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'sajilo-fuzz-'));
  process.env.SAJILO_CACHE_DIR = cacheDir;
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const accepted: string[] = [];

describe('compiler under random input (fixed seeds)', () => {
  it(`front end: ${INPUTS} inputs, never throws, sane diagnostics`, () => {
    const random = prng(20261202);
    const seeds = seedPrograms();
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { accepted: 0, rejected: 0 }]));
    for (let i = 0; i < INPUTS; i++) {
      const { category, source } = fuzzInput(random, i, seeds);
      const outcome = frontEnd(source);
      if (outcome.kind === 'internal' || outcome.kind === 'bad-diagnostic') {
        expect.fail(`${outcome.kind} (${category}): ${outcome.detail}\n${JSON.stringify(source)}`);
      }
      counts[category][outcome.kind]++;
      if (outcome.kind === 'accepted') accepted.push(source);
    }
    // The generators still reach both outcomes (else they have gone stale).
    expect(counts.generated.accepted).toBeGreaterThan(700);
    expect(counts.numbers.accepted).toBeGreaterThan(50);
    for (const c of CATEGORIES.filter((c) => c !== 'generated')) expect(counts[c].rejected, c).toBeGreaterThan(0);
  });

  it('accepted programs compile on every installed C path, end without a signal and agree', async () => {
    const paths = installedPaths();
    expect(paths.length).toBeGreaterThan(0);
    const stride = Math.max(1, Math.floor(accepted.length / SAMPLE['tcc-musl']));
    const sample = accepted.filter((_, i) => i % stride === 0).slice(0, SAMPLE['tcc-musl']);
    const outputs = new Map<string, string>();
    for (const kind of paths) {
      for (const source of sample.slice(0, SAMPLE[kind])) {
        const outcome = await compileAndRun(source, kind);
        if ('detail' in outcome && outcome.kind !== 'limit')
          expect.fail(`${kind}: ${outcome.kind}: ${outcome.detail}\n${source}`);
        if ('stdout' in outcome) {
          const key = `${source}\u0000${outcome.kind}`;
          const earlier = outputs.get(source);
          if (earlier === undefined) outputs.set(source, key + outcome.stdout);
          else expect(key + outcome.stdout, `${kind} differs on\n${source}`).toBe(earlier);
        }
      }
    }
  }, 240_000);

  it('compiles and runs the longest chains of operators the front end allows (tcc and gcc)', async () => {
    const sum = Array.from({ length: 1000 }, (_, i) => (i % 2 ? `${i}` : `१${i % 10}`)).join(' + ');
    const both = Array(1000).fill('सत्य').join(' र ');
    const mixed = Array.from({ length: 500 }, (_, i) => `${i} * 2`).join(' - ');
    const source = `देखाउ(${sum})\nदेखाउ(${both})\nदेखाउ(${mixed})\n`;
    let expectedSum = 0;
    for (let i = 0; i < 1000; i++) expectedSum += i % 2 ? i : 10 + (i % 10);
    const expectedMixed = -Array.from({ length: 500 }, (_, i) => i * 2).reduce((a, b) => a + b, 0) + 0 * 2 * 2;
    // The generated C is flat (one temporary per operator), so one gcc path stands for both.
    for (const kind of installedPaths().filter((p) => p !== 'musl-gcc')) {
      expect(await compileAndRun(source, kind), kind).toEqual({
        kind: 'ok',
        stdout: `${expectedSum}\nसत्य\n${expectedMixed}\n`,
      });
    }
  }, 120_000);
});

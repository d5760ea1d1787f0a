// Random and mutated source: the front end must never throw, every diagnostic must point
// inside the text, and a program handed out must be fully resolved.
import { describe, expect, it } from 'vitest';
import { compileFrontEnd } from '@/lib/compiler/frontend';
import type { Diagnostic, Program } from '@/lib/compiler/frontend/ast';
import { diagnosticProblem, mutate, prng, seedPrograms as seeds, tokenSoup as randomSource } from '../fuzz/inputs';

// Checked without expect() per item: thousands of cases must stay fast.
function checkPositions(source: string, diagnostics: Diagnostic[]): void {
  const lines = source.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    const problem = diagnosticProblem(lines, d);
    if (problem) expect.fail(`${problem}: ${JSON.stringify(source)} → ${JSON.stringify(d)}`);
  }
}

// A program handed to the back end has no unresolved name and no unresolved call.
function checkResolved(program: Program): void {
  JSON.stringify(program.body, (_, value) => {
    const unresolved =
      value &&
      ((value.kind === 'Name' && value.binding.kind === 'unresolved') ||
        (value.kind === 'Call' && value.target.kind === 'unresolved') ||
        value.kind === 'Error');
    if (unresolved) expect.fail(`unresolved node in a clean program: ${JSON.stringify(value)}`);
    return typeof value === 'bigint' ? 0 : value;
  });
}

function run(source: string): void {
  const { program, diagnostics } = compileFrontEnd(source);
  checkPositions(source, diagnostics);
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  if ((program === null) !== hasErrors) expect.fail(`program/errors mismatch: ${JSON.stringify(source)}`);
  if (program) checkResolved(program);
}

describe('front end under random input', () => {
  it('accepts every seed program without errors', () => {
    for (const source of seeds()) {
      const errors = compileFrontEnd(source).diagnostics.filter((d) => d.severity === 'error');
      expect(errors, source).toEqual([]);
    }
  });

  it('survives 3,000 mutations of real programs', () => {
    const random = prng(20261128);
    const sources = seeds();
    for (let i = 0; i < 3000; i++) run(mutate(sources[i % sources.length], random));
  });

  it('survives 2,000 random token soups', () => {
    const random = prng(7);
    for (let i = 0; i < 2000; i++) run(randomSource(random));
  });
});

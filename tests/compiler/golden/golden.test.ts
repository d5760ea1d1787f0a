// Every golden program compiled and run on every available C compile path; its output must
// be exactly what its comments say (see expectations.ts).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileAndRun, compilePaths, removeTestCache } from './helpers';

afterAll(removeTestCache);
import { readExpectations } from './expectations';

const dir = path.join(import.meta.dirname, 'programs');
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.saj'))
  .sort();

describe.each(compilePaths())('golden programs on %s', (compilePath) => {
  it.each(programs)('%s', async (file) => {
    const source = readFileSync(path.join(dir, file), 'utf8');
    const want = readExpectations(source);
    const got = await compileAndRun(source, compilePath, want.stdin);
    expect(got.stdout).toBe(want.stdout);
    if (want.runtimeError) {
      expect(got.status).toBe(1);
      const m = /line (\d+), column (\d+)/.exec(got.stderr);
      expect(m && { line: Number(m[1]), column: Number(m[2]) }).toEqual(want.runtimeError);
    } else {
      expect(got.stderr).toBe('');
      expect(got.status).toBe(0);
    }
  });
});

describe('golden corpus', () => {
  it('covers every runtime error kind with a stated position', () => {
    const errors = programs.filter((f) => readExpectations(readFileSync(path.join(dir, f), 'utf8')).runtimeError);
    expect(errors.length).toBeGreaterThanOrEqual(20);
  });
});

// Every example in examples/ (the IDE's gallery) compiled and run on every available compile
// path, with its .in as stdin; stdout must equal its .out exactly.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileAndRun, compilePaths, removeTestCache } from './golden/helpers';

afterAll(removeTestCache);

const dir = path.resolve(import.meta.dirname, '../../examples');
const index: { slug: string; titleNe: string; titleEn: string }[] = JSON.parse(
  readFileSync(path.join(dir, 'index.json'), 'utf8'),
);

describe('examples/index.json', () => {
  it('lists every example exactly once, each with both titles and an expected output', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.saj'))
      .map((f) => f.slice(0, -4))
      .sort();
    expect(index.map((e) => e.slug).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const e of index) {
      expect(e.titleNe).toMatch(/[\u0900-\u097f]/);
      expect(e.titleEn).toMatch(/^[\x20-\x7e]+$/);
      expect(existsSync(path.join(dir, `${e.slug}.out`))).toBe(true);
    }
  });
});

describe.each(compilePaths())('examples on %s', (compilePath) => {
  it.each(index.map((e) => e.slug))('%s', async (slug) => {
    const source = readFileSync(path.join(dir, `${slug}.saj`), 'utf8');
    const input = path.join(dir, `${slug}.in`);
    const got = await compileAndRun(source, compilePath, existsSync(input) ? readFileSync(input, 'utf8') : '');
    expect(got.stderr).toBe('');
    expect(got.stdout).toBe(readFileSync(path.join(dir, `${slug}.out`), 'utf8'));
    expect(got.status).toBe(0);
  });
});

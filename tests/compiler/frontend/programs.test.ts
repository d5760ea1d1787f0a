// Programs that are their own tests (as clox's): each `# expect: CODE line:column` comment
// names one diagnostic; the front end must report exactly those, no more.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '@/lib/compiler';

const DIR = path.resolve(import.meta.dirname, 'programs');
const EXPECT = /# expect: ([EW]\d{4}) (\d+):(\d+)/g;

describe('programs with expected diagnostics', () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.saj'))
    .sort();

  it('has programs', () => expect(files.length).toBeGreaterThanOrEqual(5));

  it.each(files)('%s', (file) => {
    const source = readFileSync(path.join(DIR, file), 'utf8');
    const expected = [...source.matchAll(EXPECT)].map((m) => `${m[1]} ${m[2]}:${m[3]}`);
    const actual = check(source).map((d) => `${d.code} ${d.line}:${d.column}`);
    expect(actual).toEqual(expected);
  });
});

// Every program in the language guide (```sajilo blocks of docs/language.md) must compile
// cleanly: the guide teaches nothing the front end rejects.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '@/lib/compiler';

const GUIDE = path.resolve(import.meta.dirname, '../../../docs/language.md');

function guidePrograms(): string[] {
  const text = readFileSync(GUIDE, 'utf8');
  return [...text.matchAll(/```sajilo\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('docs/language.md', () => {
  it('has many runnable examples', () => {
    expect(guidePrograms().length).toBeGreaterThanOrEqual(20);
  });

  it.each(guidePrograms().map((source, i) => [i + 1, source] as const))(
    'example %i has no diagnostics',
    (_, source) => {
      expect(check(source)).toEqual([]);
    },
  );

  it('shows the compile error it explains exactly as the compiler reports it', () => {
    const [d] = check('राख गणना = ०\nदेखाउ(गणन)');
    const text = readFileSync(GUIDE, 'utf8');
    expect(text).toContain(`पङ्क्ति २, स्तम्भ ७ — ${d.code}: ${d.message}`);
  });
});

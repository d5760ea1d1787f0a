// The phonetic table published in docs/keyboard.md is the scheme the engine uses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transliterate } from '@/lib/keyboard';
import {
  AT_WORD_END,
  CONSONANTS,
  HALANT_LETTER,
  SIGNS,
  SYLLABLES,
  VIRAMA,
  VOWELS,
} from '@/lib/keyboard/phonetic/scheme';

const docs = readFileSync(path.join(process.cwd(), 'docs/keyboard.md'), 'utf8');
const section = docs.slice(docs.indexOf('### The scheme'), docs.indexOf('### The candidate list'));
const cells = section
  .split('\n')
  .filter((line) => line.startsWith('|'))
  .flatMap((line) => line.split('|'));

function documented(spelling: string, devanagari: string): boolean {
  return (
    cells.some((cell) => cell.includes(`\`${spelling}\``) && cell.includes(devanagari)) ||
    section
      .split('\n')
      .some(
        (line) => line.startsWith('|') && line.split('|')[1]?.includes(`\`${spelling}\``) && line.includes(devanagari),
      )
  );
}

describe('docs/keyboard.md publishes the phonetic scheme', () => {
  it('has the section', () => {
    expect(section.length).toBeGreaterThan(1000);
  });

  it.each([
    ...Object.entries(VOWELS).map(([spelling, entry]) => [spelling, entry.letter] as const),
    ...Object.entries(CONSONANTS),
    ...Object.entries(SIGNS),
    ...Object.entries(SYLLABLES),
    ...Object.entries(AT_WORD_END),
    [HALANT_LETTER, VIRAMA] as const,
  ])('`%s` → %s', (spelling, devanagari) => {
    expect(documented(spelling, devanagari)).toBe(true);
  });

  it('every example written `latin` Devanagari in the section is what transliterate gives', () => {
    const examples = [...section.matchAll(/`([A-Za-z]+)` ([\u0900-\u097F\u200C\u200D]+)/g)];
    expect(examples.length).toBeGreaterThan(40);
    for (const [, latin, devanagari] of examples) {
      expect(transliterate(latin), latin).toBe(devanagari);
    }
  });
});

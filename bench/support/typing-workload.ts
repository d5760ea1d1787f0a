// What the typing benchmarks type, and into what: shared by bench/typing.bench.ts (the table) and
// bench/typing-per-key.ts (where each key's time goes), so that the two measure the same keys.
import type { Page } from '@playwright/test';

/** The program's length: the caret sits in its middle. */
export const LINES = 1000;
/** What is typed: code a person would write, by sound (phonetic) or letter by letter (off). */
export const TYPED = 'rakha naya = dekhau(ka) + 2\nyadi naya < 10 bhane\nrok\nantya\n'.repeat(4);
/** Pause between keys, like quick typing; each key is measured on its own. */
export const KEY_INTERVAL_MS = 60;

/** A program of `lines` lines: a function, a list, a loop and a condition, repeated. */
export function program(lines: number): string {
  const block = [
    'कार्य जोड(क, ख)',
    '    फर्काउ क + ख',
    'अन्त्य',
    'राख सूची = [१, २, ३]',
    'हरेक स सूची मा',
    '    यदि स < ३ भने',
    '        देखाउ(जोड(स, १))',
    '    अन्त्य',
    'अन्त्य',
    '',
  ];
  const out: string[] = [];
  while (out.length < lines) out.push(...block);
  return out.slice(0, lines).join('\n');
}

/** Types TYPED with real key presses, one key every KEY_INTERVAL_MS. */
export async function typeAll(page: Page): Promise<void> {
  for (const ch of TYPED) {
    await page.keyboard.press(ch === '\n' ? 'Enter' : ch === ' ' ? 'Space' : ch);
    await page.waitForTimeout(KEY_INTERVAL_MS);
  }
}

// Every word of the phonetic table (tests/keyboard/phonetic-words.ts), typed with real key
// presses in Chromium into an empty program and committed with Space, gives the documented
// Devanagari: keywords and builtins from their everyday spellings, other words by the rule.
import { expect, test } from '@playwright/test';
import { PHONETIC_WORDS } from '../keyboard/phonetic-words';
import { editorText, focusEditorEnd, openIde, pressUsKeys } from './typing-helpers';

/** Words per line: a line shorter than the editor is wide, so it is drawn unwrapped. */
const BATCH = 8;

test(`all ${PHONETIC_WORDS.length} words of the phonetic table`, async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  expect(PHONETIC_WORDS.length).toBeGreaterThanOrEqual(150);
  const context = await browser.newContext({ baseURL, viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await openIde(page, { source: '' });
  await expect(page.getByTestId('layout-switch')).toHaveAttribute('data-layout', 'phonetic');
  await focusEditorEnd(page);
  const mismatches: string[] = [];
  for (let i = 0; i < PHONETIC_WORDS.length; i += BATCH) {
    const batch = PHONETIC_WORDS.slice(i, i + BATCH);
    await pressUsKeys(page, batch.map((w) => `${w.latin} `).join(''));
    const expected = batch.map((w) => `${w.devanagari} `).join('');
    // Wait until the last word is drawn, then compare word by word.
    await expect.poll(async () => (await editorText(page)).split(' ').length).toBe(batch.length + 1);
    const typed = (await editorText(page)).split(' ');
    batch.forEach((w, j) => {
      if (typed[j] !== w.devanagari) mismatches.push(`${w.latin} → ${typed[j]} (documented ${w.devanagari})`);
    });
    if (mismatches.length === 0) expect(await editorText(page)).toBe(expected);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect.poll(() => editorText(page)).toBe('');
  }
  expect(mismatches).toEqual([]);
  await context.close();
});

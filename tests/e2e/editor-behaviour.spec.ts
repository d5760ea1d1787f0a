// The editor never surprises: Enter makes a new line unless the person chose an entry in the
// completion list, an exact match opens no list, Tab accepts, and block-closing words outdent.
// Real key presses in Debian's Chromium against the production build (scripts/e2e.mjs).
import { expect, test } from '@playwright/test';
import { editorText, focusEditorEnd, openIde, pressUsKeys, suggestWidget } from './typing-helpers';

/** `यदि सत्य भने`, its body, `नत्र` and its body, typed line by line in the Romanized layout. */
const IF_ELSE_KEYS = 'ydi st/y Bne\ndeKaf(1)\nnt/r\ndeKaf(2)';

const lines = async (page: Parameters<typeof editorText>[0]) => (await editorText(page)).split('\n');

test.describe('Romanized layout', () => {
  test('Enter after `यदि १ == १ भने` starts an indented line, the completion list does not take it', async ({
    page,
  }) => {
    await openIde(page, { source: '' }, 'nepali-romanized');
    await focusEditorEnd(page);
    await pressUsKeys(page, 'ydi 1 == 1 Bne');
    await page.keyboard.press('Enter');
    await pressUsKeys(page, 'deKaf(1)');
    await expect.poll(() => lines(page)).toEqual(['यदि १ == १ भने', '    देखाउ(१)']);
  });

  test('Enter after `राख क = ख` keeps ख (no खाली)', async ({ page }) => {
    await openIde(page, { source: '' }, 'nepali-romanized');
    await focusEditorEnd(page);
    await pressUsKeys(page, 'raK k = K');
    await page.waitForTimeout(300); // give a completion list time to open, as a person would
    await page.keyboard.press('Enter');
    await pressUsKeys(page, 'k');
    await expect.poll(() => lines(page)).toEqual(['राख क = ख', 'क']);
  });

  test('a completion list whose only entry is the word typed never opens', async ({ page }) => {
    await openIde(page, { source: '' }, 'nepali-romanized');
    await focusEditorEnd(page);
    for (const word of ['deKaf', 'Bne', 'raK']) {
      await pressUsKeys(page, word);
      await page.waitForTimeout(400);
      await expect(suggestWidget(page), word).toHaveCount(0);
      await pressUsKeys(page, ' ');
    }
  });

  test('अन्त्य, नत्र and `नत्र यदि` outdent to their block', async ({ page }) => {
    await openIde(page, { source: 'यदि सत्य भने\n    देखाउ(१)' }, 'nepali-romanized');
    await focusEditorEnd(page);
    await page.keyboard.press('Enter');
    await pressUsKeys(page, 'nt/r ydi ');
    await expect.poll(() => lines(page)).toContain('नत्र यदि ');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await pressUsKeys(page, `${IF_ELSE_KEYS}\nHn/t/y`);
    await expect.poll(() => lines(page)).toEqual(['यदि सत्य भने', '    देखाउ(१)', 'नत्र', '    देखाउ(२)', 'अन्त्य']);
  });
});

// Phonetic: a closing word committed by Space or Enter outdents at once, and one Ctrl+Z does not
// take the word with it.
test('phonetic: नत्र, `नत्र यदि` and अन्त्य outdent when Space commits them', async ({ page }) => {
  await openIde(page, { source: 'यदि सत्य भने\n    देखाउ(१)' });
  await focusEditorEnd(page);
  await page.keyboard.press('Enter');
  await pressUsKeys(page, 'natra yadi ');
  await expect.poll(() => lines(page)).toEqual(['यदि सत्य भने', '    देखाउ(१)', 'नत्र यदि ']);
  await pressUsKeys(page, 'galat bhane\ndekhau(2)\nnatra\ndekhau(3)\nantya ');
  await expect
    .poll(() => lines(page))
    .toEqual(['यदि सत्य भने', '    देखाउ(१)', 'नत्र यदि गलत भने', '    देखाउ(२)', 'नत्र', '    देखाउ(३)', 'अन्त्य ']);
  await page.keyboard.press('Control+z'); // the outdent is its own step: the word stays
  await expect.poll(async () => (await lines(page)).at(-1)?.trim()).toBe('अन्त्य');
});

test.describe('keyboard off', () => {
  test('Tab accepts the first entry; Enter accepts only after the selection moved', async ({ page }) => {
    await openIde(page, { source: '' }, 'off');
    await focusEditorEnd(page);
    await page.keyboard.type('dekhau');
    await expect(suggestWidget(page)).toBeVisible({ timeout: 10_000 });
    await page.keyboard.press('Tab');
    await expect.poll(() => editorText(page)).toBe('देखाउ');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.type('ra');
    await expect(suggestWidget(page)).toBeVisible({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await expect.poll(() => lines(page)).toEqual(['ra', '']);
    await page.keyboard.type('ra');
    await expect(suggestWidget(page)).toBeVisible({ timeout: 10_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await lines(page))[1]).toMatch(/^[\u0900-\u097F]+$/u); // an entry, not `ra` + a new line
    expect(await lines(page)).toHaveLength(2);
  });
});

test('the completion list draws a matched Devanagari prefix in the same font as the word (no split syllables)', async ({
  page,
}) => {
  await openIde(page, { source: '' }, 'nepali-romanized');
  await focusEditorEnd(page);
  await pressUsKeys(page, 'd'); // द: matches देखाउ, देखि… inside their first syllable
  await expect(suggestWidget(page)).toBeVisible({ timeout: 10_000 });
  const highlights = suggestWidget(page).locator('.monaco-highlighted-label .highlight');
  await expect(highlights.first()).toBeVisible();
  // A bold span is shaped apart from the vowel sign after it (a dotted circle); same font, one shape.
  const fonts = await highlights.evaluateAll((spans) =>
    spans.map((span) => {
      const own = getComputedStyle(span);
      const label = getComputedStyle(span.parentElement!);
      return (
        own.fontWeight === label.fontWeight && own.fontFamily === label.fontFamily && own.fontSize === label.fontSize
      );
    }),
  );
  expect(fonts.every(Boolean)).toBe(true);
  // Under the word: the list's left edge is near the word's start, below its line.
  const line = (await page.locator('[data-testid=editor] .view-line').first().boundingBox())!;
  const list = (await suggestWidget(page).boundingBox())!;
  expect(list.y).toBeGreaterThanOrEqual(line.y + line.height - 1);
  expect(Math.abs(list.x - line.x)).toBeLessThan(40);
  await page.screenshot({ path: 'test-results/completion-list.png' });
});

// A slow machine: Chromium's CPU throttling makes the page twenty times slower, so keys arrive
// while Monaco is behind (rendering, background tokenizing). Enter must still apply the
// indentation rules; components/ide/tokenize-to-caret.ts closes the one gap Monaco's source
// shows (a line its idle-time tokenizer has not reached gets the previous line's indentation).
test('on a CPU twenty times slower, Enter still indents a block body and नत्र still outdents', async ({ page }) => {
  test.setTimeout(120_000);
  await openIde(page, { source: '' }, 'nepali-romanized');
  await focusEditorEnd(page);
  // Chromium's own CPU throttling: the page runs as on a machine twenty times slower.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await pressUsKeys(page, IF_ELSE_KEYS);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect.poll(() => lines(page)).toEqual(['यदि सत्य भने', '    देखाउ(१)', 'नत्र', '    देखाउ(२)']);
});

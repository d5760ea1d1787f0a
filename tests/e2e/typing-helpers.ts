// Shared by the end-to-end specs: open the IDE with a seeded draft, press physical keys as a
// person with a US keyboard would, and read the editor as Monaco draws it.
import { expect, type Page } from '@playwright/test';
import { US_QWERTY } from '../../lib/keyboard';

/** Physical key for each ASCII character on a US keyboard ("Shift+KeyA" for 'A'). */
const US_KEYS: ReadonlyMap<string, string> = (() => {
  const keys = new Map<string, string>([
    [' ', 'Space'],
    ['\n', 'Enter'],
  ]);
  for (const [code, [base, shifted]] of Object.entries(US_QWERTY)) {
    keys.set(base, code);
    keys.set(shifted, `Shift+${code}`);
  }
  return keys;
})();

/** Presses the US keys that type `text` with the keyboard off (real keydown/keyup pairs). */
export async function pressUsKeys(page: Page, text: string, modifier?: 'Alt') {
  for (const ch of text) {
    const key = US_KEYS.get(ch);
    if (!key) throw new Error(`no US key types ${JSON.stringify(ch)}`);
    await page.keyboard.press(modifier ? `${modifier}+${key}` : key);
  }
}

export async function openIde(page: Page, draft?: { source: string; stdin?: string }, layout?: string) {
  await page.addInitScript(
    ({ d, l }) => {
      if (!sessionStorage.getItem('e2e-seeded')) {
        if (d)
          localStorage.setItem(
            'sajilo:draft:main',
            JSON.stringify({ source: d.source, stdin: d.stdin ?? '', latinDigits: false }),
          );
        if (l) localStorage.setItem('sajilo:keyboard-layout', l);
        sessionStorage.setItem('e2e-seeded', '1');
      }
    },
    { d: draft ?? null, l: layout ?? null },
  );
  await page.goto('/');
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined)); // the Devanagari webfont is in
}

/** The editor's text as Monaco draws it, line by line in screen order (spaces as drawn). */
export async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('[data-testid=editor] .view-lines .view-line').evaluateAll((nodes) =>
    nodes
      .map((n) => ({ top: parseFloat((n as HTMLElement).style.top) || 0, text: (n as HTMLElement).innerText }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

export async function focusEditorEnd(page: Page) {
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+End');
}

export const suggestWidget = (page: Page) => page.locator('[data-testid=editor] .suggest-widget.visible');

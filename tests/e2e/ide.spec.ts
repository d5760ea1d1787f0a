// The IDE end to end, in Debian's Chromium against the production build (scripts/e2e.mjs).
import { expect, test, type Page } from '@playwright/test';
import { keyOutput, TYPING_KEYS } from '../../lib/keyboard';
import { editorText, focusEditorEnd, openIde, pressUsKeys } from './typing-helpers';

const ROMANIZED = 'nepali-romanized';

// Every test also checks that the page fetched nothing from outside our server.
let external: string[] = [];
test.beforeEach(async ({ page, baseURL }) => {
  external = [];
  const origin = new URL(baseURL!).origin;
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url);
  });
});
test.afterEach(() => {
  expect(external, 'requests outside our own server').toEqual([]);
});

/** The physical key (with Shift if needed) that types each character with a layout. */
function keysFor(layout: string): Map<string, string> {
  const keys = new Map<string, string>([
    [' ', 'Space'],
    ['\n', 'Enter'],
  ]);
  for (const level of ['base', 'shift'] as const) {
    for (const code of TYPING_KEYS) {
      const out = keyOutput(layout, code, level);
      if (out && !keys.has(out)) keys.set(out, level === 'shift' ? `Shift+${code}` : code);
    }
  }
  return keys;
}

/** Types Devanagari text with real key presses through a layout, as a person would. */
async function typeWithLayout(page: Page, text: string, layout = 'nepali-romanized') {
  const keys = keysFor(layout);
  for (const ch of text) {
    const key = keys.get(ch);
    if (!key) throw new Error(`no key types ${JSON.stringify(ch)} in ${layout}`);
    await page.keyboard.press(key);
  }
}

/** The hover Monaco shows. Its content hover and its glyph-margin hover each have a
 *  `.monaco-hover-content`, in the order they were created: the first may be the hidden one. */
const shownHover = (page: Page) => page.locator('.monaco-hover-content').filter({ visible: true }).first();

test('type a program with the Romanized layout, run it with Ctrl+Enter, see its output', async ({ page }) => {
  await openIde(page, { source: '' }, ROMANIZED);
  await expect(page.getByTestId('layout-switch')).toHaveAttribute('data-layout', 'nepali-romanized');
  await focusEditorEnd(page);
  await typeWithLayout(page, 'देखाउ("नमस्ते, संसार!")');
  await page.keyboard.press('Escape'); // close a completion list if one is open
  await expect.poll(() => editorText(page)).toContain('देखाउ("नमस्ते, संसार!")');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ok', { timeout: 30_000 });
  await expect(page.getByTestId('output-stdout')).toHaveText('नमस्ते, संसार!');
  await page.screenshot({ path: 'test-results/ide.png' });
});

test('first screen: the HTML holds the program highlighted and preloads every chunk of the editor', async ({
  page,
  request,
}) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('data-testid="static-code"');
  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  const preloaded = new Set(
    [...html.matchAll(/<link [^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => attr(tag, 'rel') === 'preload' && attr(tag, 'as') === 'script')
      .map((tag) => attr(tag, 'href')!),
  );
  const fromHtml = new Set([...html.matchAll(/<script [^>]*src="([^"]+)"/g)].map((m) => m[1]));
  await openIde(page, { source: '' }, 'off');
  await expect(page.getByTestId('static-code')).toHaveCount(0);
  await focusEditorEnd(page);
  await pressUsKeys(page, 'x');
  await expect.poll(() => editorText(page)).toBe('x');
  // Every chunk the page loaded (its own timeline: the checker's worker has its own) was asked
  // for by the HTML itself, as a script tag or a preload: none waited for hydration to be found.
  const loaded = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.initiatorType === 'script')
      .map((e) => new URL(e.name).pathname),
  );
  const late = loaded.filter((p) => p.startsWith('/_next/static/chunks/') && !preloaded.has(p) && !fromHtml.has(p));
  expect(late, 'chunks found only after the page ran').toEqual([]);
});

test('Ctrl/Alt shortcuts are not mapped, and one Ctrl+Z removes one word, not the line', async ({ page }) => {
  await openIde(page, { source: '' }, ROMANIZED);
  await focusEditorEnd(page);
  await typeWithLayout(page, 'राख क');
  await expect.poll(() => editorText(page)).toBe('राख क');
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toMatch(/^राख ?$/);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect.poll(() => editorText(page)).toBe('');
  // Alt+K cycles the layout; with the layout off, keys type Latin.
  await page.keyboard.press('Alt+KeyK');
  await expect(page.getByTestId('layout-switch')).toHaveAttribute('data-layout', 'nepali-traditional');
  await page.keyboard.press('Alt+KeyK');
  await expect(page.getByTestId('layout-switch')).toHaveAttribute('data-layout', 'off');
  await page.keyboard.type('abc');
  await expect.poll(() => editorText(page)).toBe('abc');
  // The choice is remembered.
  await page.reload();
  await expect(page.getByTestId('layout-switch')).toHaveAttribute('data-layout', 'off');
});

test('the layout types Devanagari into the stdin box too, and the program reads it', async ({ page }) => {
  await openIde(page, { source: 'देखाउ(पढ())\n' }, ROMANIZED);
  await page.getByTestId('stdin').click();
  await typeWithLayout(page, 'नमस्ते');
  await expect(page.getByTestId('stdin')).toHaveValue('नमस्ते');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('output-stdout')).toHaveText('नमस्ते', { timeout: 30_000 });
});

test('with the layout off, a romanised word completes to its Devanagari keyword', async ({ page }) => {
  await openIde(page, { source: '' });
  await page.getByTestId('layout-switch').getByText(/ABC/).click();
  await expect(page.getByTestId('layout-switch')).toHaveAttribute('data-layout', 'off');
  await focusEditorEnd(page);
  await page.keyboard.type('dekhau');
  const suggestion = page.locator('[data-testid=editor] .suggest-widget .monaco-list-row').filter({ hasText: 'देखाउ' });
  await expect(suggestion.first()).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Tab'); // Tab accepts; Enter would start a new line
  await expect.poll(() => editorText(page)).toContain('देखाउ');
  expect(await editorText(page)).not.toContain('dekhau');
});

test('fast typing keeps every character, with the layout off and on', async ({ page }) => {
  await openIde(page, { source: '' });
  await page.getByTestId('layout-switch').getByText(/ABC/).click();
  await focusEditorEnd(page);
  const latin = 'xyzxyz qwerty hello world abcdefghij';
  await page.keyboard.type(latin); // no delay between keys
  await expect.poll(() => editorText(page)).toBe(latin);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+KeyK'); // off → phonetic (the cycle wraps)
  await expect(page.getByTestId('layout-switch')).toHaveAttribute('data-layout', 'phonetic');
  await page.keyboard.press('Alt+KeyK'); // phonetic → Romanized
  await expect(page.getByTestId('layout-switch')).toHaveAttribute('data-layout', 'nepali-romanized');
  await typeWithLayout(page, 'नमस्ते संसार नमस्ते संसार');
  await expect.poll(() => editorText(page)).toBe(`${latin}\nनमस्ते संसार नमस्ते संसार`);
});

test('an operating-system IME composes as usual while a layout is on', async ({ page }) => {
  await openIde(page, { source: '' }, ROMANIZED);
  await expect(page.getByTestId('layout-switch')).toHaveAttribute('data-layout', ROMANIZED);
  await focusEditorEnd(page);
  // What Chromium sees from an IME: key presses reported as 'Process' (229), then composition.
  const cdp = await page.context().newCDPSession(page);
  for (const [code, composing] of [
    ['KeyK', 'k'],
    ['KeyA', 'か'],
  ] as const) {
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Process',
      code,
      windowsVirtualKeyCode: 229,
      nativeVirtualKeyCode: 229,
    });
    await cdp.send('Input.imeSetComposition', { text: composing, selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: code.slice(3).toLowerCase(), code });
  }
  await cdp.send('Input.insertText', { text: '漢' });
  await expect.poll(() => editorText(page)).toBe('漢');
});

test('the on-screen keyboard types into the editor', async ({ page }) => {
  await openIde(page, { source: '' }, ROMANIZED);
  await focusEditorEnd(page);
  await page.getByTestId('keyboard-toggle').click();
  const osk = page.getByTestId('on-screen-keyboard');
  await expect(osk).toBeVisible();
  await osk.locator('[data-code=KeyK]').click();
  await osk.locator('[data-code=KeyA]').click();
  await expect.poll(() => editorText(page)).toBe('का');
});

test('on a touch screen the on-screen keyboard types without opening the phone keyboard', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 800 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await openIde(page, { source: '' }, ROMANIZED);
  expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
  await page.getByTestId('keyboard-toggle').tap();
  const osk = page.getByTestId('on-screen-keyboard');
  await osk.locator('[data-code=KeyN]').tap();
  await osk.locator('[data-code=KeyM]').tap();
  await expect.poll(() => editorText(page)).toBe('नम');
  // Focus stays out of the editor's text input, which would bring up the system keyboard.
  expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=editor]'))).toBe(false);
  await context.close();
});

test('a compile error puts a marker on its line and the panel links to it', async ({ page }) => {
  await openIde(page, { source: 'देखाउ("क")\nराख ख = \n' });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'compile_error', { timeout: 30_000 });
  await expect(page.locator('[data-testid=editor] .squiggly-error').first()).toBeVisible();
  const link = page.getByTestId('compile-diagnostics').getByRole('button').first();
  await link.click();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-cursor', /^2:\d+$/);
});

test('live squiggles appear without running, and their message follows the interface language', async ({ page }) => {
  await openIde(page, { source: 'राख क = \n' });
  const squiggle = page.locator('[data-testid=editor] .squiggly-error').first();
  await expect(squiggle).toBeVisible({ timeout: 10_000 });
  const firstLineOfHover = async () => {
    await page.mouse.move(0, 0);
    // The squiggle lies under the text, which takes the mouse: hover its middle. Monaco draws the
    // decoration anew when the check's markers change (the language switch does), so the node
    // found may be gone for a moment: then the caller's poll asks again.
    const box = await squiggle.boundingBox().catch(() => null);
    if (!box) return '';
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    const hover = shownHover(page);
    await expect(hover).toBeVisible({ timeout: 10_000 });
    return (await hover.innerText()).trim().split('\n')[0];
  };
  await expect.poll(firstLineOfHover, { timeout: 15_000 }).toMatch(/[\u0900-\u097F]/);
  await page.getByTestId('ui-language-switch').click();
  await expect.poll(firstLineOfHover, { timeout: 15_000 }).toMatch(/^[^\u0900-\u097F]*[A-Za-z]/);
});

test('a runtime error links to its line', async ({ page }) => {
  await openIde(page, { source: 'राख क = ०\nदेखाउ(५ / क)\n' });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'runtime_error', { timeout: 30_000 });
  await expect(page.getByTestId('output-stderr')).toContainText('line 2');
  await page.getByTestId('runtime-error-link').click();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-cursor', /^2:\d+$/);
  await expect(page.locator('[data-testid=editor] .squiggly-error').first()).toBeVisible();
});

test('an infinite loop ends in the time limit while another visitor still runs programs', async ({
  browser,
  baseURL,
}) => {
  const loopContext = await browser.newContext({ baseURL });
  const otherContext = await browser.newContext({ baseURL });
  const loop = await loopContext.newPage();
  const other = await otherContext.newPage();
  await openIde(loop, { source: 'जबसम्म सत्य\nअन्त्य\n' });
  await openIde(other, { source: 'देखाउ("अर्को")\n' });
  await loop.getByTestId('run-button').click();
  await expect(loop.getByTestId('run-progress')).toBeVisible();
  await other.getByTestId('run-button').click();
  await expect(other.getByTestId('output-stdout')).toHaveText('अर्को', { timeout: 30_000 });
  await expect(loop.getByTestId('run-progress')).toBeVisible(); // still running
  await expect(loop.getByTestId('verdict')).toHaveAttribute('data-verdict', 'time_limit', { timeout: 30_000 });
  await loopContext.close();
  await otherContext.close();
});

test('output streams in while the program runs, and Stop ends it', async ({ page }) => {
  await openIde(page, { source: 'देखाउ("सुरु")\nजबसम्म सत्य\nअन्त्य\n' });
  await page.getByTestId('run-button').click();
  // The first line shows while the program is still running (its CPU limit is 2 s).
  await expect(page.getByTestId('output-stdout')).toHaveText('सुरु', { timeout: 30_000 });
  await expect(page.getByTestId('run-progress')).toBeVisible();
  const stop = page.getByTestId('stop-button');
  await expect(stop).toHaveAccessibleName(/रोक्नुहोस्/);
  await stop.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'stopped');
  await expect(page.getByTestId('output-stdout')).toHaveText('सुरु');
  await expect(page.getByTestId('stop-button')).toBeHidden();
  await expect(page.getByTestId('run-progress')).toHaveCount(0);
  // Another run works, and runs to its own end.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-progress')).toBeVisible();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'time_limit', { timeout: 30_000 });
  await expect(page.getByTestId('output-stdout')).toHaveText('सुरु');
});

test('a busy server (429) tells when to try again, in the interface language', async ({ page }) => {
  await page.route('**/api/run', (route) =>
    route.fulfill({
      status: 429,
      headers: { 'retry-after': '3', 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'overloaded', message: 'व्यस्त', messageEn: 'busy' }),
    }),
  );
  await openIde(page, { source: 'देखाउ(१)\n' });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-error')).toContainText('३');
  await page.getByTestId('ui-language-switch').click();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-error')).toContainText('3 seconds');
});

test('program output is text: HTML is shown, not interpreted', async ({ page }) => {
  await openIde(page, { source: 'देखाउ("<b id=x>मोटो</b>")\n' });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('output-stdout')).toHaveText('<b id=x>मोटो</b>', { timeout: 30_000 });
  await expect(page.locator('#x')).toHaveCount(0);
});

test('switch the interface language; the choice and the draft survive a reload', async ({ page }) => {
  await openIde(page, { source: 'देखाउ(१)\n', stdin: 'इनपुट' }, ROMANIZED);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ne');
  await expect(page.getByTestId('run-button')).toContainText('चलाउनुहोस्');
  await expect(page).toHaveTitle('सजिलो — नेपालीमा प्रोग्राम लेख्नुहोस्');
  await page.getByTestId('ui-language-switch').click();
  await expect(page.getByTestId('run-button')).toContainText('Run');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Sajilo — Write programs in Nepali');
  await focusEditorEnd(page);
  await typeWithLayout(page, 'क');
  await page.waitForTimeout(500); // the draft saves 300 ms after the last change
  await page.reload();
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('run-button')).toContainText('Run');
  await expect.poll(() => editorText(page)).toContain('क');
  await expect(page.getByTestId('stdin')).toHaveValue('इनपुट');
  await page.getByTestId('ui-language-switch').click();
  await expect(page.getByTestId('run-button')).toContainText('चलाउनुहोस्');
  await expect(page).toHaveTitle('सजिलो — नेपालीमा प्रोग्राम लेख्नुहोस्');
});

test('the document title follows the interface language, also after a navigation in the page', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('sajilo:ui-language', 'en'));
  await page.goto('/guide');
  await expect(page).toHaveTitle('Language guide · Sajilo');
  // A client-side navigation: Next writes the new page's (Nepali) metadata title; ours wins.
  await page.getByRole('navigation').getByRole('link', { name: 'Examples' }).click();
  await page.waitForURL('**/examples');
  await expect(page).toHaveTitle('Examples · Sajilo');
  await page.getByTestId('ui-language-switch').click();
  await expect(page).toHaveTitle('उदाहरणहरू · सजिलो');
});

test('caret over conjuncts: arrow keys never split a letter from its signs; a click lands where it points', async ({
  page,
}) => {
  const word = 'नमस्ते';
  await openIde(page, { source: `${word}\n` });
  const editor = page.getByTestId('editor');
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+Home');
  await expect(editor).toHaveAttribute('data-cursor', '1:1');
  const column = async () => Number((await editor.getAttribute('data-cursor'))!.split(':')[1]);
  const visited: number[] = [1];
  while (visited[visited.length - 1] <= word.length) {
    const before = visited[visited.length - 1];
    await page.keyboard.press('ArrowRight');
    await expect(editor).not.toHaveAttribute('data-cursor', `1:${before}`);
    visited.push(await column());
  }
  expect(visited[visited.length - 1]).toBe(word.length + 1);
  // A stop is never just before a combining sign (vowel sign, virama, anusvara).
  for (const col of visited) {
    if (col <= word.length) expect(/\p{M}/u.test(word[col - 1]), `caret at column ${col}`).toBe(false);
  }
  const back: number[] = [];
  for (let i = 0; i < visited.length - 1; i++) {
    const before = i === 0 ? visited[visited.length - 1] : back[back.length - 1];
    await page.keyboard.press('ArrowLeft');
    await expect(editor).not.toHaveAttribute('data-cursor', `1:${before}`);
    back.push(await column());
  }
  expect(back).toEqual(visited.slice(0, -1).reverse());

  // Click on the right part of म (after न): the caret goes after म, drawn at म's right edge.
  const rect = await page.evaluate((w) => {
    const lines = document.querySelectorAll('[data-testid=editor] .view-line');
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(w);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i + 1);
        range.setEnd(n, i + 2); // म
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, height: r.height };
      }
    }
    return null;
  }, word);
  expect(rect).not.toBeNull();
  await page.mouse.click(rect!.left + (rect!.right - rect!.left) * 0.8, rect!.top + rect!.height / 2);
  await expect(editor).toHaveAttribute('data-cursor', '1:3');
  const caret = await page.locator('[data-testid=editor] .cursor').first().boundingBox();
  expect(Math.abs(caret!.x - rect!.right)).toBeLessThan(3);
});

test('a quick fix from the front end applies with Ctrl+.', async ({ page }) => {
  // '।' between digits (the Nepali keyboard's full stop) is offered a fix to '.'.
  await openIde(page, { source: 'देखाउ(१।५)\n' });
  await expect(page.locator('[data-testid=editor] .squiggly-error').first()).toBeVisible({ timeout: 10_000 });
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget').first();
  await expect(menu).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toContain('देखाउ(१.५)');
});

test('hover on a builtin shows its documentation, in the interface language first', async ({ page }) => {
  await openIde(page, { source: 'देखाउ("क")\n' });
  const hoverDoc = async () => {
    await page.mouse.move(0, 0);
    await page.locator('[data-testid=editor] .view-line span', { hasText: 'देखाउ' }).first().hover();
    const hover = shownHover(page);
    await expect(hover).toBeVisible({ timeout: 10_000 });
    const paragraphs = (await hover.innerText()).split(/\n+/).filter((p) => p.trim());
    expect(paragraphs[0]).toContain('देखाउ('); // the signature
    return paragraphs[1];
  };
  expect(await hoverDoc()).toMatch(/[\u0900-\u097F]/);
  await page.getByTestId('ui-language-switch').click();
  await page.keyboard.press('Escape');
  expect(await hoverDoc()).toMatch(/^[A-Za-z]/);
});

test('dark theme: the switch changes page and editor, and is remembered', async ({ page }) => {
  await openIde(page);
  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  await page.getByTestId('theme-switch').click();
  const after = before === 'dark' ? 'light' : 'dark';
  await expect(html).toHaveAttribute('data-theme', after);
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toHaveClass(
    after === 'dark' ? /vs-dark/ : /\bvs\b/,
  );
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', after);
});

test('phone width: no sideways scrolling, Run reachable, output below the editor', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, hasTouch: true });
  const page = await context.newPage();
  await openIde(page, { source: 'देखाउ("फोन")\n' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByTestId('run-button').tap();
  await expect(page.getByTestId('output-stdout')).toHaveText('फोन', { timeout: 30_000 });
  const editorBox = (await page.getByTestId('editor').boundingBox())!;
  const outputBox = (await page.getByTestId('output-stdout').boundingBox())!;
  expect(outputBox.y).toBeGreaterThan(editorBox.y + editorBox.height - 1);
  await context.close();
});

test.describe('on a 390×844 window', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the hint on leaving the editor never covers the line being typed', async ({ page }) => {
    await openIde(page, { source: '' });
    const hint = page.getByTestId('editor-focus-hint');
    await focusEditorEnd(page);
    await expect(hint).toBeVisible(); // the focus has just come in
    // Twelve lines fill the editor: the last one is where the hint sits.
    for (let n = 1; n <= 11; n++) await pressUsKeys(page, `dekhau(${n})\n`);
    await pressUsKeys(page, 'dekhau(12');
    await expect(hint).toBeHidden();
    const caret = (await page.locator('[data-testid=editor] .cursor').first().boundingBox())!;
    const editor = (await page.getByTestId('editor').boundingBox())!;
    expect(caret.y + caret.height).toBeGreaterThan(editor.y + editor.height - 100); // at the bottom
    await page.keyboard.press('Tab'); // someone trying to leave gets spaces, and the hint again
    await expect(hint).toBeVisible();
    await page.keyboard.press('Control+M'); // the hint's own shortcut leaves it in place
    await expect(hint).toBeVisible();
    await page.keyboard.press('Control+M');
    await pressUsKeys(page, ')');
    await expect(hint).toBeHidden();
    await page.getByTestId('stdin').click();
    await focusEditorEnd(page);
    await expect(hint).toBeVisible(); // each time the focus comes back
  });

  test('the example previews wrap their lines, none cut at the card edge', async ({ page }) => {
    await page.goto('/examples');
    const previews = page.locator('.example-card pre');
    expect(await previews.count()).toBeGreaterThan(3);
    const cut = await previews.evaluateAll((nodes) =>
      nodes.filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent!.split('\n')[0]),
    );
    expect(cut).toEqual([]);
  });
});

test('examples gallery and the guide: their programs open in the IDE and run', async ({ page }) => {
  await page.goto('/examples');
  const first = page.getByTestId('examples').getByRole('link').first();
  await first.click();
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ok', { timeout: 30_000 });
  await page.goto('/guide');
  await expect(page.locator('h1').first()).toBeVisible();
  // Each Sajilo example in the guide opens in the IDE and runs.
  const firstBlock = (await page.locator('pre code.language-sajilo').first().textContent())!.trim();
  await page.locator('.try-it a').first().click();
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => editorText(page)).toContain(firstBlock.split('\n')[0]);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ok', { timeout: 30_000 });
});

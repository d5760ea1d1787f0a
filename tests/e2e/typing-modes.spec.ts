// Typing code in Nepali with real key presses in Debian's Chromium: phonetic (the default),
// Romanized and Traditional with the code-symbol rule, on a PC (Alt) and with a Mac's Option
// key (Chromium on a Mac reports Option+[ as key "“": the engine must read the key's code).
import { expect, test, type Page } from '@playwright/test';
import { mapLayoutKey, TYPING_KEYS } from '../../lib/keyboard';
import { editorText, focusEditorEnd, openIde, pressUsKeys } from './typing-helpers';

/** A complete program: a function, a loop, a condition with <, a list, a decimal, a division. */
const PROGRAM = [
  'कार्य आधा(क)',
  '    फर्काउ क / २',
  'अन्त्य',
  'राख सुचि = [१, २, ३]',
  'हरेक स सुचि मा',
  '    यदि स < ३ भने',
  '        देखाउ(आधा(स))',
  '    अन्त्य',
  'अन्त्य',
  'देखाउ(३.५ * २)',
].join('\n');
const OUTPUT = '०.५\n१.०\n७.०';

/** The same program typed by sound; indentation comes from the editor. */
const PROGRAM_PHONETIC = [
  'karya aadhaa(ka)',
  'pharkau ka / 2',
  'antya',
  'rakha suchi = [1, 2, 3]',
  'harek sa suchi maa',
  'yadi sa < 3 bhane',
  'dekhau(aadhaa(sa))',
  'antya',
  'antya',
  'dekhau(3.5 * 2)',
].join('\n');

async function runAndExpect(page: Page, output: string) {
  await expect.poll(() => editorText(page)).toBe(PROGRAM);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ok', { timeout: 30_000 });
  await expect(page.getByTestId('output-stdout')).toHaveText(output);
}

test('phonetic typing is the default: a whole program typed by sound runs', async ({ page }) => {
  await openIde(page, { source: '' });
  await expect(page.getByTestId('layout-switch')).toHaveAttribute('data-layout', 'phonetic');
  await expect(page.getByTestId('typing-hint')).toContainText('namaste → नमस्ते');
  await focusEditorEnd(page);
  await pressUsKeys(page, PROGRAM_PHONETIC);
  await runAndExpect(page, OUTPUT);
});

test('phonetic: the Latin shows where the word goes, candidates sit under it; Tab, digits, Esc, Backspace', async ({
  page,
}) => {
  await openIde(page, { source: '' });
  await focusEditorEnd(page);
  await pressUsKeys(page, 'dekhaau');
  const composition = page.getByTestId('composition');
  await expect(composition).toBeVisible();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-composing', 'dekhaau');
  await expect(page.locator('[data-testid=editor] .composition-preedit')).toHaveText('dekhaau');
  await expect(composition.locator('li').first()).toHaveText(/देखाउ/);
  // Under the word: the list starts at the word's left edge, below its line.
  const line = (await page.locator('[data-testid=editor] .view-line').first().boundingBox())!;
  const list = (await composition.boundingBox())!;
  expect(list.y).toBeGreaterThanOrEqual(line.y + line.height - 1);
  expect(Math.abs(list.x - line.x)).toBeLessThan(8);
  await page.screenshot({ path: 'test-results/phonetic-desktop.png' });
  await page.keyboard.press('Backspace'); // dekhaa
  await expect(page.locator('[data-testid=editor] .composition-preedit')).toHaveText('dekhaa');
  await page.keyboard.press('Escape'); // keeps the Latin letters
  await expect.poll(() => editorText(page)).toBe('dekhaa');
  await pressUsKeys(page, ' rakha');
  await page.keyboard.press('Tab'); // the second candidate
  const second = await composition.locator('li[aria-selected=true] .composition-text').textContent();
  await page.keyboard.press('Space');
  await expect.poll(() => editorText(page)).toBe(`dekhaa ${second} `);
  await pressUsKeys(page, 'rakha');
  // The Latin lies on the word's line, from where the word goes (after the text typed so far).
  const preedit = page.locator('[data-testid=editor] .composition-preedit');
  const typedLine = (await page.locator('[data-testid=editor] .view-line').first().boundingBox())!;
  const typedText = (await page.locator('[data-testid=editor] .view-line span span').last().boundingBox())!;
  const latinBox = (await preedit.boundingBox())!;
  expect(Math.abs(latinBox.y + latinBox.height / 2 - (typedLine.y + typedLine.height / 2))).toBeLessThan(4);
  expect(latinBox.x).toBeGreaterThan(typedText.x + typedText.width - 2);
  expect(latinBox.x).toBeLessThan(typedText.x + typedText.width + 16);
  await page.keyboard.press('Digit1'); // the first candidate; the digit is not typed
  await expect(preedit).toBeHidden();
  await pressUsKeys(page, ' 12');
  await expect.poll(() => editorText(page)).toBe(`dekhaa ${second} राख १२`);
  await expect(composition).toBeHidden();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`phonetic: a word committed by Space is drawn in its place before Monaco draws the line (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await openIde(page, { source: 'राख क = १' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await focusEditorEnd(page);
    await page.keyboard.press('Enter');
    await pressUsKeys(page, 'dekhau');
    // Every change of the editor's DOM, in order: what the Latin's box, the candidate list and
    // the line show, and the colour and weight of the box's word and of the line's word.
    type Entry = { box: string | null; list: boolean; line: string; boxStyle: string; lineStyle: string };
    await page.evaluate(() => {
      const editor = document.querySelector('[data-testid=editor]')!;
      const log: Entry[] = [];
      (window as unknown as { __log: Entry[] }).__log = log;
      const look = (el: Element | null | undefined) => {
        if (!el) return '';
        const style = getComputedStyle(el);
        return `${style.color} ${style.fontWeight}`;
      };
      new MutationObserver(() => {
        const box = editor.querySelector('.composition-preedit') as HTMLElement | null;
        const list = editor.querySelector('[data-testid=composition]') as HTMLElement | null;
        const lines = [...editor.querySelectorAll('.view-line')] as HTMLElement[];
        const shown = box && getComputedStyle(box).visibility !== 'hidden';
        log.push({
          box: shown
            ? `${box.textContent}${box.parentElement!.classList.contains('is-committed') ? ' (committed)' : ''}`
            : null,
          list: !!list && list.getBoundingClientRect().height > 0 && getComputedStyle(list).visibility !== 'hidden',
          line: lines.map((l) => l.innerText).join('\n'),
          boxStyle: look(box?.querySelector('span')),
          lineStyle: look([...editor.querySelectorAll('.view-line span span')].find((s) => s.textContent === 'देखाउ')),
        });
      }).observe(editor, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.keyboard.press('Space');
    await expect.poll(() => editorText(page)).toBe('राख क = १\nदेखाउ ');
    await expect(page.locator('[data-testid=editor] .composition-preedit')).toBeHidden();
    const log = await page.evaluate(() => (window as unknown as { __log: Entry[] }).__log);
    const shown = log.findIndex((entry) => entry.box === 'देखाउ  (committed)');
    const drawn = log.findIndex((entry) => entry.line.includes('देखाउ'));
    expect(shown).toBeGreaterThanOrEqual(0);
    expect(drawn).toBeGreaterThan(shown);
    // Until Monaco draws the word, the box shows it (no Latin, no moment with neither) and the
    // candidate list is gone; the change that draws it hides the box.
    expect(log.slice(shown, drawn).map((entry) => entry.box)).toEqual(
      log.slice(shown, drawn).map(() => 'देखाउ  (committed)'),
    );
    expect(log.slice(shown, drawn).some((entry) => entry.list)).toBe(false);
    expect(log[drawn].box).toBeNull();
    // The box's word looks as Monaco then draws it (a builtin's colour).
    expect(log[shown].boxStyle).not.toBe('');
    expect(log[log.length - 1].lineStyle).toBe(log[shown].boxStyle);
    await expect(page.getByTestId('composition')).toBeHidden();
  });
}

test('phonetic: a character typed alone at the end of a line is drawn with its caret before Monaco types it', async ({
  page,
}) => {
  await openIde(page, { source: 'राख क' });
  await focusEditorEnd(page);
  // In every frame that follows a change of the editor's DOM: what the box shows, where its
  // caret is (1 px before the text's end, app/globals.css), the line, Monaco's caret.
  type Frame = { box: string | null; boxCaret: number; line: string; caret: number };
  await page.evaluate(() => {
    const editor = document.querySelector('[data-testid=editor]')!;
    const frames: Frame[] = [];
    (window as unknown as { __frames: Frame[] }).__frames = frames;
    const record = () => {
      const box = editor.querySelector('.composition-preedit') as HTMLElement | null;
      const shown =
        box && getComputedStyle(box).visibility !== 'hidden' && box.parentElement!.classList.contains('is-committed');
      frames.push({
        box: shown ? box.textContent : null,
        boxCaret: shown ? box.getBoundingClientRect().right - 1 : NaN,
        line: (editor.querySelector('.view-line') as HTMLElement).innerText.replace(/\u00a0/g, ' '),
        caret: editor.querySelector('.cursor')!.getBoundingClientRect().left,
      });
    };
    new MutationObserver(() => requestAnimationFrame(record)).observe(editor, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  const frames = () => page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames.splice(0));
  let line = 'राख क';
  for (const [key, char] of [
    ['Space', ' '],
    ['Equal', '='],
    ['Space', ' '],
    ['Digit2', '२'],
    ['Shift+Digit8', '*'],
  ]) {
    const before = line;
    line += char;
    await page.keyboard.press(key);
    await expect.poll(() => editorText(page)).toBe(line);
    await expect(page.locator('[data-testid=editor] .composition-preedit')).toBeHidden();
    const seen = await frames();
    const shown = seen.findIndex((frame) => frame.box === char);
    const drawn = seen.findIndex((frame) => frame.line === line);
    // The box shows the character while the line does not have it yet; the frame that draws it
    // hides the box; the box's caret is where Monaco's then is.
    expect(shown, `${key} drawn first`).toBeGreaterThanOrEqual(0);
    expect(drawn).toBeGreaterThan(shown);
    expect(seen[shown].line).toBe(before);
    expect(seen[drawn].box).toBeNull();
    expect(Math.abs(seen[shown].boxCaret - seen[drawn].caret)).toBeLessThan(1.5);
  }
  // Mid-line, the box would cover what follows: Monaco types the key at once. So it does for a
  // bracket, which Monaco closes (or re-indents for).
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+Equal');
  await expect.poll(() => editorText(page)).toBe('राख क = २+*');
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Digit9');
  await expect.poll(() => editorText(page)).toBe('राख क = २+*()');
  expect((await frames()).filter((frame) => frame.box !== null)).toEqual([]);
});

test('phonetic: Enter at the end of a line is drawn, rows below moved and caret on the new line, before Monaco types it', async ({
  page,
}) => {
  await openIde(page, { source: ['राख क = १', 'यदि क < ३', '    देखाउ(क)', 'अन्त्य', 'देखाउ(२)'].join('\n') });
  await focusEditorEnd(page);
  // In every frame after a change of the editor's DOM: the preview's caret (if shown), Monaco's
  // caret (if shown), where the row of the last line is drawn, and the editor's lines.
  type Rect = { x: number; y: number } | null;
  type Frame = { frame: number; preview: Rect; caret: Rect; lastRow: number; lines: string };
  await page.evaluate(() => {
    const editor = document.querySelector('[data-testid=editor]')!;
    const frames: Frame[] = [];
    (window as unknown as { __frames: Frame[] }).__frames = frames;
    // Monaco draws an edit in more than one animation-frame callback, and a record may run
    // between them: of one frame, only the last record is what the frame paints.
    let frameNumber = 0;
    const countFrames = () => {
      frameNumber++;
      requestAnimationFrame(countFrames);
    };
    requestAnimationFrame(countFrames);
    const at = (element: Element | null): Rect => {
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && getComputedStyle(element).visibility !== 'hidden' ? { x: rect.left, y: rect.top } : null;
    };
    const record = () => {
      const rows = [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')]
        .map((row) => ({ top: row.getBoundingClientRect().top, text: row.innerText.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top);
      frames.push({
        frame: frameNumber,
        preview: at(editor.querySelector('.new-line-caret:not([hidden])')),
        caret: at(editor.querySelector('.cursor')),
        lastRow: rows.find((row) => row.text === 'देखाउ(२)')?.top ?? NaN,
        lines: rows.map((row) => row.text).join('\n'),
      });
    };
    new MutationObserver(() => requestAnimationFrame(record)).observe(editor, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  const frames = async () => {
    const records = await page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames.splice(0));
    return records.filter((record, i) => records[i + 1]?.frame !== record.frame);
  };
  const goToEndOfLine = async (line: number) => {
    await page.keyboard.press('Control+Home');
    for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await frames();
  };

  // Enter ending a word that makes the line open a block (one level in), Enter on its own in
  // the block (the same level), and on a plain line at the top level.
  const cases = [
    { line: 2, keys: ' bhane\n', text: ['राख क = १', 'यदि क < ३ भने', '    ', '    देखाउ(क)'] },
    { line: 4, keys: '\n', text: ['    देखाउ(क)', '    ', 'अन्त्य'] },
    { line: 1, keys: '\n', text: ['राख क = १', '', 'यदि क < ३ भने'] },
  ];
  for (const { line, keys, text } of cases) {
    await goToEndOfLine(line);
    const before = await editorText(page);
    await pressUsKeys(page, keys);
    await expect.poll(() => editorText(page)).toContain(text.join('\n'));
    const seen = await frames();
    const shown = seen.findIndex((frame) => frame.preview !== null);
    const after = await editorText(page);
    const drawn = seen.findIndex((frame) => frame.lines === after);
    expect(shown, `Enter at the end of line ${line} drawn first`).toBeGreaterThanOrEqual(0);
    expect(drawn).toBeGreaterThan(shown);
    // Until Monaco draws the new line, the preview shows it: Monaco's lines are as before (but
    // for the word, drawn in the box), its caret is hidden, and the rows below already stand
    // where Monaco then draws them; its caret is where the preview's was.
    for (const frame of seen.slice(shown, drawn)) {
      expect(frame.preview).not.toBeNull();
      expect(frame.caret).toBeNull();
      expect(frame.lines.split('\n').length).toBe(before.split('\n').length);
      expect(Math.abs(frame.lastRow - seen[drawn].lastRow)).toBeLessThan(0.5);
    }
    const monacoCaret = seen[drawn].caret;
    expect(seen[drawn].preview).toBeNull();
    expect(monacoCaret).not.toBeNull();
    expect(Math.abs(seen[shown].preview!.x - monacoCaret!.x)).toBeLessThan(1.5);
    expect(Math.abs(seen[shown].preview!.y - monacoCaret!.y)).toBeLessThan(0.5);
  }

  // A line that closes a block is re-indented by Monaco's Enter: typed at once, no preview.
  await goToEndOfLine(7);
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toContain('अन्त्य\n\nदेखाउ(२)');
  expect((await frames()).filter((frame) => frame.preview !== null)).toEqual([]);
});

test('phonetic: leaving the page keeps the word being composed, and one just committed, in the draft', async ({
  page,
}) => {
  await openIde(page, { source: 'राख क = १' });
  await focusEditorEnd(page);
  await page.keyboard.press('Enter');
  await pressUsKeys(page, 'dekhau');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-composing', 'dekhau');
  await page.reload();
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => editorText(page)).toBe('राख क = १\nदेखाउ');
  // A word whose Space left the page in the same moment (the commit is typed after the frame).
  await focusEditorEnd(page);
  await pressUsKeys(page, '(ka) rok');
  await page.evaluate(() => {
    const textarea = document.querySelector('[data-testid=editor] textarea') as HTMLTextAreaElement;
    const key = { key: ' ', code: 'Space', keyCode: 32, bubbles: true, cancelable: true };
    textarea.dispatchEvent(new KeyboardEvent('keydown', key));
    location.reload();
  });
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => editorText(page)).toBe('राख क = १\nदेखाउ(क) रोक ');
});

test('leaving the page just after an edit was reported, before React drew it, keeps the edit in the draft', async ({
  page,
}) => {
  await openIde(page, { source: 'राख क = १' });
  await focusEditorEnd(page);
  await pressUsKeys(page, ' rok ');
  await expect.poll(() => editorText(page)).toBe('राख क = १ रोक ');
  const savedDraft = () => page.evaluate(() => JSON.parse(localStorage.getItem('sajilo:draft:main') ?? '{}').source);
  await expect.poll(savedDraft).toBe('राख क = १ रोक '); // the autosave has run: no save pending
  // An edit is reported to the IDE in the task after the frame that draws it (deferred-changes.ts:
  // a timer posted from an animation frame). A timer posted from a later callback of the same
  // frame runs right after that one: the page is hidden there, as a navigation can do between
  // any two tasks, and the draft is read back at once.
  const draft = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const textarea = document.querySelector('[data-testid=editor] textarea') as HTMLTextAreaElement;
        const key = { key: 'Backspace', code: 'Backspace', keyCode: 8, bubbles: true, cancelable: true };
        textarea.dispatchEvent(new KeyboardEvent('keydown', key));
        requestAnimationFrame(() =>
          setTimeout(() => {
            window.dispatchEvent(new PageTransitionEvent('pagehide'));
            resolve(JSON.parse(localStorage.getItem('sajilo:draft:main') ?? '{}').source);
          }, 0),
        );
      }),
  );
  await expect.poll(() => editorText(page)).toBe('राख क = १ रोक');
  expect(draft).toBe('राख क = १ रोक');
});

test('phonetic typed with no pause between keys: every word, indentation and outdent', async ({ page }) => {
  await openIde(page, { source: '' });
  await focusEditorEnd(page);
  // keyboard.type presses the keys back to back: the next key comes before the frame that
  // would type the last committed word, which it types first.
  await page.keyboard.type(
    'rakha ka = 1\nyadi ka < 2 bhane\ndekhau(ka + 1)\nnatra yadi ka > 3 bhane\ndekhau(ka)\nantya rok\n',
  );
  await expect
    .poll(() => editorText(page))
    .toBe(
      ['राख क = १', 'यदि क < २ भने', '    देखाउ(क + १)', 'नत्र यदि क > ३ भने', '    देखाउ(क)', 'अन्त्य रोक', ''].join('\n'),
    );
});

test('phonetic at the right edge of a narrow editor: the Latin being composed stays in sight', async ({
  browser,
  baseURL,
}) => {
  // A phone-sized window with a keyboard: the word starts near the right edge of the line.
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await openIde(page, { source: '' });
  await focusEditorEnd(page);
  const guard = (await page.locator('[data-testid=editor] .overflow-guard').boundingBox())!;
  const right = guard.x + guard.width;
  const cursor = page.locator('[data-testid=editor] .cursor').first();
  // Short words until the caret is less than 90 px from the editor's right edge.
  for (let i = 0; i < 40; i++) {
    const at = (await cursor.boundingBox())!;
    if (at.x > right - 90) break;
    await pressUsKeys(page, 'ka ');
  }
  const caret = (await cursor.boundingBox())!;
  expect(caret.x).toBeGreaterThan(right - 90);
  const line = caret.y;
  await pressUsKeys(page, 'namaskaaraharu');
  const preedit = page.locator('[data-testid=editor] .composition-preedit');
  await expect(preedit).toHaveText('namaskaaraharu');
  // The whole Latin is inside the editor: shifted left to end at its edge, over the line.
  const latin = (await preedit.boundingBox())!;
  expect(latin.x + latin.width).toBeLessThanOrEqual(right + 0.5);
  expect(latin.x).toBeGreaterThanOrEqual(guard.x);
  expect(latin.x).toBeLessThan(caret.x);
  expect(Math.abs(latin.y + latin.height / 2 - (line + caret.height / 2))).toBeLessThan(6);
  await page.screenshot({ path: 'test-results/phonetic-right-edge.png' });
  // A short word at a caret with room enough still starts at the caret.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  const start = (await cursor.boundingBox())!;
  await pressUsKeys(page, 'ka');
  const short = (await preedit.boundingBox())!;
  expect(Math.abs(short.x - start.x)).toBeLessThan(6);
  await context.close();
});

test('phonetic in a text: the rule spelling, and Alt+L (Option+L on a Mac) for English letters', async ({ page }) => {
  await openIde(page, { source: '' });
  await focusEditorEnd(page);
  await pressUsKeys(page, 'dekhau("namaste ');
  await page.keyboard.press('Alt+KeyL');
  await expect(page.getByTestId('latin-in-text')).toBeVisible();
  await pressUsKeys(page, 'hello 42');
  // Option+L on a Mac: key "¬", code KeyL.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'rawKeyDown',
    modifiers: 1,
    key: '¬',
    code: 'KeyL',
    windowsVirtualKeyCode: 76,
  });
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'keyUp',
    modifiers: 1,
    key: '¬',
    code: 'KeyL',
    windowsVirtualKeyCode: 76,
  });
  await expect(page.getByTestId('latin-in-text')).toBeHidden();
  await pressUsKeys(page, ' saMsaar")');
  await expect.poll(() => editorText(page)).toBe('देखाउ("नमस्ते hello 42 संसार")');
});

/** Mac US keyboard: what Option (+Shift) + a key reports as event.key. */
const MAC_OPTION_KEY: Readonly<Record<string, [string, string]>> = {
  BracketLeft: ['“', '”'],
  BracketRight: ['‘', '’'],
  Comma: ['≤', '¯'],
  Period: ['≥', '˘'],
  Slash: ['÷', '¿'],
  Digit8: ['•', '°'],
  Digit9: ['ª', '·'],
  Digit0: ['º', '‚'],
  Equal: ['≠', '±'],
  Minus: ['–', '—'],
};

interface Press {
  code: string;
  shift: boolean;
  alt: boolean;
}

/** The key presses that type `text` in code with a fixed layout: its own keys, else Alt+key. */
function pressesFor(text: string, layout: string): Press[] {
  const lookup = new Map<string, Press>();
  const plain = (code: string, shift: boolean, alt: boolean) =>
    mapLayoutKey({ code, shiftKey: shift, altKey: alt, ctrlKey: false, metaKey: false }, layout, 'code');
  for (const alt of [false, true]) {
    for (const shift of [false, true]) {
      for (const code of TYPING_KEYS) {
        const out = plain(code, shift, alt);
        if (out && !lookup.has(out)) lookup.set(out, { code, shift, alt });
      }
    }
  }
  const presses: Press[] = [];
  for (const ch of text) {
    if (ch === ' ') presses.push({ code: 'Space', shift: false, alt: false });
    else if (ch === '\n') presses.push({ code: 'Enter', shift: false, alt: false });
    else {
      const press = lookup.get(ch);
      if (!press) throw new Error(`no key types ${JSON.stringify(ch)} in code with ${layout}`);
      presses.push(press);
    }
  }
  return presses;
}

async function typeFixed(page: Page, text: string, layout: string, style: 'pc' | 'mac') {
  const cdp = style === 'mac' ? await page.context().newCDPSession(page) : null;
  for (const p of pressesFor(text, layout)) {
    if (!p.alt || !cdp) {
      await page.keyboard.press(`${p.alt ? 'Alt+' : ''}${p.shift ? 'Shift+' : ''}${p.code}`);
      continue;
    }
    const key = MAC_OPTION_KEY[p.code]?.[p.shift ? 1 : 0];
    if (!key) throw new Error(`no Mac Option key value listed for ${p.code}`);
    const modifiers = 1 | (p.shift ? 8 : 0);
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      modifiers,
      key,
      code: p.code,
      text: key,
      windowsVirtualKeyCode: 0,
    });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', modifiers, key, code: p.code });
  }
}

/** The program without its indentation: the editor indents and outdents by itself. */
const UNINDENTED = PROGRAM.split('\n')
  .map((l) => l.trimStart())
  .join('\n');

for (const layout of ['nepali-romanized', 'nepali-traditional']) {
  for (const style of ['pc', 'mac'] as const) {
    test(`${layout}, ${style === 'pc' ? 'PC (Alt)' : 'Mac (Option)'}: the program typed with the code-symbol rule runs`, async ({
      page,
    }) => {
      await openIde(page, { source: '' }, layout);
      await expect(page.getByTestId('typing-rule')).toBeVisible();
      await focusEditorEnd(page);
      await typeFixed(page, UNINDENTED, layout, style);
      await runAndExpect(page, OUTPUT);
    });
  }
}

test('Enter after every block-opening line starts a new, indented line (phonetic)', async ({ page }) => {
  await openIde(page, { source: '' });
  await focusEditorEnd(page);
  const openers = [
    'karya ph(ka)',
    'jabasamma satya',
    'harek i = 1 dekhi 3 samma',
    'dohoryau 2 patak',
    'yadi ka < 1 bhane',
  ];
  for (const opener of openers) {
    await pressUsKeys(page, `${opener}\nrok\n`);
  }
  await expect
    .poll(async () =>
      (await editorText(page))
        .split('\n')
        .filter((l) => l.trim() === 'रोक')
        .map((l) => l.match(/^ */)![0].length),
    )
    .toEqual([4, 8, 12, 16, 20]); // one level deeper after each opener
});

test('on a 390×844 phone: the symbol row types code symbols, keys are at least 44 px tall, phonetic letters compose', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await openIde(page, { source: '' });
  await page.getByTestId('keyboard-toggle').tap();
  const osk = page.getByTestId('on-screen-keyboard');
  await expect(osk).toBeVisible();
  const heights = await osk.locator('button').evaluateAll((b) => b.map((x) => x.getBoundingClientRect().height));
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The whole keyboard fits on the screen at once.
  await osk.scrollIntoViewIfNeeded();
  const box = (await osk.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(844.5); // sub-pixel rounding of scrollIntoView
  for (const key of ['KeyY', 'KeyA', 'KeyD', 'KeyI']) await osk.locator(`[data-code=${key}]`).tap();
  await expect(page.getByTestId('composition')).toBeVisible();
  await osk.locator('.osk-key-space').tap();
  for (const symbol of ['(', '[', '<', '/', '.', ']', ')']) {
    const button = osk.locator(`[data-symbol="${symbol}"]`);
    await button.scrollIntoViewIfNeeded();
    await button.tap();
  }
  await expect.poll(() => editorText(page)).toBe('यदि ([</.])');
  await page.screenshot({ path: 'test-results/phone-osk.png' });
  await context.close();
});

test('text fields type by sound with the same engine: stdin (the program reads it) and the sign-up name', async ({
  page,
}) => {
  await openIde(page, { source: 'देखाउ(पढ())\n' });
  await page.getByTestId('stdin').click();
  await pressUsKeys(page, 'namaste');
  const composition = page.locator('.ide-stdin').getByTestId('composition');
  await expect(composition).toBeVisible();
  await expect(composition.getByTestId('composition-latin')).toHaveText('namaste');
  await page.keyboard.press('Digit1'); // the first candidate
  await expect(page.getByTestId('stdin')).toHaveValue('नमस्ते');
  await expect(composition).toBeHidden();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('output-stdout')).toHaveText('नमस्ते', { timeout: 30_000 });

  await page.goto('/signup');
  await page.getByTestId('signup-name').click();
  await pressUsKeys(page, 'ramesh shreShTha');
  await page.getByTestId('signup-email').click(); // leaving the field keeps the word
  await expect(page.getByTestId('signup-name')).toHaveValue('रमेश श्रेष्ठ');
});

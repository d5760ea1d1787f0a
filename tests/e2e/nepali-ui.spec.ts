// The Nepali interface, page by page (signed out and signed in, with a run's result, an
// error from the API, the on-screen keyboard open): no English words in what the visitor sees
// or hears (visible text, aria-label, title, placeholder) other than the reviewed names below,
// and no ASCII digits in sizes, counts and times while the Latin-digits preference is off.
// The visitor's own code, program output and titles are theirs and are not looked at.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Names of technologies, keys and formats that stay in Latin letters in the Nepali interface. */
const ALLOWED_WORDS = new Set([
  'English', // the language switch names the language it switches to, in its own script
  'C',
  'CPU',
  'Ctrl',
  'Enter',
  'Tab',
  'Alt',
  'Esc',
  'Shift',
  'Space',
  'Option',
  'Mac',
  'GitHub',
  'JSON',
  'KiB',
  'MiB',
  'ABC', // the keyboard that types Latin letters, named by what it types
  'stdin',
  'stderr',
  'Unicode',
  'UTF',
]);
/** Key names in shortcuts ("Ctrl+M", "Alt+K"): one letter after a modifier. */
const SHORTCUT = /\b(?:Ctrl|Alt|Shift|Option|Cmd)\+(?:Shift\+)?[A-Z0-9]\b/g;
/** The keys the keyboards' hints show as what to type, up to the arrow to what they give
 *  ("namaste → नमस्ते", "n m s / t e → नमस्ते", "g d ; \\ t ] → नमस्ते"). */
const TYPED_EXAMPLE = /[A-Za-z;\\[\]/ ]+(?=→)/g;
/** A Latin-digits switch names the digits it switches to. */
const DIGITS_SWITCH = /0-9/g;

type Finding = { page: string; where: string; text: string; words: string[] };

/** Every piece of interface text on the page (visible text and the accessible attributes of
 *  rendered elements), minus the user's own content: code, program output, their titles. */
async function interfaceTexts(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const USER_CONTENT = [
      '.monaco-editor',
      '[data-testid=static-code]',
      '[data-testid=output-stdout]',
      '[data-testid=output-stderr]',
      '[data-testid=stdin]',
      '[data-user-content]', // names, titles and addresses the visitors gave
      // A key cap of the on-screen keyboard shows what it types and the physical key it sits on.
      '.osk-key[data-code]',
      'pre',
      'code',
      'script',
      'style',
      'noscript',
      'nextjs-portal',
    ].join(',');
    // Ours inside the program's output: the marker where the output limit cut it.
    const OURS_INSIDE_USER_CONTENT = '.output-cut';
    const isUserContent = (el: Element) => !!el.closest(USER_CONTENT) && !el.closest(OURS_INSIDE_USER_CONTENT);
    const out: { where: string; text: string }[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || isUserContent(el)) continue;
      // The guide's text is bilingual by design (docs/language.md); its links to the IDE are ours.
      if (el.closest('.prose') && !el.closest('.try-it')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      out.push({ where: describe(el), text });
    }
    // The tab's title: the page's name is ours (a program's own title is Nepali in this test).
    out.push({ where: 'document title', text: document.title });
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      // Monaco's own widgets are its vendor's; its input's name is ours (ariaLabel option).
      const ours = !isUserContent(el) || el.matches('.monaco-editor textarea');
      if (!ours) continue;
      const rendered = el.checkVisibility() || el.matches('.monaco-editor textarea');
      if (!rendered) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(attr)?.trim();
        if (v) out.push({ where: `${describe(el)}@${attr}`, text: v });
      }
    }
    return out;
  });
}

function audit(pagePath: string, texts: { where: string; text: string }[], latinDigitsAllowed: boolean) {
  const findings: Finding[] = [];
  for (const { where, text } of texts) {
    const stripped = text.replace(SHORTCUT, ' ').replace(TYPED_EXAMPLE, ' ').replace(DIGITS_SWITCH, ' ');
    const words = (stripped.match(/[A-Za-z][A-Za-z']*/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w));
    const digits = latinDigitsAllowed ? [] : (stripped.match(/[0-9]+/g) ?? []);
    if (words.length || digits.length) findings.push({ page: pagePath, where, text, words: [...words, ...digits] });
  }
  return findings;
}

const examples = (
  JSON.parse(readFileSync(path.join(process.cwd(), 'examples', 'index.json'), 'utf8')) as { slug: string }[]
).map((e) => e.slug);
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

test('the Nepali interface has no English words and no ASCII digits of its own', async ({ browser }) => {
  test.setTimeout(8 * 60_000);
  const context = await browser.newContext();
  await context.addInitScript(() => {
    try {
      localStorage.setItem('sajilo:ui-language', 'ne');
    } catch {
      /* a frame with no storage */
    }
  });
  const page = await context.newPage();
  const findings: Finding[] = [];
  const check = async (label: string, latinDigitsAllowed = false) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'ne');
    findings.push(...audit(label, await interfaceTexts(page), latinDigitsAllowed));
  };
  const visit = async (target: string) => {
    await page.goto(target);
    await expect(page.getByTestId('user-menu')).toHaveAttribute('data-signed-in', /true|false/, { timeout: 60_000 });
  };
  const editorReady = () =>
    expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 90_000 });
  const origin = () => ({ origin: new URL(page.url()).origin });

  // The IDE: as it opens, with the on-screen keyboard, then each kind of result.
  await visit('/');
  await editorReady();
  await check('/');
  await page.getByTestId('keyboard-toggle').click();
  await check('/ (on-screen keyboard)');
  await page.getByTestId('keyboard-toggle').click();
  // Each keyboard layout's hint.
  const layouts = page.locator('[data-testid=layout-switch] input[type=radio]');
  const initial = await page.locator('[data-testid=layout-switch] input:checked').getAttribute('value');
  const values = await layouts.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(values.length).toBeGreaterThan(1);
  for (const layout of [...values, initial]) {
    await page.locator(`[data-testid=layout-switch] input[value="${layout}"]`).check();
    await expect(page.getByTestId('typing-hint')).toHaveAttribute('data-layout', layout!);
    await check(`/ (${layout} keyboard)`);
  }
  const runShared = async (source: string, stdin = '') => {
    const res = await page.request.post('/api/snippets', {
      data: { title: 'जाँच', source, stdin },
      headers: origin(),
      timeout: 120_000, // the first write of a fresh server opens its database
    });
    expect(res.status()).toBe(201);
    await visit(`/s/${(await res.json()).id}`);
    await editorReady();
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('verdict')).toBeVisible({ timeout: 60_000 });
  };
  await runShared('देखाउ("नमस्ते")');
  await check('/s/<id> (ran: ok)');
  await runShared('देखाउ(');
  await check('/s/<id> (compile error)');
  await runShared('जबसम्म सत्य\n    देखाउ("धेरै धेरै धेरै धेरै धेरै धेरै धेरै धेरै धेरै")\nअन्त्य');
  await check('/s/<id> (output cut)');
  await expect(page.getByTestId('output-cut')).toBeVisible();
  await runShared('राख क = [१]\nदेखाउ(क[५])');
  await check('/s/<id> (runtime error)');
  // With the Latin-digits preference on, the result's numbers are in ASCII digits.
  await page.getByTestId('latin-digits').check();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-stats')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('run-stats')).toContainText(/[0-9]/);
  await expect(page.getByTestId('run-stats')).not.toContainText(/[०-९]/);
  await expect(page.getByTestId('runtime-error-link')).toContainText(/[0-9]/);
  await check('/s/<id> (runtime error, Latin digits)', true);

  await visit('/try');
  await editorReady();
  await check('/try');
  await visit('/examples');
  await check('/examples');
  await visit(`/examples/${examples[0]}`);
  await editorReady();
  await check(`/examples/${examples[0]}`);
  await visit('/guide');
  await check('/guide');
  await visit('/no-such-page');
  await check('/no-such-page');

  // Forms, and the API's own explanation of a refusal shown in them.
  await visit('/signin');
  await check('/signin');
  await page.getByTestId('signin-email').fill(`nobody-${unique()}@example.org`);
  await page.getByTestId('signin-password').fill('not the password');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 60_000 });
  await check('/signin (refused)');
  await visit('/signup');
  await check('/signup');
  await page.getByTestId('signup-name').fill('Jaanch');
  await page.getByTestId('signup-email').fill(`jaanch-${unique()}@example.org`);
  await page.getByTestId('signup-password').fill('password');
  await page.getByTestId('signup-submit').click();
  await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 60_000 });
  await check('/signup (weak password)');

  // Signed in: the IDE, /me with programs in it.
  await page.getByTestId('signup-password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
  await page.waitForURL((u) => u.pathname === '/', { timeout: 60_000 });
  await expect(page.getByTestId('user-menu')).toHaveAttribute('data-signed-in', 'true', { timeout: 60_000 });
  await editorReady();
  await check('/ (signed in)');
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-link')).toBeVisible({ timeout: 60_000 });
  await check('/ (signed in, shared)');
  for (const title of ['पहिलो', 'दोस्रो']) {
    const mine = await page.request.post('/api/snippets', {
      data: { title, source: 'देखाउ(१)\nदेखाउ(२)' },
      headers: origin(),
    });
    expect(mine.status()).toBe(201);
  }
  await visit('/me');
  await expect(page.getByTestId('snippet-row').nth(1)).toBeVisible();
  await expect(page.getByTestId('snippet-updated').first()).not.toBeEmpty();
  await check('/me');
  await page.getByTestId('rename-button').first().click();
  await expect(page.getByTestId('rename-dialog')).toBeVisible();
  await check('/me (rename)');

  expect(findings, 'English words or ASCII digits in the Nepali interface').toEqual([]);
  await context.close();
});

// The IDE's save model end to end (docs/ide.md, "The save model"): Save and Ctrl+S update my
// program in place, Save as new copies it, a stale save in a second tab lets me choose, Fork
// carries the edits, Share gives one link per content, /me renames, duplicates, deletes with
// undo, and shows Bikram Sambat dates in the Nepali interface.
import { expect, test, type Page, type Browser } from '@playwright/test';
import { pressUsKeys } from './typing-helpers';

const PROGRAM = '# बचत गर्ने प्रोग्राम\nदेखाउ("पहिलो")\n';
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const BS_MONTHS = [
  'बैशाख',
  'जेठ',
  'असार',
  'साउन',
  'श्रावण',
  'भदौ',
  'असोज',
  'कार्तिक',
  'मंसिर',
  'पुष',
  'पुस',
  'माघ',
  'फागुन',
  'फाल्गुण',
  'चैत',
];
const nepaliDigits = (n: number) => String(n).replace(/[0-9]/g, (d) => '०१२३४५६७८९'[Number(d)]);

async function signUp(page: Page, name: string) {
  await page.goto('/signup');
  await page.getByTestId('signup-name').fill(name);
  await page.getByTestId('signup-email').fill(`${name.toLowerCase()}-${unique()}@example.org`);
  await page.getByTestId('signup-password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
  await page.waitForURL((u) => u.pathname === '/');
  await expect(page.getByTestId('user-menu')).toHaveAttribute('data-signed-in', 'true', { timeout: 60_000 });
}

// Generous waits: on a loaded machine Monaco's chunks alone can take half a minute.
async function editorReady(page: Page) {
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 120_000 });
}

async function editorText(page: Page): Promise<string> {
  return (await page.locator('[data-testid=editor] .view-lines').innerText()).replace(/\u00a0/g, ' ');
}

async function replaceProgram(page: Page, text: string) {
  await page.bringToFront();
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain(text.trim().split('\n').pop()!);
}

async function appendLine(page: Page, line: string) {
  await page.bringToFront(); // two tabs of one browser: type into the one in front
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(`${line}\n`);
  await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain(line);
}

const idOf = (page: Page) => new URL(page.url()).pathname.slice(3);
const apiGet = async (page: Page, id: string) => (await page.request.get(`/api/snippets/${id}`)).json();

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('Ctrl+S saves a new program and links the editor; Save, Ctrl+S, the title and Save as new work in place', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await signUp(page, 'Ganga');
  await editorReady(page);
  await replaceProgram(page, PROGRAM);

  // Ctrl+S on the home page makes a program of mine and opens it: the editor is linked now.
  await page.keyboard.press('Control+S');
  await page.waitForURL((u) => /^\/s\/[0-9A-Za-z]{12}$/.test(u.pathname));
  const id = idOf(page);
  await editorReady(page);
  await expect(page.getByTestId('snippet-owner')).toHaveText('Ganga');
  await expect(page.getByTestId('title-input')).toHaveValue('बचत गर्ने प्रोग्राम');
  await expect(page.getByTestId('save-button')).toBeDisabled();
  expect(await apiGet(page, id)).toMatchObject({ source: PROGRAM, version: 1 });

  // Ctrl+S in the editor updates it in place.
  await appendLine(page, 'देखाउ("दोस्रो")');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('snippet-status')).toHaveText(/सेभ भयो|Saved/);
  await expect.poll(async () => (await apiGet(page, id)).version).toBe(2);
  expect((await apiGet(page, id)).source).toContain('देखाउ("दोस्रो")');
  expect(idOf(page)).toBe(id);

  // The title is typed by sound with real keys, as every text field is; Enter while its last
  // word is still being composed puts the word in first, then saves.
  await page.getByTestId('title-input').click();
  await page.keyboard.press('Control+A');
  await pressUsKeys(page, 'mero kaam');
  await expect(page.getByTestId('title-input')).toHaveValue('मेरो ');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('title-input')).toHaveValue('मेरो काम');
  await expect.poll(async () => (await apiGet(page, id)).title).toBe('मेरो काम');
  await pressUsKeys(page, ' ghar'); // Ctrl+S while a word is composed: the word is saved too
  await page.keyboard.press('Control+S');
  await expect.poll(async () => (await apiGet(page, id)).title).toBe('मेरो काम घर');

  // The title is edited in place; Enter saves it.
  await page.getByTestId('title-input').fill('मेरो बचत');
  await page.getByTestId('title-input').press('Enter');
  await expect.poll(async () => (await apiGet(page, id)).title).toBe('मेरो बचत');

  // Ctrl+S outside the editor (in the input box) saves too; the Save button as well.
  await page.getByTestId('stdin').fill('१२');
  await page.getByTestId('stdin').press('Control+S');
  await expect.poll(async () => (await apiGet(page, id)).stdin).toBe('१२');
  await appendLine(page, 'देखाउ("तेस्रो")');
  await page.getByTestId('save-button').click();
  await expect.poll(async () => (await apiGet(page, id)).source).toContain('तेस्रो');
  const savedVersion = (await apiGet(page, id)).version;

  // An edit not saved: the page says so and can go back to the saved version.
  await appendLine(page, 'देखाउ("नचाहिने")');
  await expect(page.getByTestId('draft-notice')).toBeVisible();
  await page.getByTestId('reset-button').click();
  await expect.poll(() => editorText(page)).not.toContain('नचाहिने');
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);

  // Save as new: a copy with what the editor shows; the original stays as it was.
  await appendLine(page, 'देखाउ("प्रतिमा मात्र")');
  await page.getByTestId('save-as-new-button').click();
  await page.waitForURL((u) => u.pathname.startsWith('/s/') && u.pathname !== `/s/${id}`);
  const copyId = idOf(page);
  await editorReady(page);
  expect(await apiGet(page, copyId)).toMatchObject({ title: 'मेरो बचत', version: 1, owner: { name: 'Ganga' } });
  expect((await apiGet(page, copyId)).source).toContain('प्रतिमा मात्र');
  const original = await apiGet(page, id);
  expect(original.version).toBe(savedVersion);
  expect(original.source).not.toContain('प्रतिमा मात्र');
});

test('a stale save from a second tab shows both versions; keeping mine saves over, nothing lost', async ({
  page,
  context,
}) => {
  test.setTimeout(360_000);
  await signUp(page, 'Hira');
  const res = await page.request.post('/api/snippets', { data: { title: 'दुई ट्याब', source: PROGRAM } });
  const { id } = await res.json();
  const other = await context.newPage();
  await Promise.all([page.goto(`/s/${id}`), other.goto(`/s/${id}`)]);
  await editorReady(page);
  await editorReady(other);

  await appendLine(page, 'देखाउ("पहिलो ट्याब")');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('snippet-status')).toHaveText(/सेभ भयो|Saved/);

  await appendLine(other, 'देखाउ("दोस्रो ट्याब")');
  await other.keyboard.press('Control+S');
  const chooser = other.getByTestId('save-conflict');
  await expect(chooser).toBeVisible();
  await expect(chooser.getByTestId('conflict-theirs')).toContainText('पहिलो ट्याब');
  await expect(chooser.getByTestId('conflict-mine')).toContainText('दोस्रो ट्याब');
  expect((await apiGet(page, id)).source).not.toContain('दोस्रो ट्याब'); // refused, not merged silently
  await expect.poll(() => editorText(other)).toContain('दोस्रो ट्याब'); // and still here

  await chooser.getByTestId('conflict-keep-mine').click();
  await expect(chooser).toHaveCount(0);
  await expect.poll(async () => (await apiGet(page, id)).version).toBe(3);
  expect((await apiGet(page, id)).source).toContain('दोस्रो ट्याब');

  // The first tab is stale now: it can open the saved version instead.
  await appendLine(page, 'देखाउ("फेरि")');
  await page.getByTestId('save-button').click();
  await page.getByTestId('conflict-take-theirs').click();
  await expect.poll(() => editorText(page)).toContain('दोस्रो ट्याब');
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);
});

test('signed out, Fork carries my edits; an edited page says so and resets to the shared version', async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const a = await freshPage(browser);
  await signUp(a.page, 'Indira');
  const { id } = await (await a.page.request.post('/api/snippets', { data: { title: 'मूल', source: PROGRAM } })).json();

  const b = await freshPage(browser);
  await b.page.goto(`/s/${id}`);
  await editorReady(b.page);
  await expect(b.page.getByTestId('draft-notice')).toHaveCount(0);
  await appendLine(b.page, 'देखाउ("मेरो थप")');
  await expect(b.page.getByTestId('draft-notice')).toBeVisible();
  // The draft survives a reload, and the notice with it.
  await b.page.waitForTimeout(500); // the draft saves 300 ms after the last change
  await b.page.reload();
  await editorReady(b.page);
  await expect.poll(() => editorText(b.page)).toContain('मेरो थप');
  await expect(b.page.getByTestId('draft-notice')).toBeVisible();
  await b.page.getByTestId('reset-button').click();
  await expect.poll(() => editorText(b.page)).not.toContain('मेरो थप');

  await appendLine(b.page, 'देखाउ("फोर्कमा जाने")');
  await b.page.getByTestId('fork-button').click();
  await b.page.waitForURL((u) => u.pathname.startsWith('/s/') && u.pathname !== `/s/${id}`);
  const forkId = idOf(b.page);
  await editorReady(b.page);
  await expect.poll(() => editorText(b.page)).toContain('फोर्कमा जाने');
  await expect(b.page.getByTestId('draft-notice')).toHaveCount(0);
  const fork = await apiGet(b.page, forkId);
  expect(fork).toMatchObject({ forkedFrom: id, owner: null });
  expect(fork.source).toContain('फोर्कमा जाने');
  expect((await apiGet(b.page, id)).source).toBe(PROGRAM);

  // The original page holds no leftover draft: the edits went into the fork.
  await b.page.goto(`/s/${id}`);
  await editorReady(b.page);
  await expect.poll(() => editorText(b.page)).not.toContain('फोर्कमा जाने');
  await expect(b.page.getByTestId('draft-notice')).toHaveCount(0);
  await Promise.all([a.context.close(), b.context.close()]);
});

test('Share is a snapshot: the same code gives the same link, copied to the clipboard; changed code a new one', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await editorReady(page);
  const text = `# झलक ${unique()}\nदेखाउ("एक")\n`;
  await replaceProgram(page, text);

  await page.getByTestId('share-button').click();
  const first = await page.getByTestId('share-link').inputValue();
  expect(first).toMatch(/\/s\/[0-9A-Za-z]{12}$/);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-link')).toHaveValue(first);

  // A change: the box says the link no longer shows what is on screen; sharing gives a new one.
  await appendLine(page, 'देखाउ("दुई")');
  await expect(page.getByTestId('share-stale')).toBeVisible();
  await expect(page.getByTestId('share-link')).toHaveCount(0);
  await page.getByTestId('share-button').click();
  const second = await page.getByTestId('share-link').inputValue();
  expect(second).not.toBe(first);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(second);

  // The first link still shows the code as it was shared.
  const snapshot = await (await page.request.get(`/api/snippets/${new URL(first).pathname.slice(3)}`)).json();
  expect(snapshot.source).toBe(text);
  await context.close();
});

test('/me: preview, Bikram Sambat dates in Nepali, rename, duplicate, delete with undo', async ({ page }) => {
  test.setTimeout(300_000);
  await signUp(page, 'Janaki');
  const make = async (title: string, line: string) =>
    (await (await page.request.post('/api/snippets', { data: { title, source: `# ${title}\n${line}\n` } })).json())
      .id as string;
  const one = await make('पहिलो', 'देखाउ("एक")');
  const two = await make('दोस्रो', 'देखाउ("दुई")');
  const row = (id: string) => page.locator(`[data-testid=snippet-row][data-id="${id}"]`);

  await page.goto('/me');
  await expect(page.getByTestId('snippet-row')).toHaveCount(2);
  await expect(row(one).getByTestId('snippet-preview')).toHaveText('देखाउ("एक")');
  await expect(row(one).getByTestId('open-button')).toHaveAttribute('href', `/s/${one}`);

  // The date: Bikram Sambat (Gregorian year + 56 or 57) in Nepali digits with a Nepali month name.
  const year = new Date().getFullYear();
  const date = row(one).getByTestId('snippet-updated');
  await expect(date).not.toHaveText('');
  const shown = await date.innerText();
  expect(shown).not.toMatch(/[0-9]/);
  expect([nepaliDigits(year + 56), nepaliDigits(year + 57)].some((y) => shown.includes(y))).toBe(true);
  expect(BS_MONTHS.some((m) => shown.includes(m))).toBe(true);

  // Rename.
  await row(one).getByTestId('rename-button').click();
  await page.getByTestId('rename-dialog-input').fill('नयाँ नाम');
  await page.getByTestId('rename-dialog-save').click();
  await expect(row(one).getByTestId('snippet-title')).toHaveText('नयाँ नाम');

  // Duplicate: a third program, titled as a copy, with the same code.
  await row(two).getByTestId('duplicate-button').click();
  await expect(page.getByTestId('snippet-row')).toHaveCount(3);
  const copy = page.getByTestId('snippet-row').filter({ hasText: 'दोस्रो (प्रति)' });
  await expect(copy).toHaveCount(1);
  const copyId = (await copy.getAttribute('data-id'))!;
  expect((await apiGet(page, copyId)).source).toBe((await apiGet(page, two)).source);

  // Delete, then undo from the toast: it comes back whole.
  await row(two).getByTestId('delete-button').click();
  await expect(row(two)).toHaveCount(0);
  expect((await page.request.get(`/api/snippets/${two}`)).status()).toBe(404);
  await page.getByTestId('undo-toast').getByTestId('undo-button').click();
  await expect(row(two)).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('snippet-row')).toHaveCount(3);
  expect((await apiGet(page, two)).source).toContain('देखाउ("दुई")');

  // A delete left alone stays deleted.
  await row(copyId).getByTestId('delete-button').click();
  await expect(page.getByTestId('undo-toast')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('snippet-row')).toHaveCount(2);

  // The English interface shows Gregorian dates.
  await page.evaluate(() => localStorage.setItem('sajilo:ui-language', 'en'));
  await page.reload();
  await expect(row(one).getByTestId('snippet-updated')).toContainText(String(year));
});

test('signing in offers to save the draft written while signed out', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await editorReady(page);
  const text = `# मस्यौदा ${unique()}\nदेखाउ("बाँकी")\n`;
  await replaceProgram(page, text);
  await page.waitForTimeout(500); // the draft saves 300 ms after the last change
  await signUp(page, 'Kamala');
  await expect(page.getByTestId('draft-offer')).toBeVisible();
  await page.getByTestId('draft-offer-save').click();
  await page.waitForURL((u) => u.pathname.startsWith('/s/'));
  expect((await apiGet(page, idOf(page))).source).toBe(text);
  await page.goto('/me');
  await expect(page.getByTestId('snippet-row')).toHaveCount(1);
});

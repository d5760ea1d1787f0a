// Accounts and share links end to end: sign up, write a program, share it, open the link in a
// fresh signed-out browser, run it, sign up as someone else, fork it, see it in /me.
import { expect, test, type Page, type Browser } from '@playwright/test';

const PROGRAM = '# साथीलाई नमस्ते\nदेखाउ("नमस्ते, साथी!")\n';
const OUTPUT = 'नमस्ते, साथी!';
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function signUp(page: Page, name: string, callbackUrl?: string) {
  const email = `${/^[a-z]+$/i.test(name) ? name.toLowerCase() : 'user'}-${unique()}@example.org`;
  await page.goto(callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/signup');
  await page.getByTestId('signup-name').fill(name);
  await page.getByTestId('signup-email').fill(email);
  await page.getByTestId('signup-password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
  await page.waitForURL((u) => u.pathname === (callbackUrl ?? '/'));
  await expect(page.getByTestId('user-menu')).toHaveAttribute('data-signed-in', 'true');
  await expect(page.getByTestId('user-name')).toHaveText(name);
  return email;
}

async function editorReady(page: Page) {
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 30_000 });
}

async function editorText(page: Page): Promise<string> {
  return (await page.locator('[data-testid=editor] .view-lines').innerText()).replace(/\u00a0/g, ' ');
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('save a program, share a snapshot, open it signed out, run it, fork it as another user, find it in /me', async ({
  browser,
}) => {
  test.setTimeout(180_000);

  // Aruna signs up and writes a program.
  const a = await freshPage(browser);
  await signUp(a.page, 'Aruna');
  await editorReady(a.page);
  await a.page.locator('[data-testid=editor] .view-lines').click();
  await a.page.keyboard.press('Control+A');
  await a.page.keyboard.insertText(PROGRAM);
  await expect.poll(() => editorText(a.page)).toContain('देखाउ("नमस्ते, साथी!")');

  // She saves it (Ctrl+S): a program of hers, and the editor is linked to it.
  await a.page.keyboard.press('Control+S');
  await a.page.waitForURL((u) => /^\/s\/[0-9A-Za-z]{12}$/.test(u.pathname));
  const id = new URL(a.page.url()).pathname.slice(3);
  await editorReady(a.page);

  // She shares it and gets a short link: a snapshot of what she sees, ownerless and immutable.
  await a.page.getByTestId('share-button').click();
  const link = await a.page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/\/s\/[0-9A-Za-z]{12}$/);
  const path = new URL(link).pathname;
  expect(path).not.toBe(`/s/${id}`);

  // The link in a fresh browser, signed out: the program, the preview tags, no Save.
  const b = await freshPage(browser);
  await b.page.goto(link);
  await expect(b.page.getByTestId('user-menu')).toHaveAttribute('data-signed-in', 'false');
  await editorReady(b.page);
  await expect.poll(() => editorText(b.page)).toContain('देखाउ("नमस्ते, साथी!")');
  await expect(b.page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'साथीलाई नमस्ते');
  await expect(b.page.locator('meta[property="og:description"]')).toHaveAttribute('content', /देखाउ\("नमस्ते, साथी!"\)/);
  await expect(b.page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
  await expect(b.page.getByTestId('snippet-owner')).toHaveText('बेनामी');
  await expect(b.page.getByTestId('save-button')).toHaveCount(0);

  // It runs.
  await b.page.getByTestId('run-button').click();
  await expect(b.page.getByTestId('output-stdout')).toContainText(OUTPUT, { timeout: 60_000 });

  // Bikash signs up from there, comes back to the link and forks it.
  await signUp(b.page, 'Bikash', path);
  await editorReady(b.page);
  await b.page.getByTestId('fork-button').click();
  await b.page.waitForURL((u) => u.pathname.startsWith('/s/') && u.pathname !== path);
  const forkId = new URL(b.page.url()).pathname.slice(3);
  await expect(b.page.getByTestId('snippet-owner')).toHaveText('Bikash');
  await expect(b.page.getByTestId('snippet-forked-from')).toHaveAttribute('href', path);
  await expect(b.page.getByTestId('save-button')).toBeVisible(); // his own now
  await editorReady(b.page);
  await expect.poll(() => editorText(b.page)).toContain('देखाउ("नमस्ते, साथी!")');

  // The fork is in Bikash's /me, not Aruna's; Aruna's original is in hers.
  await b.page.goto('/me');
  const rowsB = b.page.getByTestId('snippet-row');
  await expect(rowsB).toHaveCount(1);
  await expect(rowsB.first()).toHaveAttribute('data-id', forkId);
  await expect(rowsB.first().getByTestId('snippet-title')).toHaveText('साथीलाई नमस्ते');

  await a.page.goto('/me');
  const rowsA = a.page.getByTestId('snippet-row');
  await expect(rowsA).toHaveCount(1);
  await expect(rowsA.first()).toHaveAttribute('data-id', id);

  // Bikash cannot change Aruna's snippet through the API either.
  const res = await b.page.request.patch(`/api/snippets/${id}`, { data: { source: 'x', version: 1 } });
  expect(res.status()).toBe(403);

  // Signed out, /me sends you to sign in.
  const c = await freshPage(browser);
  await c.page.goto('/me');
  await expect(c.page).toHaveURL(/\/signin\?callbackUrl=%2Fme|\/signin\?callbackUrl=\/me/);

  await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
});

test('wrong password is refused; signing in and out works', async ({ page }) => {
  const email = await signUp(page, 'Chandra');
  await page.getByTestId('signout-button').click();
  await expect(page.getByTestId('user-menu')).toHaveAttribute('data-signed-in', 'false');
  await page.goto('/signin');
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill('not the password');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('auth-error')).toBeVisible();
  await page.getByTestId('signin-password').fill('correct horse battery');
  await page.getByTestId('signin-submit').click();
  await page.waitForURL((u) => u.pathname === '/');
  await expect(page.getByTestId('user-menu')).toHaveAttribute('data-signed-in', 'true');
});

test('the owner saves changes; a stale save is refused and keeps the edits; /me renames and deletes', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, 'Devi');
  // Two programs shared through the API with the browser's own session cookie.
  const make = async (title: string) => {
    const res = await page.request.post('/api/snippets', { data: { title, source: `# ${title}\nदेखाउ("${title}")\n` } });
    expect(res.status()).toBe(201);
    return (await res.json()) as { id: string; url: string; version: number };
  };
  const one = await make('पहिलो');
  const two = await make('दोस्रो');

  // Save: edit in the editor, press Save, the API shows the new source.
  await page.goto(`/s/${one.id}`);
  await editorReady(page);
  await expect(page.getByTestId('save-button')).toBeDisabled(); // nothing changed yet
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('देखाउ("थप")\n');
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('snippet-status')).toHaveText(/सेभ भयो|Saved/);
  const saved = await (await page.request.get(`/api/snippets/${one.id}`)).json();
  expect(saved.version).toBe(2);
  expect(saved.source).toContain('देखाउ("थप")');

  // Someone (another tab) saves version 3; this page still thinks 2: its save gets 409.
  expect(
    (await page.request.patch(`/api/snippets/${one.id}`, { data: { title: 'अर्को ट्याब', version: 2 } })).status(),
  ).toBe(200);
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('देखाउ("हराउँदैन")\n');
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('snippet-status')).toHaveText(/अर्कै ठाउँमा|changed elsewhere/);
  await expect.poll(() => editorText(page)).toContain('हराउँदैन'); // the edits are still here
  const after = await (await page.request.get(`/api/snippets/${one.id}`)).json();
  expect(after.version).toBe(3);
  expect(after.source).not.toContain('हराउँदैन');

  // /me: rename one, delete the other.
  await page.goto('/me');
  await expect(page.getByTestId('snippet-row')).toHaveCount(2);
  // Rename is a dialog whose field types Nepali by sound (phonetic is the default layout).
  await page.locator(`[data-testid=snippet-row][data-id="${one.id}"]`).getByTestId('rename-button').click();
  const renameDialog = page.getByTestId('rename-dialog');
  await expect(renameDialog).toBeVisible();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('nayaaMM naam');
  await expect(renameDialog.getByTestId('composition')).toBeVisible();
  await page.keyboard.press('Enter'); // commits नाम and saves
  await expect(renameDialog).toBeHidden();
  await expect(page.locator(`[data-testid=snippet-row][data-id="${one.id}"]`).getByTestId('snippet-title')).toHaveText(
    'नयाँ नाम',
  );
  page.once('dialog', (d) => void d.accept());
  await page.locator(`[data-testid=snippet-row][data-id="${two.id}"]`).getByTestId('delete-button').click();
  await expect(page.getByTestId('snippet-row')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('snippet-row')).toHaveCount(1);
  await expect(page.getByTestId('snippet-title')).toHaveText('नयाँ नाम');
  expect((await page.request.get(`/api/snippets/${two.id}`)).status()).toBe(404);
});

test('sign-up says why a weak password is refused; signing out ends a session cookie copied before', async ({
  page,
  context,
  browser,
}) => {
  const email = `weak-${unique()}@example.org`;
  await page.goto('/signup');
  await page.getByTestId('signup-email').pressSequentially(email);
  await page.getByTestId('signup-password').pressSequentially('12345678');
  await page.getByTestId('signup-submit').click();
  await expect(page.getByTestId('auth-error')).toContainText('पासवर्ड कमजोर');
  await page.getByTestId('signup-password').fill('');
  await page.getByTestId('signup-password').pressSequentially('        ');
  await page.getByTestId('signup-submit').click();
  await expect(page.getByTestId('auth-error')).toContainText('खाली ठाउँ बाहेक');
  await page.getByTestId('signup-password').fill('');
  await page.getByTestId('signup-password').pressSequentially('correct horse battery');
  await page.getByTestId('signup-submit').click();
  await page.waitForURL((u) => u.pathname === '/');
  await expect(page.getByTestId('user-menu')).toHaveAttribute('data-signed-in', 'true');

  const copied = (await context.cookies()).filter((c) => c.name.endsWith('next-auth.session-token'));
  expect(copied).toHaveLength(1);
  await page.getByTestId('signout-button').click();
  await expect(page.getByTestId('user-menu')).toHaveAttribute('data-signed-in', 'false');

  // Another browser holding the copy is signed out too.
  const other = await browser.newContext();
  await other.addCookies(copied);
  const thief = await other.newPage();
  await thief.goto('/me');
  await expect(thief).toHaveURL(/\/signin/);
  await other.close();
});

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('signed in: the name shows whole, links to my programs, the header fits', async ({ page }) => {
    await signUp(page, 'सीता श्रेष्ठ');
    const name = page.getByTestId('user-name');
    // Not cut short by the ellipsis (it was two letters and "...").
    expect(await name.evaluate((n) => n.scrollWidth <= n.clientWidth)).toBe(true);
    // One line each: the link and Sign out are no taller than a button.
    for (const id of ['my-programs-link', 'signout-button']) {
      expect((await page.getByTestId(id).boundingBox())!.height).toBeLessThan(48);
    }
    await expect(page.getByTestId('my-programs-link')).toHaveAccessibleName(/सीता श्रेष्ठ · मेरा प्रोग्रामहरू/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('my-programs-link').click();
    await page.waitForURL((u) => u.pathname === '/me');
  });
});

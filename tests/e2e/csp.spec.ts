// Every page under the real Content-Security-Policy, in Chromium: no CSP violation, no console
// error, no uncaught exception anywhere, while the IDE does its real work (Monaco and its
// worker load, typing, Run, sharing, the shared page, the guide, the examples, sign-in).
import { expect, test, type Page } from '@playwright/test';

type Problem = { page: string; kind: string; text: string };

/** Collects CSP violations (from the page and its workers' console), console errors and
 *  uncaught exceptions for the lifetime of `page`. */
function watch(page: Page): Problem[] {
  const problems: Problem[] = [];
  const where = () => new URL(page.url()).pathname;
  page.on('console', (m) => {
    // The one expected error: the browser reports the 404 of a page that does not exist.
    if (where() === '/no-such-page' && /status of 404/.test(m.text())) return;
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) {
      problems.push({ page: where(), kind: `console.${m.type()}`, text: m.text() });
    }
  });
  page.on('pageerror', (e) => problems.push({ page: where(), kind: 'exception', text: String(e) }));
  page.on('worker', (w) =>
    w.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) {
        problems.push({ page: where(), kind: 'worker console', text: m.text() });
      }
    }),
  );
  return problems;
}

/** Also catches violations no console line reports (securitypolicyviolation events). */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []);

async function editorReady(page: Page) {
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 30_000 });
}

test('every page works under the CSP with no violation and no console error', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watch(page);
  await recordViolations(page);
  const seen: string[] = [];
  const check = async () => {
    seen.push(...(await violations(page)).map((v) => `${new URL(page.url()).pathname}: ${v}`));
    const csp = await page.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')));
    expect(csp, 'the page is served with a CSP').toContain("'nonce-");
  };

  // The IDE: the editor loads (Monaco, its styles and its worker), typing works, Run works.
  await page.goto('/');
  await editorReady(page);
  await page.locator('[data-testid=layout-switch] input[value=off]').check(); // keys type what they say
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('देखाउ("CSP ठीक छ")');
  await page.keyboard.press('Escape');
  await expect
    .poll(async () => (await page.locator('[data-testid=editor] .view-lines').innerText()).replace(/\u00a0/g, ' '))
    .toContain('देखाउ("CSP ठीक छ")');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ok', { timeout: 60_000 });
  await expect(page.getByTestId('output-stdout')).toHaveText('CSP ठीक छ');
  await check();

  // Sharing it, then the shared page (link preview metadata, the same editor, Run).
  const share = await page.request.post('/api/snippets', {
    data: { title: 'CSP', source: 'देखाउ("साझा")' },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(share.status()).toBe(201);
  const { id } = await share.json();
  await page.goto(`/s/${id}`);
  await editorReady(page);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('output-stdout')).toHaveText('साझा', { timeout: 60_000 });
  await check();

  for (const path of ['/guide', '/examples', '/try', '/signin', '/signup', '/me', '/no-such-page']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await check();
  }
  await page.goto('/examples');
  const example = await page.locator('a[href^="/examples/"]').first().getAttribute('href');
  expect(example).toBeTruthy();
  await page.goto(example!);
  await editorReady(page);
  await check();

  expect(seen, 'CSP violations').toEqual([]);
  expect(problems, 'console errors, CSP reports and exceptions').toEqual([]);
});

test('injected markup cannot run script: the policy is really enforced', async ({ page }) => {
  const problems = watch(page);
  await recordViolations(page);
  await page.goto('/guide');
  await expect(page.locator('main')).toBeVisible();
  // The classic XSS payload (an event-handler attribute), and a parser-inserted inline script.
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<img src="data:," onload="window.__injected = 1" onerror="window.__injected = 1">';
    document.body.append(div);
  });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  expect((await violations(page)).join('\n')).toMatch(/script-src/);
  expect(problems.some((p) => /Content Security Policy/.test(p.text))).toBe(true);
});

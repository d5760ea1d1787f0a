// Every page, in both interface languages and both themes, with no console error, no uncaught
// exception (React's hydration errors are among them: #418 and its kin, in production as
// uncaught errors) and no failed request. Each pass runs the browser in a time zone and a locale
// other than the server's (UTC), as a visitor from Nepal or abroad would: what the server
// renders must not depend on either, or hydration reports a mismatch.
// The only exceptions, each deliberate:
//  - the 404 page's own document answers 404, which Chromium logs as a failed resource;
//  - requests the browser cancels because the test navigates away (ERR_ABORTED while leaving
//    a page): the page did not fail, it was left. Not a run's `POST /api/run`: the test leaves
//    a page only once its runs' requests have ended, so a run's request is never cut;
//  - Next's link prefetches (`?_rsc=`) the browser cancels (ERR_ABORTED): Chromium reports the
//    cancel when the page is left, sometimes after the next page has loaded; nothing was shown
//    to anyone, and a prefetch that really fails is still a failure;
//  - the same late cancel of a static chunk (`GET /_next/static/…`, ERR_ABORTED): the live
//    check's Web Worker loads its script while the editor starts, and leaving the page ends the
//    worker and its load; Chromium may report it once the next page is showing. A chunk that is
//    missing or broken answers 404/500, which the response check below still counts.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Problem = { page: string; kind: string; text: string };

const examples = (
  JSON.parse(readFileSync(path.join(process.cwd(), 'examples', 'index.json'), 'utf8')) as { slug: string }[]
).map((e) => e.slug);
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const NOT_FOUND = '/no-such-page';

function watch(page: Page) {
  const problems: Problem[] = [];
  let leaving = false;
  const where = () => {
    try {
      return new URL(page.url()).pathname;
    } catch {
      return page.url();
    }
  };
  page.on('console', (m) => {
    // A hydration mismatch React only warns about (attributes) is one too.
    if (m.type() === 'warning' && /hydrat/i.test(m.text())) {
      problems.push({ page: where(), kind: 'console.warning', text: m.text() });
      return;
    }
    if (m.type() !== 'error') return;
    if (where() === NOT_FOUND && /status of 404/.test(m.text())) return;
    problems.push({ page: where(), kind: 'console.error', text: m.text() });
  });
  page.on('pageerror', (e) => problems.push({ page: where(), kind: 'exception', text: String(e) }));
  page.on('requestfailed', (r) => {
    const failure = r.failure()?.errorText ?? '';
    const runRequest = r.method() === 'POST' && new URL(r.url()).pathname === '/api/run';
    if (leaving && /ERR_ABORTED/.test(failure) && !runRequest) return;
    if (/ERR_ABORTED/.test(failure) && new URL(r.url()).searchParams.has('_rsc')) return;
    if (/ERR_ABORTED/.test(failure) && r.method() === 'GET' && new URL(r.url()).pathname.startsWith('/_next/static/'))
      return;
    problems.push({ page: where(), kind: 'request failed', text: `${r.method()} ${r.url()}: ${failure}` });
  });
  page.on('response', (r) => {
    if (r.status() < 400) return;
    const url = new URL(r.url());
    if (url.pathname === NOT_FOUND && r.status() === 404) return;
    problems.push({ page: where(), kind: `HTTP ${r.status()}`, text: `${r.request().method()} ${r.url()}` });
  });
  const visit = async (target: string) => {
    leaving = true;
    await page.goto(target);
    leaving = false;
    // Hydrated and effects run: the header's account menu has asked for the session.
    await expect(page.getByTestId('user-menu')).toHaveAttribute('data-signed-in', /true|false/, { timeout: 60_000 });
  };
  /** A navigation the page makes itself (a form that redirects): leaving it is expected too. */
  const navigating = async (act: () => Promise<void>) => {
    leaving = true;
    await act();
    leaving = false;
  };
  return { problems, visit, navigating };
}

async function editorReady(page: Page) {
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('static-code')).toHaveCount(0);
}

// Each page in both interface languages and in both themes: two passes cover all four values
// (a page's language and theme do not depend on each other), at half the time of all pairs.
for (const [lang, theme, timezoneId, locale] of [
  ['ne', 'light', 'Asia/Kathmandu', 'ne-NP'],
  ['en', 'dark', 'America/Los_Angeles', 'en-US'],
] as const) {
  test(`every page is clean: interface ${lang}, theme ${theme}, ${timezoneId}`, async ({ browser }) => {
    test.setTimeout(12 * 60_000); // about 12 minutes a pass on the loaded machine (docs/ide.md)
    const context = await browser.newContext({ timezoneId, locale });
    await context.addInitScript(
      ([l, t]) => {
        try {
          localStorage.setItem('sajilo:ui-language', l);
          localStorage.setItem('sajilo:theme', t);
        } catch {
          /* a frame with no storage (about:blank): nothing to set */
        }
      },
      [lang, theme] as const,
    );
    const page = await context.newPage();
    const { problems, visit, navigating } = watch(page);
    const applied = async () => {
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    };

    // The IDE, and a run (no aborted-request noise from running).
    await visit('/');
    await applied();
    await editorReady(page);
    for (let i = 0; i < 2; i++) {
      // The run's request must end by itself (never aborted by the IDE); the test then leaves.
      const finished = page.waitForEvent('requestfinished', {
        predicate: (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/run',
        timeout: 60_000,
      });
      await page.getByTestId('run-button').click();
      await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ok', { timeout: 60_000 });
      await finished;
      await expect(page.getByTestId('run-button')).toBeVisible();
    }

    await visit('/try?code=' + encodeURIComponent('देखाउ("प्रयास")'));
    await editorReady(page);
    await visit('/try');
    await editorReady(page);

    await visit('/examples');
    await applied();
    await expect(page.getByTestId('examples').getByRole('listitem')).toHaveCount(examples.length);
    for (const slug of examples) {
      await visit(`/examples/${slug}`);
      await editorReady(page);
    }
    await visit('/guide');
    await applied();

    const shared = await page.request.post('/api/snippets', {
      data: { title: 'सफा', source: 'देखाउ("सफा")' },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(shared.status()).toBe(201);
    await visit(`/s/${(await shared.json()).id}`);
    await editorReady(page);

    await visit('/signin');
    await visit(NOT_FOUND);
    await applied();

    // Signed in: sign-up, then /me with a program of one's own in it.
    await visit('/signup');
    await page.getByTestId('signup-name').fill('Sapha');
    await page.getByTestId('signup-email').fill(`sapha-${unique()}@example.org`);
    await page.getByTestId('signup-password').fill('correct horse battery');
    await navigating(async () => {
      await page.getByTestId('signup-submit').click();
      await page.waitForURL((u) => u.pathname === '/', { timeout: 60_000 });
    });
    await expect(page.getByTestId('user-menu')).toHaveAttribute('data-signed-in', 'true', { timeout: 60_000 });
    const mine = await page.request.post('/api/snippets', {
      data: { title: 'मेरो', source: 'देखाउ(१)' },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(mine.status()).toBe(201);
    await visit('/me');
    await applied();
    await expect(page.getByTestId('snippet-row')).toHaveCount(1);
    await expect(page.getByTestId('snippet-updated')).not.toBeEmpty(); // the date, formatted after hydration

    expect(problems, 'console errors, exceptions and failed requests').toEqual([]);
    await context.close();
  });
}

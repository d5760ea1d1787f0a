// A shared link holding a hostile program must not freeze the visitor's tab: the live check
// runs the front end in a Web Worker, so the page's main thread stays free while it works, and
// its answer (at most a hundred markers) still arrives.
import { expect, test, type Page } from '@playwright/test';
import { atSigns, KIB, longMisspeltName } from '../support/worst-case-sources';

/** Records the longest gap between main-thread timer ticks from page start (window.__longestStall). */
async function watchMainThread(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longestStall: number; __stallWatchFrom: number };
    w.__longestStall = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      if (now >= w.__stallWatchFrom) w.__longestStall = Math.max(w.__longestStall, now - last);
      last = now;
    }, 20);
    w.__stallWatchFrom = Number.POSITIVE_INFINITY;
  });
}

async function shareAnonymously(page: Page, source: string): Promise<string> {
  const res = await page.request.post('/api/snippets', { data: { title: 'भारी', source } });
  expect(res.status()).toBe(201);
  return (await res.json()).id as string;
}

for (const [name, source, marker] of [
  ['64 KiB with one long misspelt name', longMisspeltName(64 * KIB), 'squiggly-error'],
  ['64 KiB of @', atSigns(64 * KIB), 'squiggly-error'],
] as const) {
  test(`opening a shared link to ${name} leaves the tab responsive`, async ({ page }) => {
    test.setTimeout(120_000);
    const id = await shareAnonymously(page, source);
    await watchMainThread(page);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(`/s/${id}`);
    await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 60_000 });
    // From here on (the editor has its text and the live check starts) the main thread is watched.
    await page.evaluate(() => { (window as unknown as { __stallWatchFrom: number }).__stallWatchFrom = performance.now(); });
    // While the check runs, the page answers and typing reaches the screen.
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      await page.evaluate(() => 1);
      expect(Date.now() - started).toBeLessThan(1000);
      await page.waitForTimeout(100);
    }
    await expect(page.locator(`[data-testid=editor] .${marker}`).first()).toBeVisible({ timeout: 30_000 });
    const longestStall = await page.evaluate(() => (window as unknown as { __longestStall: number }).__longestStall);
    console.log(`${name}: longest main-thread stall after the editor appeared ${longestStall.toFixed(0)} ms; workers: ${workers.length}`);
    expect(longestStall).toBeLessThan(1000);
    expect(workers.length).toBeGreaterThanOrEqual(1);
    // Monaco holds the markers the page set: never more than the front end's cap.
    const markers = await page.evaluate(() => {
      const m = (window as unknown as { monaco?: { editor: { getModelMarkers(f: object): unknown[] } } }).monaco;
      return m ? m.editor.getModelMarkers({}).length : -1;
    });
    if (markers >= 0) expect(markers).toBeLessThanOrEqual(100);
  });
}

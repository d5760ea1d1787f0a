// Run feedback end to end (real server, compiler, sandbox and Chromium): the runtime error's
// line highlighted, verdicts in plain words in both languages, the output cut marker, output
// that follows new lines until the reader scrolls up, and Stop in Run's place.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openIde } from './typing-helpers';

const RUN_TIMEOUT = { timeout: 30_000 };
// Each test compiles and runs real programs on a shared machine: more time than the default.
test.describe.configure({ timeout: 180_000 });

async function runAndWait(page: Page, verdict: string) {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', verdict, RUN_TIMEOUT);
}

test('a runtime error highlights its line in the editor and links to it, in the interface language', async ({
  page,
}) => {
  await openIde(page, { source: 'राख क = ०\nदेखाउ("Runtime error at line 1, column 1: नक्कली")\nदेखाउ(५ / क)\n' });
  await runAndWait(page, 'runtime_error');
  // The line of the real error (3), not the one the program printed (1).
  const highlight = page.locator('[data-testid=editor] .runtime-error-line');
  await expect(highlight).toHaveCount(1);
  // The highlight lies on the line that divides (the only one with a ५), in one measurement.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const h = document.querySelector('[data-testid=editor] .runtime-error-line')?.getBoundingClientRect();
        const line = [...document.querySelectorAll('[data-testid=editor] .view-line')].find((l) =>
          l.textContent?.includes('५'),
        );
        return h && line ? Math.round(Math.abs(h.top - line.getBoundingClientRect().top)) : Infinity;
      }),
    )
    .toBeLessThan(2);
  await expect(page.locator('[data-testid=editor] .squiggly-error').first()).toBeVisible();
  await expect(page.getByTestId('runtime-error')).toContainText('शून्यले भाग');
  await page.getByTestId('runtime-error-link').click();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-cursor', /^3:\d+$/);
  await page.getByTestId('ui-language-switch').click();
  await expect(page.getByTestId('runtime-error')).toContainText('division by zero');
  await expect(page.getByTestId('runtime-error-link')).toContainText('line 3');
  // Editing the text drops the highlight (it belongs to the text that ran).
  await page.locator('[data-testid=editor] .view-line').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  await expect(highlight).toHaveCount(0);
});

test('an infinite loop says which time limit it reached, with its value, in both languages, never a signal name', async ({
  page,
}) => {
  await openIde(page, { source: 'जबसम्म सत्य\nअन्त्य\n' });
  await runAndWait(page, 'time_limit');
  const explanation = page.getByTestId('verdict-explanation');
  await expect(explanation).toHaveText(/^रोकियो: (२ सेकेन्डको CPU|५ सेकेन्डको कुल समय) सीमा नाघ्यो/);
  await expect(page.locator('section.output')).not.toContainText('SIG');
  await page.getByTestId('ui-language-switch').click();
  await expect(explanation).toHaveText(/^Stopped: the (2-second CPU|5-second wall-clock) limit was reached/);
  await expect(page.locator('section.output')).not.toContainText('SIG');
});

test('output cut by the limit ends on a whole letter and says where it was cut and how much was kept', async ({
  page,
}) => {
  await openIde(page, { source: 'जबसम्म सत्य\n    लेख("पङ्क्ति")\nअन्त्य\n' });
  await runAndWait(page, 'output_limit');
  await expect(page.getByTestId('output-cut')).toHaveText('… आउटपुट यहाँ काटियो (६४ KiB राखियो)');
  await expect(page.getByTestId('verdict-explanation')).toHaveText('रोकियो: ६४ KiB को आउटपुट सीमा नाघ्यो');
  const kept = await page.getByTestId('output-stdout').evaluate((el) => el.firstChild?.textContent ?? '');
  expect(kept.length).toBeGreaterThan(10_000);
  expect(kept).not.toContain('\uFFFD');
  const full = 'पङ्क्ति'.repeat(Math.ceil(kept.length / 7) + 1);
  expect(full.startsWith(kept)).toBe(true);
  const boundaries = new Set(
    [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(full)].map((s) => s.index),
  );
  expect(boundaries.has(kept.length), 'the cut falls between two letters').toBe(true);
  await page.getByTestId('ui-language-switch').click();
  await expect(page.getByTestId('output-cut')).toHaveText('… output cut here (64 KiB kept)');
});

/** Distance in pixels between the output's visible bottom and its end. */
const fromBottom = (pre: Locator) => pre.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);

/**
 * The run's answer under the test's control: the page's fetch of /api/run gets an NDJSON stream
 * the test writes line by line (the IDE's reader, batching and panel are the real ones). A real
 * program ends within its 5 s wall limit, too soon for a loaded machine's browser to scroll.
 */
async function controlRunStream(page: Page) {
  await page.addInitScript(() => {
    const realFetch = window.fetch.bind(window);
    const w = window as unknown as { pushRunLine?: (line: unknown) => void };
    window.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.endsWith('/api/run')) return realFetch(input, init);
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          w.pushRunLine = (line) => c.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/x-ndjson' } });
    };
  });
}

const pushLines = (page: Page, from: number, count: number) =>
  page.evaluate(
    ({ from, count }) => {
      const push = (window as unknown as { pushRunLine: (line: unknown) => void }).pushRunLine;
      for (let i = from; i < from + count; i++) push({ type: 'stdout', data: `पङ्क्ति ${i}\n` });
    },
    { from, count },
  );

test('streamed output follows new lines, stops following when scrolled up, follows again at the bottom', async ({
  page,
}) => {
  await controlRunStream(page);
  await openIde(page, { source: 'देखाउ("क")\n' });
  await page.getByTestId('run-button').click();
  await expect
    .poll(() => page.evaluate(() => typeof (window as unknown as { pushRunLine?: unknown }).pushRunLine))
    .toBe('function');
  await page.evaluate(() =>
    (window as unknown as { pushRunLine: (l: unknown) => void }).pushRunLine({
      type: 'compile',
      ok: true,
      diagnostics: [],
      omittedDiagnostics: 0,
    }),
  );
  const pre = page.getByTestId('output-stdout');
  let next = 0;
  await pushLines(page, next, 60);
  next += 60;
  await expect.poll(() => pre.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(100);
  await expect.poll(() => fromBottom(pre)).toBeLessThanOrEqual(8);
  await pushLines(page, next, 20);
  next += 20;
  await expect(pre).toContainText(`पङ्क्ति ${next - 1}`);
  expect(await fromBottom(pre)).toBeLessThanOrEqual(8);

  // The reader scrolls up: new lines keep coming, the view stays where the reader put it.
  const box = (await pre.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -100_000);
  await expect.poll(() => pre.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(pre).toHaveAttribute('data-following', 'false');
  await pushLines(page, next, 20);
  next += 20;
  await expect(pre).toContainText(`पङ्क्ति ${next - 1}`);
  expect(await pre.evaluate((el) => el.scrollTop)).toBe(0);

  // Back at the bottom: following again.
  await page.mouse.wheel(0, 1_000_000);
  await expect.poll(() => fromBottom(pre)).toBeLessThanOrEqual(8);
  await expect(pre).toHaveAttribute('data-following', 'true');
  await pushLines(page, next, 20);
  next += 20;
  await expect(pre).toContainText(`पङ्क्ति ${next - 1}`);
  expect(await fromBottom(pre)).toBeLessThanOrEqual(8);
});

test("Stop takes Run's place: the same box, the toolbar does not move", async ({ page }) => {
  await openIde(page, { source: 'जबसम्म सत्य\nअन्त्य\n' });
  const run = page.getByTestId('run-button');
  const stop = page.getByTestId('stop-button');
  const next = page.getByTestId('layout-switch');
  await expect(stop).toBeHidden();
  const runBox = (await run.boundingBox())!;
  const nextBox = (await next.boundingBox())!;
  await run.click();
  await expect(stop).toBeVisible();
  await expect(run).toBeHidden();
  expect(await stop.boundingBox()).toEqual(runBox);
  expect(await next.boundingBox()).toEqual(nextBox);
  await expect(stop).toBeFocused(); // focus moved with the click's button
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'stopped');
  await expect(run).toBeVisible();
  await expect(run).toBeFocused();
  expect(await run.boundingBox()).toEqual(runBox);
  await page.getByTestId('ui-language-switch').click(); // the other language's words fit too
  const enRunBox = (await run.boundingBox())!;
  await run.click();
  await expect(stop).toBeVisible();
  expect(await stop.boundingBox()).toEqual(enRunBox);
  await stop.click();
});

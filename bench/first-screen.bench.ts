// The IDE's first screen (npm run bench -- first-screen): time from navigation until a key
// typed into the editor is on screen, in Debian's Chromium against a production build.
//   cold: a new browser profile (new user-data-dir: empty HTTP cache, no compiled code cache);
//   warm: the same profile, the page reloaded (HTTP and V8 code caches filled by the run before).
// The time is the page's own clock (performance.now(), whose origin is the navigation start)
// when the typed letter appears in Monaco's view lines. The letter is pressed as soon as the
// editor holds the focus (the IDE focuses it on mount), so this is the moment a visitor who
// starts typing at once sees their first letter. With FIRST_SCREEN_BEFORE_DIST=<dist dir> (a
// build of an earlier commit, `SAJILO_NEXT_DIST=.next-before npx next build` there) the same
// runs are made against that build too, for a before/after table. BENCH_SAMPLES: runs per row.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { f, pct, startServer, table } from './support/next-server';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const TIMEOUT_MS = 180_000;
/** Typed with the keyboard layout off, so the key types exactly this letter. */
const LETTER = 'Q';

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
};

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** ms from the navigation start until the letter pressed in the focused editor is drawn. */
async function timeToTypedLetter(page: Page): Promise<number> {
  await page.waitForFunction(() => !!document.activeElement?.closest('[data-testid=editor] .monaco-editor'), null, {
    timeout: TIMEOUT_MS,
    polling: 'raf',
  });
  const count = (letter: string) =>
    ((document.querySelector('[data-testid=editor] .view-lines') as HTMLElement | null)?.innerText ?? '').split(letter)
      .length - 1;
  const before = await page.evaluate(count, LETTER);
  await page.keyboard.press(`Shift+Key${LETTER}`);
  const handle = await page.waitForFunction(
    ({ letter, before }) => {
      const n =
        ((document.querySelector('[data-testid=editor] .view-lines') as HTMLElement | null)?.innerText ?? '').split(
          letter,
        ).length - 1;
      return n > before ? performance.now() : 0;
    },
    { letter: LETTER, before },
    { timeout: TIMEOUT_MS, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

async function openProfile(dir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, launchOptions);
  // The layout off: the key types its own letter (the phonetic default would compose it).
  await context.addInitScript(() => localStorage.setItem('sajilo:keyboard-layout', 'off'));
  return context;
}

/** One cold load (new profile) and one warm reload of the same profile. */
async function measureOnce(baseURL: string): Promise<{ cold: number; warm: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-first-screen-'));
  const context = await openProfile(dir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseURL, { waitUntil: 'commit' });
    const cold = await timeToTypedLetter(page);
    // Let the page settle (the session request, the checker's worker) before reloading it.
    await page.waitForLoadState('load', { timeout: TIMEOUT_MS });
    await page.waitForTimeout(2000);
    await page.reload({ waitUntil: 'commit' });
    return { cold, warm: await timeToTypedLetter(page) };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const builds: { name: string; distDir?: string }[] = [];
if (process.env.FIRST_SCREEN_BEFORE_DIST)
  builds.push({
    name: `before (${process.env.FIRST_SCREEN_BEFORE_DIST})`,
    distDir: process.env.FIRST_SCREEN_BEFORE_DIST,
  });
builds.push({ name: 'this build' });

console.log(`[bench] ${new Date().toISOString()}, ${os.availableParallelism()} cores, load average at start ${load()}`);
// Both servers run at once and the runs alternate between them, so that a busy machine's ups
// and downs fall on both builds alike.
const servers = [];
for (const build of builds)
  servers.push({
    ...build,
    ...(await startServer({ distDir: build.distDir })),
    cold: [] as number[],
    warm: [] as number[],
  });
try {
  for (const s of servers) await (await fetch(s.baseURL)).text(); // the server's own first render is not the browser's
  for (let i = 0; i < SAMPLES; i++) {
    for (const s of servers) {
      const { cold, warm } = await measureOnce(s.baseURL);
      s.cold.push(cold);
      s.warm.push(warm);
    }
    console.log(`[bench] round ${i + 1}/${SAMPLES}; load average ${load()}`);
  }
} finally {
  for (const s of servers) s.stop();
}
const rows: (string | number)[][] = [];
for (const s of servers) {
  for (const [kind, xs] of [
    ['cold', s.cold],
    ['warm', s.warm],
  ] as const) {
    rows.push([s.name, kind, xs.length, f(pct(xs, 50)), f(Math.max(...xs)), xs.map((x) => x.toFixed(0)).join(' ')]);
  }
}
console.log('\n### Navigation → a typed letter on screen in the editor (ms)\n');
table(['build', 'profile', 'runs', 'median ms', 'max ms', 'all runs ms'], rows);
console.log(`Load average at the end: ${load()}. Target: cold under 2500 ms, warm under 1000 ms.`);

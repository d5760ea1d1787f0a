// The IDE's benchmarks (npm run bench -- api), against a production build it starts itself
// (own process group, stopped by the group). Prints measured tables:
//  (a) POST /api/run for hello world: 200 sequential requests and 8 concurrent clients, on a
//      compile-cache hit, and on a miss (the source varies), beside the sandbox's own cost for
//      the same executable (runSandboxed called directly, in this process);
//  (b) the IDE page in Chromium: JavaScript transferred, and the time until the editor
//      accepts typing (navigation start → a typed character is on screen), on localhost.
// Target: median on a cache hit < 30 ms above the sandbox's own cost.
// BENCH_BASE_URL=http://host:port measures a server that is already running instead.
import { chromium } from '@playwright/test';
import { f, pct, startServer, table } from './support/next-server';
import { buildExecutable } from '../lib/compiler/build';
import { RUN_LIMITS } from '../lib/run/index';
import { runSandboxed, shutdownSandbox } from '../sandbox/index';

const HELLO = 'देखाउ("नमस्ते, संसार!")\n';
const SEQUENTIAL = 200;
const CLIENTS = 8;
const PER_CLIENT = 25;
const MISSES = 40;

async function postRun(baseURL: string, source: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${baseURL}/api/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ source }),
  });
  const body = await res.json();
  const ms = performance.now() - t;
  if (res.status !== 200 || body.run?.verdict !== 'ok')
    throw new Error(`unexpected answer ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return ms;
}

async function sandboxOwnCost(): Promise<number[]> {
  const build = await buildExecutable(HELLO);
  if (!build.executable) throw new Error('hello world did not build');
  for (let i = 0; i < 10; i++) await runSandboxed({ argv: [build.executable], stdin: '', ...RUN_LIMITS });
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t = performance.now();
    const r = await runSandboxed({ argv: [build.executable], stdin: '', ...RUN_LIMITS });
    times.push(performance.now() - t);
    if (r.verdict !== 'ok') throw new Error(`sandbox: ${r.verdict} ${r.detail ?? ''}`);
  }
  return times;
}

async function browserFigures(baseURL: string) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const runs: { jsBytes: number; jsDecoded: number; scripts: number; typingMs: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext(); // cold browser cache every time
    const page = await context.newPage();
    const scripts: Promise<{ encoded: number; decoded: number }>[] = [];
    page.on('requestfinished', (req) => {
      if (req.resourceType() !== 'script' && !/\.js(\?|$)/.test(req.url())) return;
      scripts.push(
        req.sizes().then(async (s) => ({
          encoded: s.responseBodySize,
          decoded: (await (await req.response())?.body())?.length ?? 0,
        })),
      );
    });
    await page.addInitScript(() => localStorage.setItem('sajilo:keyboard-layout', 'nepali-romanized'));
    const t0 = Date.now();
    await page.goto(baseURL, { waitUntil: 'commit' });
    const lines = page.locator('[data-testid=editor] .view-lines');
    await lines.waitFor({ state: 'visible', timeout: 60_000 });
    await lines.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('KeyK'); // क with the default Romanized layout
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=editor] .view-lines') as HTMLElement)?.innerText.includes('क\u00a0') ||
        (document.querySelector('[data-testid=editor] .view-lines') as HTMLElement)?.innerText.endsWith('क'),
      null,
      { timeout: 60_000 },
    );
    const typingMs = Date.now() - t0;
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(scripts);
    runs.push({
      jsBytes: sizes.reduce((a, s) => a + s.encoded, 0),
      jsDecoded: sizes.reduce((a, s) => a + s.decoded, 0),
      scripts: sizes.length,
      typingMs,
    });
    await context.close();
  }
  await browser.close();
  return runs;
}

const { baseURL, stop } = await startServer();
try {
  // warm up: the first requests load the route, the compiler and the sandbox's supervisors
  for (let i = 0; i < 10; i++) await postRun(baseURL, HELLO);

  const sandbox = await sandboxOwnCost();

  const hitSeq: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) hitSeq.push(await postRun(baseURL, HELLO));

  const hitConc: number[] = [];
  const t = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = 0; i < PER_CLIENT; i++) hitConc.push(await postRun(baseURL, HELLO));
    }),
  );
  const concWall = performance.now() - t;

  const stamp = `${process.pid}-${Date.now()}`;
  const miss: number[] = [];
  for (let i = 0; i < MISSES; i++) miss.push(await postRun(baseURL, `# ${stamp} ${i}\n${HELLO}`));
  const missConc: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < 5; i++) missConc.push(await postRun(baseURL, `# ${stamp} c${c} ${i}\n${HELLO}`));
    }),
  );

  const sbMed = pct(sandbox, 50);
  console.log(`\n### POST /api/run, hello world (${baseURL}, ${new Date().toISOString()})\n`);
  table(
    ['case', 'requests', 'median ms', 'p99 ms', 'median above sandbox ms'],
    [
      ['sandbox alone (runSandboxed, same executable)', sandbox.length, f(sbMed), f(pct(sandbox, 99)), '—'],
      ['cache hit, sequential', hitSeq.length, f(pct(hitSeq, 50)), f(pct(hitSeq, 99)), f(pct(hitSeq, 50) - sbMed)],
      [
        `cache hit, ${CLIENTS} concurrent clients`,
        hitConc.length,
        f(pct(hitConc, 50)),
        f(pct(hitConc, 99)),
        f(pct(hitConc, 50) - sbMed),
      ],
      [
        'cache miss (source varies), sequential',
        miss.length,
        f(pct(miss, 50)),
        f(pct(miss, 99)),
        f(pct(miss, 50) - sbMed),
      ],
      [
        `cache miss, ${CLIENTS} concurrent clients`,
        missConc.length,
        f(pct(missConc, 50)),
        f(pct(missConc, 99)),
        f(pct(missConc, 50) - sbMed),
      ],
    ],
  );
  console.log(
    `Throughput with ${CLIENTS} clients on a cache hit: ${(hitConc.length / (concWall / 1000)).toFixed(0)} runs/s.`,
  );
  console.log(
    `Target: cache-hit median < 30 ms above the sandbox's own cost: ${pct(hitSeq, 50) - sbMed < 30 ? 'met' : 'NOT met'} (sequential).\n`,
  );

  const page = await browserFigures(baseURL);
  console.log('### The IDE page in Chromium (cold browser cache, localhost, 5 loads)\n');
  table(
    ['figure', 'median', 'min', 'max'],
    [
      [
        'JavaScript transferred (KiB)',
        f(
          pct(
            page.map((p) => p.jsBytes / 1024),
            50,
          ),
        ),
        f(Math.min(...page.map((p) => p.jsBytes / 1024))),
        f(Math.max(...page.map((p) => p.jsBytes / 1024))),
      ],
      [
        'JavaScript after decompression (KiB)',
        f(
          pct(
            page.map((p) => p.jsDecoded / 1024),
            50,
          ),
        ),
        f(Math.min(...page.map((p) => p.jsDecoded / 1024))),
        f(Math.max(...page.map((p) => p.jsDecoded / 1024))),
      ],
      [
        'script files',
        pct(
          page.map((p) => p.scripts),
          50,
        ),
        Math.min(...page.map((p) => p.scripts)),
        Math.max(...page.map((p) => p.scripts)),
      ],
      [
        'navigation → typed character on screen (ms)',
        pct(
          page.map((p) => p.typingMs),
          50,
        ),
        Math.min(...page.map((p) => p.typingMs)),
        Math.max(...page.map((p) => p.typingMs)),
      ],
    ],
  );
} finally {
  stop();
  await shutdownSandbox();
}

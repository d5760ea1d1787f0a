// Keystroke-to-screen latency of typing in the IDE (npm run bench -- typing), in Debian's
// Chromium against a production build: phonetic typing (the default) beside plain Latin
// typing with the keyboard off, the caret in the middle of a 1,000-line program, and the same
// keys typed into a bare <textarea> (the browser's own floor on this machine, now).
// A key's latency is keydown (event.timeStamp) → the end of the rendering of the first frame
// that shows the key's first change of the editor's DOM (installLatencyProbe); the time of that
// first change is a column of its own. Target: p95 under 16 ms (one frame at 60 Hz).
// Every measured run also records a Chromium trace ('toplevel' only) for the main thread's CPU
// time per key, which a shared machine's load changes much less than the latencies.
// TYPING_PROFILE=1 adds the main-thread CPU time per key, by source file when the build has
// source maps (SAJILO_SOURCE_MAPS=1 at build time); SAJILO_NEXT_DIST picks the build measured.
// TYPING_BEFORE_DIST=<dist dir> (a build of an earlier commit) measures that build too, the runs
// alternating between the two, for a before/after table; BENCH_SAMPLES: measured runs per row.
import { loadavg } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import { rendererMainThreadCpuMs, selfTimeBySource, sourceGroup, startProfile } from './support/cpu-profile';
import { f, pct, startServer, table } from './support/next-server';
import { KEY_INTERVAL_MS, LINES, program, TYPED, typeAll } from './support/typing-workload';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1);

/** What a key does in phonetic mode: a letter composes; a key right after a letter ends the
 *  word (Space or a symbol: drawn at once in the preedit box, typed into the text a frame later;
 *  Enter: typed at once); a Space, symbol or digit on its own (here always at the end of the
 *  line) is drawn in the box the same way; Enter on its own is typed by Monaco, as in plain
 *  typing. The same keys are split the same way in plain Latin typing, for comparison. */
type KeyKind = 'letter' | 'word end' | 'Enter ending a word' | 'alone' | 'Enter';

/** Per key, in the order typed: keydown → the first DOM change it made, keydown → the end of the
 *  frame that shows that change, and the key's kind. */
interface Latencies {
  dom: number[];
  screen: number[];
  kind: KeyKind[];
  /** Keydown → end of the frame in which Monaco's lines first change (the text itself drawn),
   *  for the keys that change them; with `lineKind` as `kind` above. */
  line: number[];
  lineKind: KeyKind[];
}

/**
 * Installed before the page's scripts. A key's "screen" time is keydown (`event.timeStamp`) →
 * the end of the rendering of the first frame that contains the key's first change of the
 * observed element: when the change is made in a task (a key handler), that is the next frame;
 * when it is made in an animation-frame callback (Monaco draws there), that same frame. The
 * end of a frame's rendering (style, layout, paint) is when a task posted from inside the frame
 * runs: the one posted by the frame's first animation-frame callback, with the scheduler's
 * highest priority ('user-blocking'), so that it runs before the tasks already waiting (a
 * timer, React's scheduler: with an ordinary message it ran up to 10 ms after the frame's
 * paint in the trace) and before any task another callback of the frame posts (the bridge
 * types a committed word in one: that work comes after the frame that showed the word). In a
 * bare <textarea> the change is the input event. Letters are keys a–z.
 */
function installLatencyProbe(selector: string) {
  const w = window as unknown as { __lat: Latencies; __startLatency: () => void };
  const raf = window.requestAnimationFrame.bind(window);
  const scheduler = (window as unknown as { scheduler: { postTask(fn: () => void, o: object): Promise<void> } })
    .scheduler;
  const whenRendered = (fn: () => void) => void scheduler.postTask(fn, { priority: 'user-blocking' });
  let frameOpen = false;
  /** Recorded when the next frame has been drawn. */
  const nextFrame: (() => void)[] = [];
  window.requestAnimationFrame = (callback) =>
    raf((time) => {
      if (!frameOpen) {
        frameOpen = true;
        const drawn = nextFrame.splice(0);
        whenRendered(() => {
          frameOpen = false;
          drawn.forEach((record) => record());
        });
      }
      callback(time);
    });
  w.__lat = { dom: [], screen: [], kind: [], line: [], lineKind: [] };
  w.__startLatency = () => {
    let keyAt: number | null = null;
    let kind: KeyKind = 'alone';
    let lineKeyAt: number | null = null;
    window.addEventListener(
      'keydown',
      (e) => {
        keyAt = lineKeyAt = e.timeStamp;
        const afterLetter = kind === 'letter';
        if (/^[a-z]$/i.test(e.key)) kind = 'letter';
        else if (!afterLetter) kind = e.key === 'Enter' ? 'Enter' : 'alone';
        else kind = e.key === 'Enter' ? 'Enter ending a word' : 'word end';
      },
      true,
    );
    const whenOnScreen = (record: () => void) => {
      if (frameOpen) {
        whenRendered(record);
      } else {
        nextFrame.push(record);
        window.requestAnimationFrame(() => {});
      }
    };
    const changed = () => {
      if (keyAt === null) return;
      const t0 = keyAt;
      keyAt = null;
      w.__lat.dom.push(performance.now() - t0);
      w.__lat.kind.push(kind);
      whenOnScreen(() => w.__lat.screen.push(performance.now() - t0));
    };
    const target = document.querySelector(selector)!;
    const lines = target.querySelector('.view-lines');
    if (lines)
      new MutationObserver(() => {
        if (lineKeyAt === null) return;
        const t0 = lineKeyAt;
        const lineKind = kind;
        lineKeyAt = null;
        whenOnScreen(() => {
          w.__lat.line.push(performance.now() - t0);
          w.__lat.lineKind.push(lineKind);
        });
      }).observe(lines, { subtree: true, childList: true, characterData: true });
    // A textarea's text is no DOM child: its change is the input event.
    if (target instanceof HTMLTextAreaElement) target.addEventListener('input', changed);
    else new MutationObserver(changed).observe(target, { subtree: true, childList: true, characterData: true });
  };
}

/** The probe as page script: tsx names the functions it compiles with a helper the page lacks. */
const latencyProbe = (selector: string) => ({
  content: `var __name = (fn) => fn; (${installLatencyProbe.toString()})(${JSON.stringify(selector)});`,
});

const readLatencies = (page: Page) => page.evaluate(() => (window as unknown as { __lat: Latencies }).__lat);

/** CPU time per key (ms) by group, from a profile of the typing. */
type CpuPerKey = Map<string, number>;

async function measure(
  browser: Browser,
  baseURL: string,
  layout: 'phonetic' | 'off',
  profile = false,
): Promise<{ latencies: Latencies; cpu: CpuPerKey | null; threadCpuPerKey: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(latencyProbe('[data-testid=editor]'));
    await page.addInitScript(
      ({ source, l }) => {
        localStorage.setItem('sajilo:draft:main', JSON.stringify({ source, stdin: '', latinDigits: false }));
        localStorage.setItem('sajilo:keyboard-layout', l);
      },
      { source: program(LINES), l: layout },
    );
    await page.goto(baseURL);
    await page.locator('[data-testid=editor] .view-lines').waitFor({ state: 'visible', timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.locator('[data-testid=editor] .view-lines').click();
    // The middle of the program, at the end of a line.
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.evaluate(() => (window as unknown as { __startLatency: () => void }).__startLatency());
    const stop = profile ? await startProfile(await context.newCDPSession(page)) : null;
    await browser.startTracing(page, { categories: ['toplevel'] });
    await typeAll(page);
    const threadCpuMs = rendererMainThreadCpuMs(await browser.stopTracing());
    const cpu = stop ? perKey(await selfTimeBySource(await stop()), threadCpuMs, TYPED.length) : null;
    const latencies = await readLatencies(page);
    const text = await page.locator('[data-testid=editor] .view-lines').innerText();
    if (layout === 'phonetic' && !text.includes('देखाउ(क)')) throw new Error('phonetic typing did not produce देखाउ(क)');
    return { latencies, cpu, threadCpuPerKey: threadCpuMs / TYPED.length };
  } finally {
    await context.close();
  }
}

/** The browser's own floor: the same keys typed into a bare <textarea>. */
async function measureBareTextarea(browser: Browser): Promise<Latencies> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(latencyProbe('textarea'));
    await page.goto('data:text/html,<textarea rows="30" cols="80"></textarea>');
    await page.locator('textarea').click();
    await page.evaluate(() => (window as unknown as { __startLatency: () => void }).__startLatency());
    await typeAll(page);
    return await readLatencies(page);
  } finally {
    await context.close();
  }
}

/** Per key: the thread CPU time of the page's main thread (from the trace), and how it divides
 *  between our code, React, Monaco and the browser (the profile's shares of the busy samples). */
function perKey(self: Map<string, number>, threadCpuMs: number, keys: number): CpuPerKey {
  let busy = 0;
  for (const [source, ms] of self) if (sourceGroup(source) !== 'idle') busy += ms;
  const groups: CpuPerKey = new Map([['main thread, in all', threadCpuMs / keys]]);
  const add = (group: string, ms: number) =>
    groups.set(group, (groups.get(group) ?? 0) + ((ms / busy) * threadCpuMs) / keys);
  for (const [source, ms] of self) {
    const group = sourceGroup(source);
    if (group === 'idle') continue;
    add(group, ms);
    if (group === 'ours') add(`  ${source}`, ms);
  }
  return groups;
}

/** Latencies of several runs together, and each run's main-thread CPU time per key. */
interface Runs {
  latencies: Latencies;
  cpuPerKey: number[];
}

const noRuns = (): Runs => ({
  latencies: { dom: [], screen: [], kind: [], line: [], lineKind: [] },
  cpuPerKey: [],
});

function addRun(runs: Runs, latencies: Latencies, cpuPerKey?: number) {
  for (const key of ['dom', 'screen', 'kind', 'line', 'lineKind'] as const)
    (runs.latencies[key] as unknown[]).push(...latencies[key]);
  if (cpuPerKey !== undefined) runs.cpuPerKey.push(cpuPerKey);
}

function latencyRows(name: string, { latencies, cpuPerKey }: Runs): (string | number)[][] {
  const { dom, screen, kind, line, lineKind } = latencies;
  const p = (xs: number[], q: number) => (xs.length ? f(pct(xs, q)) : '');
  const row = (label: string, d: number[], s: number[], l: number[], cpu = '') => [
    label,
    d.length,
    f(pct(s, 50)),
    f(pct(s, 95)),
    p(l, 50),
    p(l, 95),
    f(pct(d, 50)),
    f(pct(d, 95)),
    cpu,
  ];
  const rows = [row(name, dom, screen, line, cpuPerKey.map(f).join(' / '))];
  // By what the key does in phonetic mode (KeyKind).
  for (const [label, wanted] of [
    ['letters', 'letter'],
    ['Space or a symbol ending a word', 'word end'],
    ['Enter ending a word', 'Enter ending a word'],
    ['Space, symbol or digit on its own', 'alone'],
    ['Enter on its own', 'Enter'],
  ] as const) {
    const pick = (xs: number[]) => xs.filter((_, i) => kind[i] === wanted);
    const pickLine = line.filter((_, i) => lineKind[i] === wanted);
    if (pick(dom).length) rows.push(row(`&nbsp;&nbsp;${label}`, pick(dom), pick(screen), pickLine));
  }
  return rows;
}

async function main() {
  const builds: { name: string; distDir?: string }[] = [];
  if (process.env.TYPING_BEFORE_DIST)
    builds.push({ name: `before (${process.env.TYPING_BEFORE_DIST})`, distDir: process.env.TYPING_BEFORE_DIST });
  builds.push({ name: builds.length ? 'this build' : '' });
  const servers: { name: string; baseURL: string; stop: () => void; runs: Map<string, Runs> }[] = [];
  for (const build of builds)
    servers.push({ ...build, ...(await startServer({ distDir: build.distDir })), runs: new Map() });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const rows: (string | number)[][] = [];
    const cpu: [string, CpuPerKey][] = [];
    const loadBefore = loadavg()[0];
    const layouts = [
      ['phonetic', 'phonetic (default)'],
      ['off', 'plain Latin (keyboard off)'],
    ] as const;
    // Warm-up (JIT, fonts, caches), then the measured runs, alternating between the builds so
    // that a busy machine's ups and downs fall on both alike.
    for (const server of servers) for (const [layout] of layouts) await measure(browser, server.baseURL, layout);
    const bare = noRuns();
    for (let i = 0; i < SAMPLES; i++) {
      for (const server of servers) {
        for (const [layout] of layouts) {
          const { latencies, threadCpuPerKey } = await measure(browser, server.baseURL, layout);
          if (!server.runs.has(layout)) server.runs.set(layout, noRuns());
          addRun(server.runs.get(layout)!, latencies, threadCpuPerKey);
        }
      }
      addRun(bare, await measureBareTextarea(browser));
      if (SAMPLES > 1) console.log(`[bench] round ${i + 1}/${SAMPLES}; load average ${loadavg()[0].toFixed(2)}`);
    }
    for (const [layout, name] of layouts)
      for (const server of servers)
        rows.push(...latencyRows(server.name ? `${name}, ${server.name}` : name, server.runs.get(layout)!));
    rows.push(...latencyRows('bare &lt;textarea&gt; (the browser alone)', bare));
    const loadAfter = loadavg()[0];
    if (process.env.TYPING_PROFILE) {
      const server = servers[servers.length - 1];
      for (const [layout] of layouts) {
        const { cpu: c } = await measure(browser, server.baseURL, layout, true);
        cpu.push([layout, c!]);
      }
    }
    console.log(
      `Keystroke → screen in Chromium, caret in the middle of a ${LINES}-line program, one key every ${KEY_INTERVAL_MS} ms (ms); ` +
        `${SAMPLES} measured run(s) per row; load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}:\n`,
    );
    table(
      [
        'typing',
        'keys',
        'p50',
        'p95',
        'p50 text in the line',
        'p95 text in the line',
        'p50 first DOM change',
        'p95 first DOM change',
        'main-thread CPU per key (each run)',
      ],
      rows,
    );
    if (cpu.length) {
      console.log(
        'Main-thread CPU time per key while typing (ms): thread time from a Chromium trace, divided as the ' +
          'CDP Profiler samples (every 0.1 ms, mapped through the source maps) divide the busy time:\n',
      );
      const groups = [...new Set(cpu.flatMap(([, c]) => [...c.keys()]))].sort(
        (a, b) => groupOrder(a) - groupOrder(b) || a.localeCompare(b),
      );
      table(
        ['', ...cpu.map(([l]) => (l === 'phonetic' ? 'phonetic' : 'plain Latin'))],
        groups
          .filter((g) => cpu.some(([, c]) => (c.get(g) ?? 0) >= 0.005))
          .map((g) => [
            g.startsWith('  ') ? `&nbsp;&nbsp;${g.trim()}` : g,
            ...cpu.map(([, c]) => (c.get(g) ?? 0).toFixed(3)),
          ]),
      );
    }
  } finally {
    await browser.close();
    for (const server of servers) server.stop();
  }
}

/** Our code first (the total, then file by file), then the rest as listed. */
function groupOrder(group: string): number {
  if (group.startsWith('  ')) return 2;
  const order = [
    'main thread, in all',
    'ours',
    '',
    'React / Next',
    'Monaco',
    'browser (style, layout, paint, input)',
    'garbage collector',
    'other',
    'idle',
  ];
  return order.indexOf(group);
}

await main();

// Where the IDE's cold first screen spends its time, measured in ways a busy machine does not
// change much: the renderer's main-thread CPU time (the trace's thread durations, not wall
// time) by kind of work and by script, the bytes fetched, and the order of events on the
// page's own clock. A cold load (new profile) of the home page in Debian's Chromium, traced
// through CDP until a typed letter is on screen, as in first-screen.bench.ts.
//   npx tsx bench/first-screen-trace.ts              (the build in .next, or SAJILO_NEXT_DIST)
//   FIRST_SCREEN_BEFORE_DIST=.next-before …          (also that build; runs alternate)
//   TRACE_SAMPLES=3 (runs per build; the table shows medians), TRACE_OUT=dir (raw traces).
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { f, pct, startServer, table } from './support/next-server';

const SAMPLES = Number(process.env.TRACE_SAMPLES ?? 3);
/** TRACE_PROFILE=warm traces the second load of a profile instead of its first. */
const WARM = process.env.TRACE_PROFILE === 'warm';
const TIMEOUT_MS = 180_000;
const LETTER = 'Q';
const CATEGORIES =
  process.env.TRACE_CATEGORIES ??
  [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'toplevel',
    'v8',
    'v8.execute',
    'disabled-by-default-v8.compile',
    'blink',
    'blink.user_timing',
    'loading',
    '__metadata',
  ].join(',');

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tts?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { url?: string; documentLoaderURL?: string; frames?: { url: string; processId: number }[] };
  };
}

/** Marks on the page's clock: the editor's DOM appearing and taking the focus. */
function markEditor() {
  const seen = new Set<string>();
  const mark = (name: string) => {
    if (!seen.has(name)) {
      seen.add(name);
      performance.mark(name);
    }
  };
  new MutationObserver(() => {
    if (document.querySelector('[data-testid=editor] .monaco-editor')) mark('editor-dom');
    if (document.querySelector('[data-testid=static-code], .static-code')) mark('static-code');
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('focusin', () => {
    if (document.activeElement?.closest('[data-testid=editor] .monaco-editor')) mark('editor-focused');
  });
}

/** ms on the page's clock when a letter pressed in the focused editor is drawn (a warm load's
 *  restored draft already holds the letters typed before: it counts them first). */
async function typedLetterAt(page: Page): Promise<number> {
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

async function collectTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  // The protocol types an event's fields as strings; they are the trace format's own.
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

type Category = 'script: compile' | 'script: run' | 'gc' | 'html' | 'style & layout' | 'paint' | 'other';
function categoryOf(name: string): Category {
  if (/compile|parse(On)?Background|V8\.(Compile|Parse|ScriptCompiler|Deserialize)/i.test(name) && name !== 'ParseHTML')
    return 'script: compile';
  if (/GC|Scavenge|Sweep|Mark/i.test(name) && !/mark$/.test(name)) return 'gc';
  if (name === 'ParseHTML' || name === 'ParseAuthorStyleSheet') return 'html';
  if (/UpdateLayoutTree|Layout|RecalcStyle|HitTest|UpdateLayerTree|PrePaint|IntersectionObserver/i.test(name))
    return 'style & layout';
  if (/Paint|Composite|Layerize|Raster|Decode/i.test(name)) return 'paint';
  if (
    /EvaluateScript|FunctionCall|v8|V8|TimerFire|EventDispatch|RunMicrotasks|FireAnimationFrame|XHR|Microtask|Callback|ParseScript|ResourceFinish/i.test(
      name,
    )
  )
    return 'script: run';
  return 'other';
}

interface Analysis {
  typedAt: number;
  marks: Record<string, number>;
  cpuUntilTyped: number;
  byCategory: Record<string, number>;
  byScript: Map<string, number>;
  workerCpu: number;
  otherThreadsCpu: number;
  resources: { url: string; start: number; end: number; transfer: number; encoded: number; decoded: number }[];
}

/** Self thread-time per event on one thread (complete events nest; the innermost one is charged). */
function selfTimes(events: TraceEvent[], until: number) {
  const xs = events
    .filter((e) => e.ph === 'X' && e.ts <= until && e.tdur !== undefined && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const byCategory: Record<string, number> = {};
  const byScript = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; childThread: number; script?: string }[] = [];
  const close = (frame: (typeof stack)[number]) => {
    const self = Math.max(0, frame.e.tdur! - frame.childThread);
    const cat = categoryOf(frame.e.name);
    byCategory[cat] = (byCategory[cat] ?? 0) + self;
    if (frame.script && cat.startsWith('script')) byScript.set(frame.script, (byScript.get(frame.script) ?? 0) + self);
  };
  let top = 0;
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) close(stack.pop()!);
    const parent = stack[stack.length - 1];
    if (parent) parent.childThread += e.tdur!;
    else top += e.tdur!;
    const url = e.args?.data?.url;
    stack.push({ e, end: e.ts + e.dur!, childThread: 0, script: url || parent?.script });
  }
  while (stack.length) close(stack.pop()!);
  return { total: top, byCategory, byScript };
}

async function traceOnce(baseURL: string, label: string, outDir?: string): Promise<Analysis> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-first-screen-trace-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    await context.addInitScript(() => localStorage.setItem('sajilo:keyboard-layout', 'off'));
    await context.addInitScript(markEditor);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    if (WARM) {
      // As first-screen.bench.ts's warm row: the page loaded once in this profile, then reloaded.
      await page.goto(baseURL, { waitUntil: 'commit' });
      await typedLetterAt(page);
      await page.waitForLoadState('load', { timeout: TIMEOUT_MS });
      await page.waitForTimeout(2000);
    }
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(baseURL, { waitUntil: 'commit' });
    const typedAt = await typedLetterAt(page);
    const pageData = await page.evaluate(() => ({
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
      paints: Object.fromEntries(performance.getEntriesByType('paint').map((m) => [m.name, m.startTime])),
      nav: (() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { responseEnd: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
      })(),
      resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        url: r.name,
        start: r.startTime,
        end: r.responseEnd,
        transfer: r.transferSize,
        encoded: r.encodedBodySize,
        decoded: r.decodedBodySize,
      })),
      origin: performance.timeOrigin,
    }));
    const events = await collectTrace(cdp);
    if (outDir) writeFileSync(path.join(outDir, `${label}.json`), JSON.stringify({ traceEvents: events }));

    // The page's renderer: the process of the main frame; its main thread and its workers.
    const names = new Map<string, string>();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args!.name!);
    const navStart = events.find(
      (e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(baseURL),
    );
    if (!navStart) throw new Error('the trace has no navigation of the page');
    const pid = navStart.pid;
    // The page's clock starts at navigationStart; typedAt is on it.
    const until = navStart.ts + typedAt * 1000;
    const threads = new Map<string, TraceEvent[]>();
    for (const e of events) {
      if (e.pid !== pid) continue;
      const key = `${e.pid}:${e.tid}`;
      if (!threads.has(key)) threads.set(key, []);
      threads.get(key)!.push(e);
    }
    let main = { total: 0, byCategory: {} as Record<string, number>, byScript: new Map<string, number>() };
    let workerCpu = 0;
    let otherThreadsCpu = 0;
    for (const [key, evs] of threads) {
      const name = names.get(key) ?? '';
      const r = selfTimes(evs, until);
      if (name === 'CrRendererMain') main = r;
      else if (/^DedicatedWorker/.test(name)) workerCpu += r.total;
      else otherThreadsCpu += r.total;
    }
    const ms = (us: number) => us / 1000;
    return {
      typedAt,
      marks: {
        'response end (HTML)': pageData.nav.responseEnd,
        ...pageData.paints,
        ...pageData.marks,
        DOMContentLoaded: pageData.nav.domContentLoaded,
        'typed letter on screen': typedAt,
      },
      cpuUntilTyped: ms(main.total),
      byCategory: Object.fromEntries(Object.entries(main.byCategory).map(([k, v]) => [k, ms(v)])),
      byScript: new Map([...main.byScript].map(([k, v]) => [k, ms(v)])),
      workerCpu: ms(workerCpu),
      otherThreadsCpu: ms(otherThreadsCpu),
      resources: pageData.resources.filter((r) => r.start <= typedAt),
    };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => pct(xs, 50);
const shortUrl = (u: string) => u.replace(/^https?:\/\/[^/]+/, '').replace(/^\/_next\/static\//, '');

function report(name: string, runs: Analysis[]) {
  console.log(`\n## ${name} (${runs.length} ${WARM ? 'warm' : 'cold'} runs; medians)\n`);
  const cats = [...new Set(runs.flatMap((r) => Object.keys(r.byCategory)))].sort();
  table(
    ['main-thread CPU until the typed letter', 'ms'],
    [
      ...cats.map((c) => [c, f(median(runs.map((r) => r.byCategory[c] ?? 0)))]),
      ['**total (main thread)**', f(median(runs.map((r) => r.cpuUntilTyped)))],
      ['web workers (checker, Monaco)', f(median(runs.map((r) => r.workerCpu)))],
      ['other renderer threads (background compile, compositor…)', f(median(runs.map((r) => r.otherThreadsCpu)))],
    ],
  );
  const scripts = [...new Set(runs.flatMap((r) => [...r.byScript.keys()]))];
  table(
    ['script (main-thread compile + run)', 'ms'],
    scripts
      .map((s) => [s, median(runs.map((r) => r.byScript.get(s) ?? 0))] as const)
      .filter(([, v]) => v >= 5)
      .sort((a, b) => b[1] - a[1])
      .map(([s, v]) => [shortUrl(s), f(v)]),
  );
  const markNames = [...new Set(runs.flatMap((r) => Object.keys(r.marks)))];
  table(
    ['moment (page clock; wall time, inflated on a busy machine)', 'ms'],
    markNames
      .map((m) => [m, median(runs.map((r) => r.marks[m] ?? NaN).filter((x) => !Number.isNaN(x)))] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([m, v]) => [m, f(v)]),
  );
  const last = runs[runs.length - 1];
  table(
    ['request before the typed letter (last run)', 'start ms', 'end ms', 'transferred B', 'body B', 'decoded B'],
    last.resources
      .sort((a, b) => a.start - b.start)
      .map((r) => [shortUrl(r.url), f(r.start), f(r.end), r.transfer, r.encoded, r.decoded]),
  );
  const sum = (k: 'transfer' | 'decoded') => median(runs.map((r) => r.resources.reduce((s, x) => s + x[k], 0)));
  console.log(
    `Requests before the letter: ${median(runs.map((r) => r.resources.length))}; transferred ${sum('transfer')} B, decoded ${sum('decoded')} B (medians).`,
  );
}

const builds: { name: string; distDir?: string }[] = [];
if (process.env.FIRST_SCREEN_BEFORE_DIST)
  builds.push({
    name: `before (${process.env.FIRST_SCREEN_BEFORE_DIST})`,
    distDir: process.env.FIRST_SCREEN_BEFORE_DIST,
  });
builds.push({ name: 'this build' });
console.log(
  `[trace] ${new Date().toISOString()}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
const servers = [];
for (const b of builds) servers.push({ ...b, ...(await startServer({ distDir: b.distDir })), runs: [] as Analysis[] });
try {
  for (const s of servers) await (await fetch(s.baseURL)).text();
  for (let i = 0; i < SAMPLES; i++)
    for (const [j, s] of servers.entries()) {
      // Now and then (on a busy machine) the trace misses the navigation's own event: run again.
      for (let attempt = 1; ; attempt++) {
        try {
          s.runs.push(await traceOnce(s.baseURL, `build${j}-run${i}`, process.env.TRACE_OUT));
          break;
        } catch (err) {
          if (attempt === 3) throw err;
          console.log(`[trace] ${(err as Error).message}; again`);
        }
      }
    }
} finally {
  for (const s of servers) s.stop();
}
for (const s of servers) report(s.name, s.runs);
console.log(
  `Load average at the end: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

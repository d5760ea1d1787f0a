// Where each key's time goes while typing in the IDE (`npx tsx bench/typing-per-key.ts`; not a
// benchmark table, a tool for finding what to change): the typing benchmark's page and keys,
// with a user-timing mark at each key's keydown and at the end of the frame that shows it, a
// Chromium trace and a CDP profile (0.1 ms) over the same typing. The profile's samples between
// a key's two marks are summed by function (through the build's source maps: build with
// SAJILO_SOURCE_MAPS=1, pick it with SAJILO_NEXT_DIST), per kind of key (letter, Space, Enter,
// symbol). On a loaded machine a sample also counts the time the thread waited for a CPU, so
// compare builds with the benchmark's thread CPU time (npm run bench -- typing), not with this.
// LAYOUT=phonetic|off (default phonetic); TOP=<n> functions listed; TREE=<part of a function's
// name> prints the calls under it (DEPTH levels), CALLERS=<part of a name> the callers of the
// samples whose own function it is; KEYS=<n,m,...> counts only those keys (1 = the first),
// SLOWER_THAN=<ms> only the keys on screen later than that;
// LAYOUTS=<n> lists the trace's tasks, style
// recalculations and layouts (with the stack that forced them) of the first n keys.
import { chromium } from '@playwright/test';
import { originalPositionFor } from '@jridgewell/trace-mapping';
import { sourceMapOf, startProfile } from './support/cpu-profile';
import { startServer } from './support/next-server';
import { LINES, program, typeAll } from './support/typing-workload';

const layout = process.env.LAYOUT === 'off' ? 'off' : 'phonetic';
const TOP = Number(process.env.TOP ?? 25);

interface KeyRecord {
  key: string;
  n: number;
  t0: number;
  dom?: number;
  screen?: number;
}

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: {
    data?: { type?: string; stackTrace?: StackFrame[]; functionName?: string; url?: string; lineNumber?: number };
    beginData?: {
      type?: string;
      dirtyObjects?: number;
      totalObjects?: number;
      partialLayout?: boolean;
      stackTrace?: StackFrame[];
    };
  };
}

interface StackFrame {
  functionName: string;
  url?: string;
  lineNumber: number;
}

/** The benchmark's probe (bench/typing.bench.ts), with a mark at each key's two moments. */
function probe() {
  const w = window as unknown as { __keys: KeyRecord[]; __start: () => void };
  const raf = window.requestAnimationFrame.bind(window);
  // The end of a frame: as in the benchmark, a task of the highest priority posted from it.
  const scheduler = (window as unknown as { scheduler: { postTask(fn: () => void, o: object): Promise<void> } })
    .scheduler;
  const whenRendered = (fn: () => void) => void scheduler.postTask(fn, { priority: 'user-blocking' });
  let frameOpen = false;
  /** Recorded when the next frame has been drawn (before any task the frame's callbacks post). */
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
  w.__keys = [];
  w.__start = () => {
    let current: KeyRecord | null = null;
    window.addEventListener(
      'keydown',
      (e) => {
        current = { key: e.key, t0: e.timeStamp, n: w.__keys.length };
        performance.mark(`key${current.n}`, { startTime: e.timeStamp });
      },
      true,
    );
    const changed = () => {
      if (!current) return;
      const k: KeyRecord = current;
      current = null;
      k.dom = performance.now() - k.t0;
      w.__keys.push(k);
      const record = () => {
        k.screen = performance.now() - k.t0;
        performance.mark(`screen${k.n}`);
      };
      if (frameOpen) {
        whenRendered(record);
      } else {
        nextFrame.push(record);
        window.requestAnimationFrame(() => {});
      }
    };
    new MutationObserver(changed).observe(document.querySelector('[data-testid=editor]')!, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  };
}

function shortSource(source: string): string {
  const s = source.replace(/^(turbopack|webpack):\/\/+(\[project\]\/)?/, '').replace(/\?.*$/, '');
  const nm = s.lastIndexOf('node_modules/');
  return nm >= 0 ? s.slice(nm + 'node_modules/'.length) : s;
}

const kindOf = (key: string) =>
  /^[a-z]$/i.test(key) ? 'letter' : key === 'Enter' ? 'Enter' : key === ' ' ? 'Space' : 'symbol';

interface KindTotals {
  n: number;
  self: Map<string, number>;
  inclusive: Map<string, number>;
  screen: number[];
}

const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);

async function main() {
  const { baseURL, stop } = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    // Round 0 warms up (JIT, fonts, caches); round 1 is recorded.
    for (let round = 0; round < 2; round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript({ content: `var __name = (fn) => fn; (${probe.toString()})();` });
      await page.addInitScript(
        ({ source, l }) => {
          localStorage.setItem('sajilo:draft:main', JSON.stringify({ source, stdin: '', latinDigits: false }));
          localStorage.setItem('sajilo:keyboard-layout', l);
        },
        { source: program(LINES), l: layout },
      );
      await page.goto(baseURL);
      const lines = page.locator('[data-testid=editor] .view-lines');
      await lines.waitFor({ state: 'visible', timeout: 60_000 });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await lines.click();
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      await page.evaluate(() => (window as unknown as { __start: () => void }).__start());
      if (round === 0) {
        await typeAll(page);
        await context.close();
        continue;
      }
      const stopProfile = await startProfile(await context.newCDPSession(page));
      await browser.startTracing(page, {
        categories: [
          'blink.user_timing',
          'toplevel',
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-devtools.timeline.stack',
        ],
      });
      await typeAll(page);
      const profile = (await stopProfile()) as unknown as {
        nodes: ProfileNode[];
        samples: number[];
        timeDeltas: number[];
        startTime: number;
      };
      const parsed = JSON.parse((await browser.stopTracing()).toString('utf8')) as
        TraceEvent[] | { traceEvents: TraceEvent[] };
      const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
      const keys = await page.evaluate(() => (window as unknown as { __keys: KeyRecord[] }).__keys);
      await context.close();
      report(keys, events, profile, await frameNames(profile.nodes));
    }
  } finally {
    await browser.close();
    stop();
  }
}

/** "source:line function" of each profile node, through the source maps. */
async function frameNames(nodes: ProfileNode[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const node of nodes) {
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    if (!url) {
      names.set(node.id, functionName.startsWith('(') ? functionName : `(native ${functionName})`);
      continue;
    }
    const map = await sourceMapOf(url);
    const p = map ? originalPositionFor(map, { line: lineNumber + 1, column: columnNumber }) : null;
    names.set(
      node.id,
      `${shortSource(p?.source ?? url)}:${p?.line ?? lineNumber}${functionName ? ` ${functionName}` : ''}`,
    );
  }
  return names;
}

function report(
  keys: KeyRecord[],
  events: TraceEvent[],
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number },
  names: Map<number, string>,
) {
  // Both clocks are the browser's monotonic one (µs): the marks' trace times bound each key.
  const markAt = new Map<string, number>();
  for (const e of events)
    if (e.cat?.includes('blink.user_timing') && /^(key|screen)\d+$/.test(e.name)) markAt.set(e.name, e.ts);
  const first = events.find((e) => e.name === 'key0');
  const pageThread = first ? `${first.pid}:${first.tid}` : '';
  const timeline = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === pageThread && e.dur !== undefined);
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sampleAt: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) sampleAt.push((t += delta));
  const stackOf = (id: number) => {
    const stack: string[] = [];
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) stack.push(names.get(x) ?? '?');
    return stack.reverse();
  };

  const kinds = new Map<string, KindTotals>();
  const tree = new Map<string, number>();
  keys.forEach((k, index) => {
    const from = markAt.get(`key${k.n}`);
    const to = markAt.get(`screen${k.n}`);
    if (from === undefined || to === undefined || k.screen === undefined) return;
    if (process.env.KEYS && !process.env.KEYS.split(',').includes(String(index + 1))) return;
    if (k.screen < Number(process.env.SLOWER_THAN ?? 0)) return;
    const kind = kindOf(k.key);
    let totals = kinds.get(kind);
    if (!totals) kinds.set(kind, (totals = { n: 0, self: new Map(), inclusive: new Map(), screen: [] }));
    totals.n++;
    totals.screen.push(k.screen);
    for (let s = 1; s < profile.samples.length; s++) {
      if (sampleAt[s] < from || sampleAt[s] > to) continue;
      const ms = profile.timeDeltas[s] / 1000;
      const stack = stackOf(profile.samples[s - 1]);
      add(totals.self, stack[stack.length - 1], ms);
      for (const frame of new Set(stack)) add(totals.inclusive, frame, ms);
      const at = process.env.TREE ? stack.findIndex((frame) => frame.includes(process.env.TREE!)) : -1;
      const leaf = stack[stack.length - 1];
      if (process.env.CALLERS && leaf.includes(process.env.CALLERS)) {
        const path = stack
          .slice(-Number(process.env.DEPTH ?? 6))
          .reverse()
          .map((frame) => frame.replace(/^.*\//, ''));
        for (let d = 1; d <= path.length; d++) add(tree, `${kind} ${path.slice(0, d).join(' < ')}`, ms);
      } else if (at >= 0) {
        const path = stack.slice(at, at + Number(process.env.DEPTH ?? 6)).map((frame) => frame.replace(/^.*\//, ''));
        for (let d = 1; d <= path.length; d++) add(tree, `${kind} ${path.slice(0, d).join(' > ')}`, ms);
      }
    }
    if (index < Number(process.env.LAYOUTS ?? 0)) {
      console.log(`-- key ${JSON.stringify(k.key)}: on screen after ${k.screen.toFixed(1)} ms`);
      for (const e of timeline) {
        if (
          e.ts < from ||
          e.ts > to ||
          ![
            'Layout',
            'UpdateLayoutTree',
            'FunctionCall',
            'EventDispatch',
            'FireAnimationFrame',
            'TimerFire',
            'Paint',
          ].includes(e.name)
        )
          continue;
        const data = e.args?.beginData ?? e.args?.data;
        const objects =
          e.args?.beginData?.dirtyObjects !== undefined
            ? ` dirty ${e.args.beginData.dirtyObjects}/${e.args.beginData.totalObjects}`
            : '';
        const forcedBy = (data?.stackTrace ?? [])
          .slice(0, 3)
          .map((f) => `${f.functionName}@${f.url?.split('/').pop()}:${f.lineNumber}`)
          .join(' < ');
        const called =
          e.name === 'FunctionCall' && e.args?.data?.url
            ? `${e.args.data.functionName || '(anonymous)'}@${e.args.data.url.split('/').pop()}:${e.args.data.lineNumber}`
            : '';
        console.log(
          `  +${((e.ts - from) / 1000).toFixed(1)} ms ${(e.dur! / 1000).toFixed(2)} ms ${e.name} ${data?.type ?? ''}${objects} ${forcedBy}${called}`,
        );
      }
    }
  });

  for (const [kind, totals] of kinds) {
    const screen = [...totals.screen].sort((a, b) => a - b);
    const busy = [...totals.self].filter(([f]) => f !== '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
    console.log(
      `\n== ${layout}, ${kind}: ${totals.n} keys, on screen p50 ${screen[Math.floor(screen.length / 2)].toFixed(1)} ms, ` +
        `p95 ${screen[Math.floor(screen.length * 0.95)].toFixed(1)} ms; per key between keydown and screen: busy ${(busy / totals.n).toFixed(2)} ms`,
    );
    console.log('-- self time, ms per key');
    for (const [f, ms] of [...totals.self].sort((a, b) => b[1] - a[1]).slice(0, TOP))
      console.log(`${(ms / totals.n).toFixed(3)}  ${f}`);
    console.log('-- inclusive time, ms per key');
    for (const [f, ms] of [...totals.inclusive].sort((a, b) => b[1] - a[1]).slice(0, TOP))
      console.log(`${(ms / totals.n).toFixed(3)}  ${f}`);
  }
  for (const [path, ms] of [...tree].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const n = kinds.get(path.split(' ')[0])!.n;
    if (ms / n >= 0.03) console.log(`${(ms / n).toFixed(3)} ${path}`);
  }
}

await main();

// Where a page's main-thread CPU time goes, from a CDP `Profiler` profile: self time per
// source file, through the build's browser source maps (a build made with SAJILO_SOURCE_MAPS=1;
// without maps every script counts as the chunk it is in).
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts sampling every `intervalUs`; the returned function stops and gives the profile. */
export async function startProfile(session: CDPSession, intervalUs = 100): Promise<() => Promise<Profile>> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.send('Profiler.start');
  return async () => (await session.send('Profiler.stop')).profile as unknown as Profile;
}

const sourceMaps = new Map<string, Promise<TraceMap | null>>();
/** The source map of a page script (fetched once per URL), or null when it has none. */
export function sourceMapOf(url: string): Promise<TraceMap | null> {
  if (!sourceMaps.has(url)) {
    sourceMaps.set(
      url,
      (async () => {
        try {
          const script = await (await fetch(url)).text();
          const mapUrl = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(script)?.[1];
          const res = mapUrl ? await fetch(new URL(mapUrl, url)) : null;
          return res?.ok ? new TraceMap((await res.json()) as never) : null;
        } catch {
          return null; // no map
        }
      })(),
    );
  }
  return sourceMaps.get(url)!;
}

/** Self time (ms) per source: `(program)` (the browser's own work: style, layout, paint, input),
 *  `(garbage collector)`, `(idle)`, or the original file of the script's code. */
export async function selfTimeBySource(profile: Profile): Promise<Map<string, number>> {
  const sourceOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    if (!url) {
      sourceOf.set(node.id, functionName.startsWith('(') ? functionName : '(native)');
      continue;
    }
    const map = await sourceMapOf(url);
    const source = map ? originalPositionFor(map, { line: lineNumber + 1, column: columnNumber }).source : null;
    sourceOf.set(node.id, normalise(source ?? url));
  }
  const self = new Map<string, number>();
  // A sample's time is the delta to the next sample.
  for (let i = 0; i < profile.samples.length - 1; i++) {
    const source = sourceOf.get(profile.samples[i]) ?? '(unknown)';
    self.set(source, (self.get(source) ?? 0) + profile.timeDeltas[i + 1] / 1000);
  }
  return self;
}

function normalise(source: string): string {
  const s = source.replace(/^(turbopack|webpack):\/\/+(\[project\]\/)?/, '').replace(/\?.*$/, '');
  const nm = s.lastIndexOf('node_modules/');
  return nm >= 0 ? s.slice(nm) : s;
}

/** The groups a typing profile is reported in. */
export function sourceGroup(source: string): string {
  if (source === '(idle)') return 'idle';
  if (source === '(program)' || source === '(native)') return 'browser (style, layout, paint, input)';
  if (source === '(garbage collector)') return 'garbage collector';
  if (/node_modules\/(monaco-editor|@monaco-editor)\//.test(source)) return 'Monaco';
  if (/node_modules\/(react|react-dom|scheduler|next)\//.test(source)) return 'React / Next';
  if (/^(components|lib|app)\//.test(source)) return 'ours';
  return 'other';
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}

/** Thread CPU time (ms) of the busiest renderer main thread in a Chromium trace recorded with
 *  the `toplevel` category: the sum of its top-level tasks' `tdur`, which does not count time
 *  the thread waited for a CPU (unlike a profile's samples on a loaded machine). */
export function rendererMainThreadCpuMs(trace: Buffer): number {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const cpu = new Map<string, number>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mainThreads.has(thread) || e.tdur === undefined) continue;
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    cpu.set(thread, (cpu.get(thread) ?? 0) + e.tdur / 1000);
  }
  return Math.max(0, ...cpu.values());
}

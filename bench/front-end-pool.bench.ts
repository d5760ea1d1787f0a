// The front end off the event loop (npm run bench -- front-end-pool), against production
// servers it starts itself (own process groups): POST /api/run for hello world, median and p99,
// with the compiler front end in worker threads (the default) and on the event loop
// (SAJILO_FRONTEND_IN_PROCESS=1, for this comparison only), each idle (both servers up,
// requests alternating between them) and while four clients post worst-case 64 KiB sources to
// /api/check back to back; then the pool's own round trip for hello world, without HTTP. "cached" is a compile-cache hit
// (the front end is skipped), "new" a source never seen (front end, tcc, sandbox).
// Target: the pool costs no more than a few ms on the median.
import { translateHere } from '../lib/compiler/translate';
import { FrontEndPool } from '../lib/run/front-end-pool';
import { startProductionServer, type ProductionServer } from '../tests/support/production-server';
import { atSigns, KIB, longMisspeltName } from '../tests/support/worst-case-sources';

const CACHED = Number(process.env.BENCH_SAMPLES ?? 200);
const FRESH = Math.round(CACHED / 2);
const HOSTILE = [longMisspeltName(64 * KIB), atSigns(64 * KIB)];

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

async function postRun(baseURL: string, source: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${baseURL}/api/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ source }),
  });
  const body = await res.json();
  const ms = performance.now() - started;
  if (res.status !== 200 || body.run?.verdict !== 'ok')
    throw new Error(`unexpected answer ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return ms;
}

/** Four clients posting hostile sources to /api/check until stopped; returns how many they sent. */
function hostileClients(baseURL: string): { stop: () => Promise<number> } {
  let stopping = false;
  let sent = 0;
  const client = async (index: number) => {
    for (let i = index; !stopping; i++) {
      const res = await fetch(`${baseURL}/api/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ source: HOSTILE[i % HOSTILE.length] }),
      });
      await res.arrayBuffer();
      sent++;
    }
  };
  const running = [0, 1, 2, 3].map(client);
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(running);
      return sent;
    },
  };
}

type Rows = { cached: number[]; fresh: number[] };
const emptyRows = (): Rows => ({ cached: [], fresh: [] });

/** Hello world on each server in turn, request by request, so both see the same moments of a
 *  shared machine's load. */
async function measureInterleaved(servers: ProductionServer[], tag: string): Promise<Rows[]> {
  const rows = servers.map(emptyRows);
  for (let i = 0; i < CACHED; i++) {
    for (const [k, server] of servers.entries())
      rows[k].cached.push(await postRun(server.baseURL, 'देखाउ("नमस्ते, संसार!")\n'));
  }
  for (let i = 0; i < FRESH; i++) {
    for (const [k, server] of servers.entries())
      rows[k].fresh.push(await postRun(server.baseURL, `देखाउ("नमस्ते ${tag} ${k} ${i} ${Date.now()}")\n`));
  }
  return rows;
}

/** The pool's own cost, without HTTP: the front end and C generator of hello world here and
 *  through a worker thread, alternately. */
async function poolRoundTrip() {
  const pool = new FrontEndPool({ threads: 1, inProcess: false });
  const here: number[] = [];
  const there: number[] = [];
  await pool.translate('देखाउ(१)\n', { byPointer: true });
  for (let i = 0; i < 1000; i++) {
    const source = `देखाउ("नमस्ते ${i}")\n`;
    let t = performance.now();
    await translateHere(source, { byPointer: true });
    here.push(performance.now() - t);
    t = performance.now();
    await pool.translate(source, { byPointer: true });
    there.push(performance.now() - t);
  }
  await pool.close();
  return { here, there };
}

const CONFIGS: { label: string; env: Record<string, string> }[] = [
  { label: 'worker pool', env: {} },
  { label: 'event loop (no pool)', env: { SAJILO_FRONTEND_IN_PROCESS: '1' } },
];
const servers: ProductionServer[] = [];
const idle: Rows[] = [];
const loaded: { rows: Rows; hostileSent: number }[] = [];
try {
  for (const c of CONFIGS)
    servers.push(await startProductionServer({ ports: [3135, 3136, 3137, 3138, 3139], env: c.env }));
  for (const server of servers) {
    for (let i = 0; i < 20; i++) await postRun(server.baseURL, 'देखाउ("नमस्ते, संसार!")\n'); // warm up
    await postRun(server.baseURL, `देखाउ("warm ${Date.now()}")\n`);
  }
  idle.push(...(await measureInterleaved(servers, 'idle')));
  for (const server of servers) {
    const flood = hostileClients(server.baseURL);
    await new Promise((r) => setTimeout(r, 500));
    const [rows] = await measureInterleaved([server], 'loaded');
    loaded.push({ rows, hostileSent: await flood.stop() });
  }
} finally {
  for (const server of servers) await server.stop();
}
const roundTrip = await poolRoundTrip();

console.log(
  `\n/api/run hello world on production servers (${CACHED} cached, ${FRESH} new per row; idle rows interleaved request by request), ms:\n`,
);
console.log('| front end | load | request | median | p99 |');
console.log('|---|---|---|---|---|');
for (const [k, c] of CONFIGS.entries()) {
  for (const [load, m] of [
    ['idle', idle[k]],
    [`4 hostile clients (${loaded[k].hostileSent} checks answered)`, loaded[k].rows],
  ] as const) {
    console.log(`| ${c.label} | ${load} | cached | ${f(pct(m.cached, 50))} | ${f(pct(m.cached, 99))} |`);
    console.log(`| ${c.label} | ${load} | new | ${f(pct(m.fresh, 50))} | ${f(pct(m.fresh, 99))} |`);
  }
}
console.log(
  `\nPool cost on the median of a new hello world over HTTP, idle: ${f(pct(idle[0].fresh, 50) - pct(idle[1].fresh, 50))} ms (target: a few ms).`,
);
console.log('\nFront end + C generation of hello world, 1000 each, alternately (no HTTP), ms:\n');
console.log('| where | median | p99 |');
console.log('|---|---|---|');
console.log(`| this thread | ${f(pct(roundTrip.here, 50))} | ${f(pct(roundTrip.here, 99))} |`);
console.log(`| worker thread (round trip) | ${f(pct(roundTrip.there, 50))} | ${f(pct(roundTrip.there, 99))} |`);

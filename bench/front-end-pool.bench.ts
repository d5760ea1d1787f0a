// The front end off the event loop (npm run bench -- front-end-pool), against production
// servers it starts itself (own process groups): POST /api/run for hello world, median and p99,
// with the compiler front end in worker threads (the default) and on the event loop
// (SAJILO_FRONTEND_IN_PROCESS=1, for this comparison only), each idle and while four clients
// post worst-case 64 KiB sources to /api/check back to back. "cached" is a compile-cache hit
// (the front end is skipped), "new" a source never seen (front end, tcc, sandbox).
// Target: the pool costs no more than a few ms on the median.
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
  const res = await fetch(`${baseURL}/api/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source }) });
  const body = await res.json();
  const ms = performance.now() - started;
  if (res.status !== 200 || body.run?.verdict !== 'ok') throw new Error(`unexpected answer ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return ms;
}

/** Four clients posting hostile sources to /api/check until stopped; returns how many they sent. */
function hostileClients(baseURL: string): { stop: () => Promise<number> } {
  let stopping = false;
  let sent = 0;
  const client = async (index: number) => {
    for (let i = index; !stopping; i++) {
      const res = await fetch(`${baseURL}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source: HOSTILE[i % HOSTILE.length] }) });
      await res.arrayBuffer();
      sent++;
    }
  };
  const running = [0, 1, 2, 3].map(client);
  return { stop: async () => { stopping = true; await Promise.all(running); return sent; } };
}

async function measure(server: ProductionServer, tag: string) {
  const cached: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < CACHED; i++) cached.push(await postRun(server.baseURL, 'देखाउ("नमस्ते, संसार!")\n'));
  for (let i = 0; i < FRESH; i++) fresh.push(await postRun(server.baseURL, `देखाउ("नमस्ते ${tag} ${i} ${Date.now()}")\n`));
  return { cached, fresh };
}

async function scenario(label: string, env: Record<string, string>) {
  const server = await startProductionServer({ ports: [3135, 3136, 3137, 3138, 3139], env });
  try {
    for (let i = 0; i < 20; i++) await postRun(server.baseURL, 'देखाउ("नमस्ते, संसार!")\n'); // warm up
    await postRun(server.baseURL, `देखाउ("warm ${Date.now()}")\n`);
    const idle = await measure(server, `${label}-idle`);
    const flood = hostileClients(server.baseURL);
    await new Promise((r) => setTimeout(r, 500));
    const loaded = await measure(server, `${label}-loaded`);
    const hostileSent = await flood.stop();
    return { label, idle, loaded, hostileSent };
  } finally {
    await server.stop();
  }
}

const results = [
  await scenario('worker pool', {}),
  await scenario('event loop (no pool)', { SAJILO_FRONTEND_IN_PROCESS: '1' }),
];

console.log(`\n/api/run hello world on a production server (${CACHED} cached, ${FRESH} new per row), ms:\n`);
console.log('| front end | load | request | median | p99 |');
console.log('|---|---|---|---|---|');
for (const r of results) {
  for (const [load, m] of [['idle', r.idle], [`4 hostile clients (${r.hostileSent} checks)`, r.loaded]] as const) {
    console.log(`| ${r.label} | ${load} | cached | ${f(pct(m.cached, 50))} | ${f(pct(m.cached, 99))} |`);
    console.log(`| ${r.label} | ${load} | new | ${f(pct(m.fresh, 50))} | ${f(pct(m.fresh, 99))} |`);
  }
}
const [pool, inline] = results;
console.log(`\nPool cost on the median of a new hello world, idle: ${f(pct(pool.idle.fresh, 50) - pct(inline.idle.fresh, 50))} ms (target: a few ms).`);

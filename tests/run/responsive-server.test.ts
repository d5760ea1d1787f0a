// Against a production server (next build + next start): while four clients post the worst
// hostile 64 KiB sources to /api/check back to back (the front end's worst case, with no run
// to wait for), a hello world run and a page load still answer within one second: the
// compiler runs in worker threads, never on the server's event loop. Many samples are taken;
// the bound is asserted on the 90th percentile (a shared machine can stall any one request)
// and the table of measured times is printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProductionServer, type ProductionServer } from '../support/production-server';
import { atSigns, KIB, longMisspeltName } from '../support/worst-case-sources';

const SAMPLES = 30;
const BOUND_MS = 1000;
const HOSTILE = [longMisspeltName(64 * KIB), atSigns(64 * KIB), longMisspeltName(24 * KIB)];

let server: ProductionServer;
beforeAll(async () => {
  server = await startProductionServer({ ports: [3130, 3131, 3132, 3133, 3134] });
}, 15 * 60_000);
afterAll(async () => {
  await server?.stop();
});

async function timed(request: () => Promise<Response>): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const res = await request();
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body };
}

const postJson = (path: string, body: unknown) =>
  fetch(`${server.baseURL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

interface Samples {
  cached: number[];
  fresh: number[];
  pages: number[];
}

/** `n` rounds of: the cached hello world, a new one (front end in the pool, tcc, sandbox), the page. */
async function sample(n: number): Promise<Samples> {
  const m: Samples = { cached: [], fresh: [], pages: [] };
  for (let i = 0; i < n; i++) {
    for (const [source, into] of [
      ['देखाउ("नमस्ते")\n', m.cached],
      [`देखाउ("नमस्ते ${i} ${Date.now()}")\n`, m.fresh],
    ] as const) {
      const run = await timed(() => postJson('/api/run', { source }));
      expect(run.status, run.body).toBe(200);
      expect(JSON.parse(run.body).run.verdict).toBe('ok');
      into.push(run.ms);
    }
    const page = await timed(() => fetch(server.baseURL));
    expect(page.status).toBe(200);
    m.pages.push(page.ms);
    await new Promise((r) => setTimeout(r, 50));
  }
  return m;
}

describe('the event loop under hostile sources', () => {
  it(
    'hello world runs and page loads answer within a second while four clients post worst-case sources',
    async () => {
      // Warm up: the page, the worker threads, the compile cache for the fixed hello world.
      await timed(() => fetch(server.baseURL));
      await timed(() => postJson('/api/check', { source: HOSTILE[0] }));
      const warm = await timed(() => postJson('/api/run', { source: 'देखाउ("नमस्ते")\n' }));
      expect(warm.status).toBe(200);

      // The same samples with no hostile clients, printed beside them: what this machine gives.
      const idle = await sample(8);

      let stop = false;
      const hostileAnswers: { status: number; omitted: number; codes: number }[] = [];
      const client = async (index: number) => {
        for (let i = index; !stop; i++) {
          const source = HOSTILE[i % HOSTILE.length];
          const res = await postJson('/api/check', { source });
          const body = await res.json();
          hostileAnswers.push({
            status: res.status,
            omitted: body.omittedDiagnostics ?? -1,
            codes: body.diagnostics?.length ?? -1,
          });
        }
      };
      const clients = [0, 1, 2, 3].map(client);
      await new Promise((r) => setTimeout(r, 500)); // let the flood start

      const loaded = await sample(SAMPLES);
      stop = true;
      await Promise.all(clients);

      const row = (load: string, name: string, xs: number[]) =>
        `| ${load} | ${name} | ${xs.length} | ${percentile(xs, 50).toFixed(0)} | ${percentile(xs, 90).toFixed(0)} | ${Math.max(...xs).toFixed(0)} |`;
      const rows = (load: string, m: Samples) => [
        row(load, 'hello world, cached', m.cached),
        row(load, 'hello world, new', m.fresh),
        row(load, 'page load', m.pages),
      ];
      console.log(
        [
          '| load | request | samples | median ms | p90 ms | max ms |',
          '|---|---|---|---|---|---|',
          ...rows('idle', idle),
          ...rows('4 hostile clients', loaded),
        ].join('\n'),
      );
      console.log(`hostile requests answered meanwhile: ${hostileAnswers.length}`);

      // The flood was real and was answered properly (first hundred diagnostics, the rest counted).
      expect(hostileAnswers.length).toBeGreaterThanOrEqual(SAMPLES / 2);
      expect(hostileAnswers.every((a) => a.status === 200 && a.codes >= 1 && a.codes <= 100)).toBe(true);
      expect(hostileAnswers.some((a) => a.omitted === 64 * KIB - 100)).toBe(true);

      for (const xs of [loaded.cached, loaded.fresh, loaded.pages]) expect(percentile(xs, 90)).toBeLessThan(BOUND_MS);
    },
    10 * 60_000,
  );
});

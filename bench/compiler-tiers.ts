// Tiered compilation, measured through the real run pipeline (lib/run: run queue, sandbox,
// compile cache, background queue). Part of `npm run bench -- compiler`:
//  (e) first run (fast tier) and second run (optimised tier, after the background build) of
//      fib(30), the sieve and matmul, against the --optimise executable run directly;
//  (f) the first run of a new hello world with tiering on and off;
//  (g) interactive runs under load: 4 clients looping new programs (each run twice, so the
//      queue has upgrades to make), p50/p90 of a run with tiering on and off; then 2 clients,
//      where slots fall free between runs and the queue does upgrade.
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildExecutable, findCachedExecutable } from '../lib/compiler/build';
import { runProgram, runQueue, tiering, upgradeQueue } from '../lib/run/index';
import { UpgradeQueue, type UpgradeOutcome } from '../lib/run/tiers';
import { runSandboxed, shutdownSandbox } from '../sandbox/index';

type Table = (head: string[], rows: (string | number)[][]) => void;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const f1 = (x: number) => x.toFixed(1);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function cpuOfRun(source: string): Promise<{ cpu: number; tier: string; stdout: string }> {
  const r = await runProgram({ source });
  if (!r.run || r.run.verdict !== 'ok')
    throw new Error(
      `bench program failed: ${JSON.stringify(r.compile.diagnostics)} ${r.run?.verdict} ${r.run?.stderr}`,
    );
  return { cpu: r.run.cpuMs, tier: r.run.tier, stdout: r.run.stdout };
}

/** (e) fast tier, then the optimised tier once the background build has settled. */
export async function tieredRuns(programs: [string, string][], table: Table): Promise<void> {
  console.log(
    '### (e) tiered runs through the run pipeline (sandbox CPU ms of the whole run, median of 9 runs each)\n',
  );
  const rows: (string | number)[][] = [];
  for (const [name, source] of programs) {
    const tagged = `${source}# ${name} ${Date.now()}\n`; // a program nobody has run yet
    const built = upgradeQueue.settled({ source: tagged, latinDigits: false });
    const first = await cpuOfRun(tagged);
    const outcome = await built;
    const second: number[] = [];
    let tier = '';
    let same = true;
    for (let i = 0; i < 9; i++) {
      const r = await cpuOfRun(tagged);
      second.push(r.cpu);
      tier = r.tier;
      same &&= r.stdout === first.stdout;
    }
    const fast: number[] = [first.cpu];
    const opt = await buildExecutable(tagged, { optimise: true });
    const served = findCachedExecutable(tagged, { optimise: true });
    const identical = served !== null && opt.cached && sha256(served.executable!) === sha256(opt.executable!);
    const direct: number[] = [];
    for (let i = 0; i < 9; i++) {
      const r = await runSandboxed({ argv: [opt.executable!], cpuMs: 10_000, wallMs: 20_000 });
      direct.push(r.cpuMs);
    }
    // More fast-tier samples: the same program with tiering off.
    tiering.enabled = false;
    for (let i = 0; i < 8; i++) fast.push((await cpuOfRun(tagged)).cpu);
    tiering.enabled = true;
    rows.push([
      name,
      `${f1(median(fast))} (fast)`,
      `${f1(median(second))} (${tier}; build ${outcome})`,
      f1(median(direct)),
      `${(median(second) / median(direct)).toFixed(2)}x`,
      `${(median(fast) / median(second)).toFixed(1)}x`,
      identical ? 'yes' : 'NO',
      same ? 'yes' : 'NO',
    ]);
  }
  table(
    [
      'program',
      'first run CPU ms',
      'second run CPU ms',
      '--optimise exe CPU ms',
      'second vs --optimise',
      'first / second',
      'second run = --optimise executable',
      'same output',
    ],
    rows,
  );
}

/** Wall time of one runProgram, ms. */
async function timedRun(source: string, client = 'bench'): Promise<number> {
  const t = performance.now();
  // Each simulated client is its own client of the fair run queue.
  const r = await runProgram({ source }, { client });
  if (r.run?.verdict !== 'ok') throw new Error(`bench program failed: ${r.run?.verdict}`);
  return performance.now() - t;
}

/** (f) a new hello world each time, tiering on and off interleaved. */
export async function helloFirstRun(table: Table): Promise<void> {
  console.log(
    '### (f) first run of a new hello world through the run pipeline (wall ms, 15 programs each, interleaved)\n',
  );
  const on: number[] = [];
  const off: number[] = [];
  const stamp = Date.now();
  for (let i = 0; i < 15; i++) {
    for (const enabled of [true, false]) {
      tiering.enabled = enabled;
      const ms = await timedRun(`देखाउ("नमस्ते, संसार!", ${i}, "${enabled}-${stamp}")\n`);
      (enabled ? on : off).push(ms);
    }
  }
  tiering.enabled = true;
  await upgradeQueue.idle();
  table(
    ['tiering', 'p50 wall ms', 'p90 wall ms'],
    [
      ['on', f1(median(on)), f1(pct(on, 0.9))],
      ['off', f1(median(off)), f1(pct(off, 0.9))],
    ],
  );
}

// A program with a little work (a loop and a list), new in every iteration of every client.
const loadProgram = (client: number, n: number, stamp: string) => `राख ल = []
हरेक i = १ देखि २००० सम्म
    थप(ल, i * ${(n % 7) + 1})
अन्त्य
राख स = ०
हरेक x ल मा
    स = स + x % ${client + 3}
अन्त्य
देखाउ(स, "${stamp}-${client}-${n}")
`;

async function loadPhase(
  enabled: boolean,
  seconds: number,
  clients: number,
): Promise<{ runs: number[]; outcomes: Record<UpgradeOutcome, number> }> {
  tiering.enabled = enabled;
  const outcomes: Record<UpgradeOutcome, number> = { built: 0, failed: 0, dropped: 0 };
  const count = (_key: string, o: UpgradeOutcome) => {
    outcomes[o]++;
  };
  upgradeQueue.on('settled', count);
  const runs: number[] = [];
  const stamp = `${enabled}-${Date.now()}`;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, (_, i) => i).map(async (client) => {
      for (let n = 0; performance.now() < until; n++) {
        const source = loadProgram(client, n, stamp);
        runs.push(await timedRun(source, `bench-client-${client}`));
        runs.push(await timedRun(source, `bench-client-${client}`)); // the same program again: an upgrade may serve it
      }
    }),
  );
  await upgradeQueue.idle();
  upgradeQueue.off('settled', count);
  tiering.enabled = true;
  return { runs, outcomes };
}

/** (g) n clients, tiering on vs off, twice each in alternation. */
export async function underLoad(table: Table, clients = 4, seconds = 15): Promise<void> {
  console.log(
    `### (g) interactive runs under load: ${clients} clients looping new programs (each run twice), ${seconds} s per phase, run queue concurrency ${runQueue.stats.concurrency}\n`,
  );
  const rows: (string | number)[][] = [];
  const p50: Record<string, number[]> = { on: [], off: [] };
  for (const enabled of [true, false, true, false]) {
    const { runs, outcomes } = await loadPhase(enabled, seconds, clients);
    p50[enabled ? 'on' : 'off'].push(median(runs));
    rows.push([
      enabled ? 'on' : 'off',
      runs.length,
      f1(median(runs)),
      f1(pct(runs, 0.9)),
      enabled ? `${outcomes.built} built, ${outcomes.dropped} dropped, ${outcomes.failed} failed` : '—',
    ]);
  }
  table(['tiering', 'runs', 'p50 wall ms', 'p90 wall ms', 'background builds'], rows);
  const on = p50.on.reduce((a, b) => a + b) / p50.on.length;
  const off = p50.off.reduce((a, b) => a + b) / p50.off.length;
  console.log(
    `p50 with tiering on / off (mean of the two phases each): ${f1(on)} / ${f1(off)} ms = ${((on / off - 1) * 100).toFixed(1)} %\n`,
  );
}

export { shutdownSandbox, UpgradeQueue };

// `npm run bench -- fuzz`: 100,000 fixed-seed fuzz inputs (the categories of
// tests/compiler/fuzz/inputs.ts) through the front end, and a share of the accepted programs
// compiled and run on each installed C path. Prints what happened per category and the
// faults found (internal errors, bad diagnostics, C compile failures, unexpected signals,
// odd exit statuses), with the first examples of each so they can be fixed.
// Target: 0 faults of any kind.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PathKind } from '../lib/compiler/build';
import { compileAndRun, frontEnd, installedPaths } from '../tests/compiler/fuzz/harness';
import { CATEGORIES, fuzzInput, prng, seedPrograms } from '../tests/compiler/fuzz/inputs';

const INPUTS = 100_000;
const SEED = 20261202;
// Every n-th accepted program is compiled and run on a path (tcc: milliseconds; gcc: a static link).
const EVERY: Record<PathKind, number> = { 'tcc-musl': 4, 'musl-gcc': 100, gcc: 100 };

const work = mkdtempSync(path.join(os.tmpdir(), 'sajilo-fuzz-bench-'));
process.env.SAJILO_CACHE_DIR = path.join(work, 'cache');

function table(head: string[], rows: (string | number)[][]): void {
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

const faults = new Map<string, string[]>();
function fault(kind: string, example: string): void {
  const list = faults.get(kind) ?? [];
  list.push(example);
  faults.set(kind, list);
}

async function main(): Promise<void> {
  const random = prng(SEED);
  const seeds = seedPrograms();
  const paths = installedPaths();
  const perCategory = new Map(CATEGORIES.map((c) => [c, { inputs: 0, accepted: 0, rejected: 0, faults: 0, ms: 0 }]));
  const perPath = new Map(paths.map((p) => [p, { runs: 0, ok: 0, runtimeError: 0, limit: 0, faults: 0, ms: 0 }]));
  let acceptedSeen = 0;
  const started = performance.now();
  for (let i = 0; i < INPUTS; i++) {
    const { category, source } = fuzzInput(random, i, seeds);
    const c = perCategory.get(category)!;
    c.inputs++;
    const t = performance.now();
    const outcome = frontEnd(source);
    c.ms += performance.now() - t;
    if (outcome.kind === 'internal' || outcome.kind === 'bad-diagnostic') {
      c.faults++;
      fault(`front end: ${outcome.kind}`, `${outcome.detail} ← ${JSON.stringify(source).slice(0, 400)}`);
      continue;
    }
    c[outcome.kind]++;
    if (outcome.kind !== 'accepted') continue;
    acceptedSeen++;
    for (const kind of paths) {
      if (acceptedSeen % EVERY[kind] !== 0) continue;
      const p = perPath.get(kind)!;
      const t0 = performance.now();
      const run = await compileAndRun(source, kind);
      p.ms += performance.now() - t0;
      p.runs++;
      if (run.kind === 'ok') p.ok++;
      else if (run.kind === 'runtime-error') p.runtimeError++;
      else if (run.kind === 'limit') p.limit++;
      else if ('detail' in run) {
        p.faults++;
        fault(`${kind}: ${run.kind}`, `${run.detail} ← ${JSON.stringify(source).slice(0, 400)}`);
      }
    }
    if ((i + 1) % 10_000 === 0)
      process.stderr.write(`[fuzz] ${i + 1} inputs, ${Math.round((performance.now() - started) / 1000)} s\n`);
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(
    `\n${INPUTS.toLocaleString('en')} inputs (seed ${SEED}) in ${seconds.toFixed(0)} s on ${os.cpus().length} cores (load ${os.loadavg()[0].toFixed(1)})\n`,
  );
  table(
    ['category', 'inputs', 'accepted', 'rejected', 'front-end faults', 'front end ms/input'],
    [...perCategory].map(([k, c]) => [k, c.inputs, c.accepted, c.rejected, c.faults, (c.ms / c.inputs).toFixed(2)]),
  );
  console.log('');
  table(
    ['C path', 'programs compiled and run', 'exit 0', 'runtime error', 'fuzz limit', 'faults', 'ms/program'],
    [...perPath].map(([k, p]) => [
      k,
      p.runs,
      p.ok,
      p.runtimeError,
      p.limit,
      p.faults,
      p.runs ? (p.ms / p.runs).toFixed(1) : '-',
    ]),
  );
  console.log('');
  const kinds = [
    'front end: internal',
    'front end: bad-diagnostic',
    ...paths.flatMap((p) => ['internal', 'c-compile-failure', 'signal', 'bad-status'].map((k) => `${p}: ${k}`)),
  ];
  table(
    ['fault', 'count'],
    kinds.map((k) => [k, faults.get(k)?.length ?? 0]),
  );
  for (const [kind, examples] of faults) {
    console.log(`\n${kind}: first examples`);
    for (const e of examples.slice(0, 3)) console.log(`  ${e}`);
  }
}

main().finally(() => rmSync(work, { recursive: true, force: true }));

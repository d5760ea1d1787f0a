// Start-up cost of the two command-line tools, as people call them, in one hyperfine run:
// `node -e 0` (the floor for any Node tool), the launcher's native client, and each CLI built
// (build/cli/, what bin/*.mjs run) against the TypeScript source through tsx (what they ran
// before), directly and through `npx --no-install`. Run with `npm run bench -- cli`.
// Targets: the sandbox CLI at most 100 ms more than `node -e 0`; `sajilo run` of a cached
// program at most 250 ms more. Printed, never asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtIsFresh } from '../bin/launch.mjs';
import { startFifoSupervisor } from './native-client';

const RUNS = Number(process.env.BENCH_RUNS) || 20;
const NPX_RUNS = Math.max(3, Math.floor(RUNS / 4)); // npx costs seconds per call
const root = process.cwd();

if (spawnSync('sh', ['-c', 'command -v hyperfine']).status !== 0) {
  console.log('hyperfine not installed (apt-get install hyperfine): no CLI timings measured');
  process.exit(0);
}
for (const name of ['sajilo', 'sajilo-sandbox']) {
  if (!builtIsFresh(name)) execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-bench-cli-'));
chmodSync(dir, 0o755);
const hello = path.join(dir, 'hello');
writeFileSync(`${hello}.c`, '#include <stdio.h>\nint main(void){puts("hello");return 0;}\n');
execFileSync('gcc', ['-static', '-O2', '-o', hello, `${hello}.c`]);
const program = path.join(root, 'examples', 'fizzbuzz.saj');
execFileSync(process.execPath, ['bin/sajilo.mjs', 'run', program], { stdio: 'ignore' }); // fill the cache
const native = startFifoSupervisor(dir);

const node = process.execPath;
const sandboxArgs = `run -- ${hello}`;
const runArgs = `run ${program}`;
type Row = { name: string; cmd: string; runs: number; group: 'base' | 'sandbox' | 'run' };
const rows: Row[] = [
  { name: 'node -e 0', cmd: `${node} -e 0`, runs: RUNS, group: 'base' },
  { name: 'sajilo-launcher client (native)', cmd: native.command(hello), runs: RUNS, group: 'base' },
  {
    name: 'sajilo-sandbox run: bin (built)',
    cmd: `${node} bin/sajilo-sandbox.mjs ${sandboxArgs}`,
    runs: RUNS,
    group: 'sandbox',
  },
  {
    name: 'sajilo-sandbox run: tsx (before)',
    cmd: `${node} --import tsx sandbox/cli.ts ${sandboxArgs}`,
    runs: RUNS,
    group: 'sandbox',
  },
  {
    name: 'sajilo-sandbox run: npx (built)',
    cmd: `npx --no-install sajilo-sandbox ${sandboxArgs}`,
    runs: NPX_RUNS,
    group: 'sandbox',
  },
  {
    name: 'sajilo-sandbox run: npx + tsx (before)',
    cmd: `npx --no-install tsx sandbox/cli.ts ${sandboxArgs}`,
    runs: NPX_RUNS,
    group: 'sandbox',
  },
  { name: 'sajilo run, cached: bin (built)', cmd: `${node} bin/sajilo.mjs ${runArgs}`, runs: RUNS, group: 'run' },
  {
    name: 'sajilo run, cached: tsx (before)',
    cmd: `${node} --import tsx lib/compiler/cli.ts ${runArgs}`,
    runs: RUNS,
    group: 'run',
  },
  { name: 'sajilo run, cached: npx (built)', cmd: `npx --no-install sajilo ${runArgs}`, runs: NPX_RUNS, group: 'run' },
  {
    name: 'sajilo run, cached: npx + tsx (before)',
    cmd: `npx --no-install tsx lib/compiler/cli.ts ${runArgs}`,
    runs: NPX_RUNS,
    group: 'run',
  },
];

// One hyperfine call per row, rows interleaved over two rounds, so that a shared machine's
// drifting load falls on all of them alike; the table shows the lower of the two round medians.
const measured = new Map<string, { median: number; user: number; sys: number }>();
for (let round = 0; round < 2; round++) {
  for (const row of rows) {
    const json = path.join(dir, 'hf.json');
    const r = spawnSync(
      'hyperfine',
      [
        '-N',
        '--warmup',
        '1',
        '--runs',
        String(row.runs),
        '--export-json',
        json,
        '--style',
        'none',
        '-n',
        row.name,
        row.cmd,
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    if (r.status !== 0) throw new Error(`hyperfine failed: ${row.cmd}\n${r.stderr}`);
    const res = JSON.parse(readFileSync(json, 'utf8')).results[0];
    const m = { median: res.median * 1000, user: res.user * 1000, sys: res.system * 1000 };
    const prev = measured.get(row.name);
    if (!prev || m.median < prev.median) measured.set(row.name, m);
  }
}
native.stop();
rmSync(dir, { recursive: true, force: true });

const floor = measured.get('node -e 0')!.median;
const target = { base: null, sandbox: 100, run: 250 } as const;
const load = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(
  `\nMeasured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores, load ${load}; median wall ms (lower of 2 interleaved rounds), ${RUNS} runs (npx: ${NPX_RUNS})\n`,
);
console.log('| command | wall ms | over `node -e 0` | CPU ms (user+sys) | CPU over `node -e 0` | target (wall) |');
console.log('| --- | --- | --- | --- | --- | --- |');
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(0)}`;
const floorCpu = measured.get('node -e 0')!.user + measured.get('node -e 0')!.sys;
for (const row of rows) {
  const m = measured.get(row.name)!;
  const over = m.median - floor;
  const t = target[row.group];
  // Targets are for the documented fast paths (bin/, npm link), not for npx or the old tsx path.
  const verdict =
    t === null || row.name.includes('before') || row.name.includes('npx')
      ? ''
      : `≤ +${t}: ${over <= t ? 'met' : 'missed'}`;
  const isFloor = row.name === 'node -e 0';
  console.log(
    `| ${row.name} | ${m.median.toFixed(0)} | ${isFloor ? '' : signed(over)} | ${(m.user + m.sys).toFixed(0)} | ${isFloor ? '' : signed(m.user + m.sys - floorCpu)} | ${verdict} |`,
  );
}

// Per-run overhead of a static hello world: bare fork+exec, this sandbox, bubblewrap and
// firejail, side by side, back-to-back and with 100 ms idle between runs (the cgroup v1
// attach cost shows only after idle). Run with `npm run bench -- sandbox`. Prints a table.
//
// What is measured for this sandbox:
//  - "sajilo (client)": hyperfine runs `sajilo-launcher client`, a tiny native client that
//    hands one request to an already running supervisor over two FIFOs and prints the
//    program's output: process spawn + full sandboxed run, as comparable as it gets to one
//    `bwrap ...` invocation.
//  - "sajilo (TS API)": runSandboxed() in this process, the way the server calls it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSandboxed, shutdownSandbox } from '../sandbox/index';
import { startFifoSupervisor } from './native-client';

const RUNS = Number(process.env.BENCH_RUNS) || 200;
const dir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-bench-'));
chmodSync(dir, 0o755);
const hello = path.join(dir, 'hello');
writeFileSync(`${hello}.c`, '#include <stdio.h>\nint main(void){puts("hello");return 0;}\n');
execFileSync('gcc', ['-static', '-O2', '-o', hello, `${hello}.c`]);

const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['hyperfine', 'bwrap', 'firejail'].filter((c) => !have(c));
if (missing.length && process.getuid?.() === 0) {
  // Benchmark tools only, never product dependencies.
  const pkgs = missing.map((c) => (c === 'bwrap' ? 'bubblewrap' : c));
  console.log(`installing ${pkgs.join(' ')} (apt-get)`);
  spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit' });
}
if (!have('hyperfine')) {
  console.log('hyperfine not installed: apt-get install hyperfine');
  process.exit(1);
}

const native = startFifoSupervisor(dir);

const commands: [string, string][] = [
  ['bare fork+exec', hello],
  ['sajilo (client)', native.command(hello)],
];
if (have('bwrap'))
  commands.push([
    'bubblewrap --unshare-all',
    `bwrap --unshare-all --die-with-parent --new-session --ro-bind ${hello} /hello /hello`,
  ]);
if (have('firejail')) commands.push(['firejail --net=none', `firejail --quiet --noprofile --net=none ${hello}`]);

// The load of a shared machine drifts within seconds, so every runner is measured in ROUNDS
// interleaved rounds and the table shows the median of the per-round medians.
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
const per = Math.max(10, Math.floor(RUNS / ROUNDS));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function hyperfine(extra: string[]): Record<string, number> {
  const json = path.join(dir, 'hf.json');
  const args = ['-N', '--warmup', '5', '--runs', String(per), '--export-json', json, '--style', 'none', ...extra];
  for (const [name, cmd] of commands) args.push('-n', name, cmd);
  const r = spawnSync('hyperfine', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('hyperfine failed');
  const out: Record<string, number> = {};
  for (const res of JSON.parse(readFileSync(json, 'utf8')).results) out[res.command] = res.median * 1000;
  return out;
}

async function api(idleMs: number, n: number): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    if (idleMs) await new Promise((r) => setTimeout(r, idleMs));
    const t0 = performance.now();
    const r = await runSandboxed({ argv: [hello] });
    t.push(performance.now() - t0);
    if (r.verdict !== 'ok') throw new Error(`sandbox run failed: ${JSON.stringify(r)}`);
  }
  return median(t);
}

async function throughput(n: number): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next++ < n) await runSandboxed({ argv: [hello] });
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return n / ((performance.now() - t0) / 1000);
}

// TS API configurations (supervisors read these variables when they start): the default,
// supervisors pinned to CPUs (opt-in), and without keeping a run's launch chain on the
// supervisor's CPU (on by default).
const apiConfigs: [string, string | null][] = [
  ['sajilo (TS API, in-process)', null],
  ['sajilo (TS API, SAJILO_SANDBOX_PIN=1)', 'SAJILO_SANDBOX_PIN'],
  ['sajilo (TS API, SAJILO_SANDBOX_NO_AFFINITY=1)', 'SAJILO_SANDBOX_NO_AFFINITY'],
];

const load0 = os.loadavg()[0];
const busyR: Record<string, number[]> = {};
const idleR: Record<string, number[]> = {};
const push = (m: Record<string, number[]>, k: string, v: number) => (m[k] ??= []).push(v);
for (let round = 0; round < ROUNDS; round++) {
  for (const [k, v] of Object.entries(hyperfine([]))) push(busyR, k, v);
  for (const [k, v] of Object.entries(hyperfine(['--prepare', 'sleep 0.1']))) push(idleR, k, v);
  for (const [label, env] of apiConfigs) {
    if (env) process.env[env] = '1';
    await api(0, 10);
    push(busyR, label, await api(0, per));
    push(idleR, label, await api(100, Math.min(per, 20)));
    await shutdownSandbox();
    if (env) delete process.env[env];
  }
}
native.stop();
const rps = await throughput(600);
await shutdownSandbox();
console.log(
  `static hello world, ${ROUNDS} interleaved rounds of ${per} runs (idle: ${Math.min(per, 20)} for the TS API), median of round medians; ${os.cpus().length} cores, load ${load0.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)}`,
);

const bare = median(busyR['bare fork+exec']);
const bareIdle = median(idleR['bare fork+exec']);
const rows: string[][] = [];
for (const name of [...commands.map(([n]) => n), ...apiConfigs.map(([n]) => n)]) {
  const b = median(busyR[name]);
  const i = median(idleR[name]);
  rows.push([
    name,
    b.toFixed(2),
    (b / bare).toFixed(1),
    i.toFixed(2),
    (i / bareIdle).toFixed(1),
    (1000 / b).toFixed(0),
  ]);
}
const head = ['runner', 'back-to-back ms', 'x bare', '100 ms idle ms', 'x bare', 'runs/s (1 at a time)'];
const fmt = (r: string[]) => `| ${r.join(' | ')} |`;
console.log([fmt(head), fmt(head.map(() => '---')), ...rows.map(fmt)].join('\n'));
console.log(`\nsajilo TS API, 4 concurrent callers on ${os.cpus().length} cores: ${rps.toFixed(0)} runs/s (600 runs)`);
rmSync(dir, { recursive: true, force: true });
process.exit(0);

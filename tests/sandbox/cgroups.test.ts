// cgroup file writes and counter parsing, against fake cgroupfs trees (plain directories):
// the v2 path cannot run for real on this v1 host, so its writes and reads are checked here.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAUNCHER } from '../../sandbox/index';
import { tempDir } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function plan(version: 'v1' | 'v2', memoryMb: number, pids: number) {
  const root = tempDir('sajilo-fakecg-');
  dirs.push(root);
  if (version === 'v1') for (const c of ['memory', 'pids', 'cpuacct']) mkdirSync(path.join(root, c));
  const r = spawnSync(LAUNCHER, ['cgroup-plan', version, root, String(memoryMb), String(pids)], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const [mem, pid, cpu] = r.stdout.trim().split('\n');
  return { root, mem, pid, cpu, child: r.pid! };
}

const read = (...p: string[]) => readFileSync(path.join(...p), 'utf8').trim();

describe('cgroup v2 slot', () => {
  it('enables controllers in the parent, limits memory with swap off, counts pids with headroom', () => {
    const { root, mem, pid, cpu } = plan('v2', 100, 10);
    expect(mem).toBe(pid);
    expect(mem).toBe(cpu);
    expect(path.dirname(mem)).toBe(root);
    expect(path.basename(mem)).toMatch(/^sajilo-\d+-\d+$/);
    expect(read(root, 'cgroup.subtree_control')).toBe('+memory +pids +cpu');
    expect(read(mem, 'memory.max')).toBe(String((100 + 4) * 1024 * 1024)); // + supervisor headroom
    expect(read(mem, 'memory.swap.max')).toBe('0');
    expect(read(mem, 'pids.max')).toBe('12'); // + supervisor and init
    expect(Number(read(mem, 'cgroup.procs'))).toBeGreaterThan(0); // the supervisor attached itself
  });

  it('reads CPU, OOM kills and memory.max events as differences from the run start', async () => {
    const d = tempDir('sajilo-fakecg-');
    dirs.push(d);
    writeFileSync(path.join(d, 'cpu.stat'), 'usage_usec 1000\nuser_usec 800\nsystem_usec 200\n');
    writeFileSync(path.join(d, 'memory.events'), 'low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n');
    writeFileSync(path.join(d, 'memory.peak'), '5242880\n');
    const out = await usage('v2', d, () => {
      writeFileSync(path.join(d, 'cpu.stat'), 'usage_usec 251000\nuser_usec 800\nsystem_usec 200\n');
      writeFileSync(path.join(d, 'memory.events'), 'low 0\nhigh 0\nmax 9\noom 2\noom_kill 2\n');
    });
    expect(out).toBe('cpu_ns=250000000 peak=5242880 oom=1 mem_failed=1');
  });

  it('reports no OOM when the counters did not move', async () => {
    const d = tempDir('sajilo-fakecg-');
    dirs.push(d);
    writeFileSync(path.join(d, 'cpu.stat'), 'usage_usec 7\n');
    writeFileSync(path.join(d, 'memory.events'), 'max 0\noom_kill 0\n');
    writeFileSync(path.join(d, 'memory.peak'), '1\n');
    expect(await usage('v2', d, () => {})).toBe('cpu_ns=0 peak=1 oom=0 mem_failed=0');
  });
});

describe('cgroup v1 slot', () => {
  it('creates one directory per hierarchy with the same name and limits', () => {
    const { root, mem, pid, cpu } = plan('v1', 64, 5);
    expect(path.dirname(mem)).toBe(path.join(root, 'memory'));
    expect(path.dirname(pid)).toBe(path.join(root, 'pids'));
    expect(path.dirname(cpu)).toBe(path.join(root, 'cpuacct'));
    expect(path.basename(mem)).toBe(path.basename(pid));
    expect(read(mem, 'memory.limit_in_bytes')).toBe(String(68 * 1024 * 1024));
    expect(read(pid, 'pids.max')).toBe('7');
  });

  it('reads cpuacct.usage and the oom_kill counter of memory.oom_control', async () => {
    const d = tempDir('sajilo-fakecg-');
    dirs.push(d);
    writeFileSync(path.join(d, 'cpuacct.usage'), '5000000\n');
    writeFileSync(path.join(d, 'memory.oom_control'), 'oom_kill_disable 0\nunder_oom 0\noom_kill 4\n');
    writeFileSync(path.join(d, 'memory.failcnt'), '2\n');
    writeFileSync(path.join(d, 'memory.max_usage_in_bytes'), '0\n');
    const out = await usage('v1', d, () => {
      writeFileSync(path.join(d, 'cpuacct.usage'), '17000000\n');
      writeFileSync(path.join(d, 'memory.oom_control'), 'oom_kill_disable 0\nunder_oom 0\noom_kill 5\n');
      writeFileSync(path.join(d, 'memory.max_usage_in_bytes'), '1048576\n');
    });
    expect(out).toBe('cpu_ns=12000000 peak=1048576 oom=1 mem_failed=0');
  });
});

function usage(version: string, dir: string, between: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(LAUNCHER, ['cgroup-usage', version, dir]);
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out === 'ready\n') {
        between();
        p.stdin.write('go\n');
      }
    });
    p.on('exit', (code) => (code === 0 ? resolve(out.slice(6).trim()) : reject(new Error(`exit ${code}`))));
  });
}

// The command-line contract (docs/sandbox.md, "Command line"): one JSON object with exactly these keys and types,
// stdin passed through, exit status by verdict; doctor tells what is active.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHostile, slotDirsPerSupervisor, tempDir } from './helpers';

const BIN = path.join(import.meta.dirname, '..', '..', 'bin', 'sajilo-sandbox.mjs');
let dir: string;
let hostile: string;

beforeAll(() => {
  dir = tempDir();
  hostile = buildHostile(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sajilo-sandbox run', () => {
  it('prints one JSON object with the contract keys and types, passing stdin through', () => {
    const r = cli(['run', '--', hostile, 'hello'], 'ইনপুট input');
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual([
      'verdict',
      'exitCode',
      'signal',
      'cpuMs',
      'wallMs',
      'memoryKb',
      'stdout',
      'stderr',
      'truncated',
    ]);
    expect(j).toMatchObject({ verdict: 'ok', exitCode: 0, signal: null, stderr: '', truncated: false });
    expect(j.stdout).toBe('argv0=hostile args=2 stdin=ইনপুট input\n');
    for (const k of ['cpuMs', 'wallMs', 'memoryKb']) expect(Number.isInteger(j[k])).toBe(true);
  });

  it('applies the limit options and exits 1 when the program fails', () => {
    const t = cli(['run', '--cpu-ms', '300', '--wall-ms', '4000', '--', hostile, 'spin']);
    expect(t.status).toBe(1);
    expect(JSON.parse(t.stdout)).toMatchObject({ verdict: 'time_limit', exitCode: null, signal: 'SIGKILL' });
    const o = cli(['run', '--output-bytes', '100', '--', hostile, 'flood']);
    expect(JSON.parse(o.stdout)).toMatchObject({ verdict: 'output_limit', truncated: true, stdout: 'x'.repeat(100) });
    const m = cli(['run', '--memory-mb', '32', '--', hostile, 'membomb']);
    expect(JSON.parse(m.stdout).verdict).toBe('memory_limit');
    const p = cli(['run', '--pids', '4', '--', hostile, 'threadbomb']);
    expect(JSON.parse(p.stdout)).toMatchObject({ verdict: 'ok', stdout: 'threads=3\n' });
    const e = cli(['run', '--', hostile, 'exit3']);
    expect(e.status).toBe(1);
    expect(JSON.parse(e.stdout)).toMatchObject({ verdict: 'runtime_error', exitCode: 3 });
  });

  it('runs the compile profile with a work directory', () => {
    const r = cli([
      'run',
      '--profile',
      'compile',
      '--work-dir',
      dir,
      '--',
      '/bin/sh',
      '-c',
      'echo made > out.txt; cat out.txt; pwd',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'ok', stdout: `made\n${dir}\n` });
  });

  it('answers internal_error with exit 2 for a program that does not exist', () => {
    const r = cli(['run', '--', path.join(dir, 'missing')]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).verdict).toBe('internal_error');
  });

  it('rejects bad usage with exit 2 and no JSON', () => {
    for (const args of [
      ['run', hostile],
      ['run', '--cpu-ms', 'abc', '--', hostile],
      ['run', '--profile', 'x', '--', hostile],
      ['frobnicate'],
    ]) {
      const r = cli(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('usage');
    }
  });
});

describe('sajilo-sandbox doctor', () => {
  it('reports every protection; cgroups active where this host lets the launcher make a slot', () => {
    const r = cli(['doctor', '--json']);
    expect(r.status).toBe(0);
    const { checks, facts } = JSON.parse(r.stdout);
    const byName = Object.fromEntries(checks.map((c: { name: string; status: string }) => [c.name, c.status]));
    for (const n of ['launcher', 'namespaces', 'seccomp', 'supervisor', 'compile profile', 'network'])
      expect(byName[n]).toBe('active');
    expect(byName.cgroups).toBe(slotDirsPerSupervisor() > 0 ? 'active' : 'degraded');
    expect(facts.cgroup_version).toMatch(/^(v1|v2|none)$/);
    // Swap accounting is reported as it is, not assumed.
    expect(byName['swap accounting']).toBe(facts.cgroup_swap_accounting === '1' ? 'active' : 'degraded');
  });
});

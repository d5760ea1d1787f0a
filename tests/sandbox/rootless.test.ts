// Rootless: the CLI run by an unprivileged user (nobody) still isolates through user
// namespaces; without writable cgroups it falls back to rlimits and doctor says so.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHostile, tempDir } from './helpers';

const BIN = path.join(import.meta.dirname, '..', '..', 'bin', 'sajilo-sandbox.mjs');
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

function why(): string | null {
  if (process.getuid?.() !== 0) return 'needs root to switch to an unprivileged user (setpriv)';
  if (!existsSync('/usr/bin/setpriv')) return 'setpriv not installed';
  const r = spawnSync('setpriv', [...NOBODY, 'unshare', '-Urpf', '--mount-proc', 'true']);
  if (r.status !== 0) return `unprivileged user namespaces unavailable: ${r.stderr?.toString().trim()}`;
  return null;
}
const reason = why();
if (reason) console.log(`[rootless] skipped: ${reason}`);

let dir: string;
let hostile: string;
beforeAll(() => {
  if (!reason) {
    dir = tempDir();
    hostile = buildHostile(dir);
  }
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function asNobody(args: string[], input = '') {
  const r = spawnSync('setpriv', [...NOBODY, 'env', 'HOME=/tmp', process.execPath, BIN, ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
    cwd: '/tmp',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(reason)('rootless (as nobody)', () => {
  it('runs a program in namespaces with the run profile filter', () => {
    const ok = asNobody(['run', '--', hostile, 'hello'], 'x');
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ verdict: 'ok', stdout: 'argv0=hostile args=2 stdin=x\n' });
    const bomb = asNobody(['run', '--', hostile, 'forkbomb']);
    expect(JSON.parse(bomb.stdout).verdict).toBe('security_violation');
    const host = asNobody(['run', '--', hostile, 'readhost', '/tmp']);
    expect(JSON.parse(host.stdout)).toMatchObject({ verdict: 'ok' });
  });

  it('limits memory and CPU by rlimits when cgroups are not writable', () => {
    const mem = JSON.parse(asNobody(['run', '--memory-mb', '48', '--', hostile, 'membomb']).stdout);
    expect(mem.verdict).toBe('memory_limit');
    expect(mem.memoryKb).toBeLessThan(80 * 1024);
    // CPU sampled from /proc: ends near 300 ms, not at RLIMIT_CPU's whole second.
    const cpu = JSON.parse(asNobody(['run', '--cpu-ms', '300', '--wall-ms', '60000', '--', hostile, 'spin']).stdout);
    expect(cpu.verdict).toBe('time_limit');
    expect(cpu.cpuMs).toBeGreaterThanOrEqual(300);
    expect(cpu.cpuMs).toBeLessThan(950);
    expect(cpu.signal).toBe('SIGKILL'); // killed by the sampler, not by SIGXCPU
  });

  it('compiles with gcc in the compile profile and runs the result', () => {
    const work = tempDir();
    chmodSync(work, 0o777); // the caller's directory, writable for nobody
    writeFileSync(
      path.join(work, 'sum.c'),
      '#include <stdio.h>\nint main(void){int a,b;scanf("%d %d",&a,&b);printf("%d\\n",a+b);}\n',
    );
    try {
      const c = asNobody([
        'run',
        '--profile',
        'compile',
        '--memory-mb',
        '512',
        '--work-dir',
        work,
        '--',
        '/usr/bin/gcc',
        '-static',
        '-o',
        path.join(work, 'sum'),
        path.join(work, 'sum.c'),
      ]);
      expect(JSON.parse(c.stdout).verdict, c.stdout + c.stderr).toBe('ok');
      const r = asNobody(['run', '--', path.join(work, 'sum')], '20 22');
      expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'ok', stdout: '42\n' });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('doctor reports the cgroup fallback as degraded', () => {
    const r = asNobody(['doctor', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const checks = JSON.parse(r.stdout).checks as { name: string; status: string; detail: string }[];
    const cg = checks.find((c) => c.name === 'cgroups')!;
    expect(cg.status).toBe('degraded');
    expect(cg.detail).toContain('rlimits');
    expect(checks.find((c) => c.name === 'namespaces')!.status).toBe('active');
    expect(checks.find((c) => c.name === 'supervisor')!.detail).toContain('unprivileged');
  });
});
